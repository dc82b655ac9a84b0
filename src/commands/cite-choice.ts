// The style, form and part of a citation, from the flags of rif cite (and rif search --cite), the
// config file's cite_style and a --csl style file.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { configOf } from '../config.js';
import { visible } from '../control.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { CSL_TEXT_STYLES, DATA_STYLES, type CitePart, type CiteStyle } from '../render/cite-styles.js';
import { cslStyleProblem, MAX_CSL_BYTES } from '../render/csl-file.js';

/** The output formats of a citation: markdown and plain are the forms of a style's text, json is CSL-JSON. */
export const CITE_FORMATS = Object.freeze(['markdown', 'plain', 'json'] as const);
export type CiteFormat = (typeof CITE_FORMATS)[number];

export interface Choice {
  readonly style: CiteStyle | { readonly xml: string; readonly name: string };
  readonly form: 'markdown' | 'plain';
  readonly part: CitePart;
}

export interface ChoiceFlags {
  readonly style?: CiteStyle;
  readonly csl?: string;
  readonly format?: CiteFormat;
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly plain?: boolean;
  /** false with --no-bibliography */
  readonly bibliography?: boolean;
  readonly bibliographyOnly?: boolean;
}

const isData = (style: string): boolean => (DATA_STYLES as readonly string[]).includes(style);
const isCsl = (style: string): boolean => (CSL_TEXT_STYLES as readonly string[]).includes(style);

/**
 * The style: --style (or --csl), else the config file's cite_style, else markdown. The form: a format
 * flag, which for rif's own markdown and plain styles (one style in two forms) picks between them, and
 * which a data style, having one form, refuses, whether --style or the config file names it. --json is
 * CSL-JSON, whatever the config file says.
 */
function styleAndForm(flags: ChoiceFlags, io: Io): { style: CiteStyle | 'csl'; form: 'markdown' | 'plain' } {
  const formats = [...new Set([...(flags.format ? [flags.format] : []), ...CITE_FORMATS.filter((f) => flags[f])])];
  if (formats.length > 1) throw new UsageError(`choose one output format, not ${formats.map((f) => `--${f}`).join(' and ')}`);
  const format = formats[0];
  if (flags.csl !== undefined && flags.style) throw new UsageError(`choose --style ${flags.style} or --csl, not both`);
  const named = flags.csl === undefined ? flags.style : 'csl';
  if (format === 'json') {
    if (named && named !== 'csl-json') throw new UsageError(`choose one citation style, not ${named} and csl-json`);
    return { style: 'csl-json', form: 'markdown' };
  }
  const configured = configOf(io.config).cite_style;
  const style = named ?? (configured && (isCsl(configured) || isData(configured)) ? configured : (format ?? configured ?? 'markdown'));
  if (format && isData(style)) throw new UsageError(`${style}${named ? '' : " (the config file's cite_style)"} has one form: drop --${format}`);
  if (format && named && (named === 'markdown' || named === 'plain') && named !== format)
    throw new UsageError(`choose one citation style, not ${named} and ${format}`);
  return { style, form: format === 'plain' || style === 'plain' ? 'plain' : 'markdown' };
}

/** The choice a citation is printed with; a --csl file is read and checked here, before any facts are. */
export function citeChoice(flags: ChoiceFlags, io: Io): Choice {
  const { style, form } = styleAndForm(flags, io);
  if (flags.bibliography === false && flags.bibliographyOnly) throw new UsageError('choose --no-bibliography or --bibliography-only, not both');
  const part: CitePart = flags.bibliography === false ? 'notes' : flags.bibliographyOnly ? 'bibliography' : 'all';
  if (part !== 'all' && style !== 'csl' && !isCsl(style))
    throw new UsageError(
      `--${part === 'notes' ? 'no-bibliography' : 'bibliography-only'} goes with a style that has a bibliography (${CSL_TEXT_STYLES.join(', ')} or --csl), not ${style}`,
    );
  return { style: style === 'csl' ? { xml: readStyleFile(resolve(io.cwd ?? '', flags.csl!), flags.csl!), name: flags.csl! } : style, form, part };
}

/** A CSL style file: a regular file, no larger than any style is, and a CSL style citeproc-js can render. */
function readStyleFile(path: string, given: string): string {
  const shown = visible(given);
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`${shown} is not a regular file; --csl reads a CSL style file`);
    if (stat.size > MAX_CSL_BYTES)
      throw new UsageError(`${shown} is over ${MAX_CSL_BYTES / 1024 ** 2}M, larger than any CSL style; --csl reads a CSL style file`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read the CSL style ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const problem = cslStyleProblem(text);
  if (problem) throw new UsageError(`${shown} is not a CSL style rif can use: ${problem}`);
  return text;
}
