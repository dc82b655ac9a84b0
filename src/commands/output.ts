// The output flags every printing command shares, and what they come to: the format, the width and
// the look of the forms for people. One place decides them all, so every command behaves the same.
import { Option, type Command } from 'commander';
import { configOf } from '../config.js';
import { chalkFor, type ColorOptions } from '../context.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import * as parse from '../options.js';
import { FORMATS, MAX_WIDTH, type Format, type Look } from '../render/format.js';
import { MIN_PICTURE_COLUMNS } from '../render/svg.js';

/** Pictures to put in a document or on a web page: the charts people see, drawn for elsewhere (timeline, stats). */
const PICTURE_FORMATS = Object.freeze(['svg', 'mermaid'] as const);
export type PictureFormat = (typeof PICTURE_FORMATS)[number];

export interface OutputOptions extends ColorOptions {
  readonly format?: Format | PictureFormat;
  readonly svg?: boolean;
  readonly mermaid?: boolean;
  readonly json?: boolean;
  readonly ndjson?: boolean;
  readonly csv?: boolean;
  readonly tsv?: boolean;
  readonly markdown?: boolean;
  readonly table?: boolean;
  readonly plain?: boolean;
  readonly fields?: string[];
  readonly width?: number;
  /** --wrap, or false with --no-wrap */
  readonly wrap?: boolean;
}

/** What each format prints, for the help of --format. */
const SHORT: Readonly<Record<Format | PictureFormat, string>> = Object.freeze({
  table: 'the form for people: a table, card or chart (the default on a terminal)',
  plain: 'tab-separated lines without a header (the default in a pipe)',
  json: 'a JSON array of records',
  ndjson: 'one JSON record per line',
  csv: 'CSV with a header row (lists as JSON arrays)',
  tsv: 'tab-separated values with a header row (lists as JSON arrays)',
  markdown: 'Markdown to paste into a document',
  svg: 'a self-contained SVG picture, --width columns of 10 pixels wide',
  mermaid: 'a Mermaid block for GitHub, GitLab and Obsidian',
});

/** What the data formats print where there are no records but counts (stats). */
const COUNTS: Readonly<Partial<Record<Format, string>>> = Object.freeze({
  json: 'one JSON document of the counts',
  ndjson: 'one JSON object per count (section, key, value)',
  csv: 'CSV with a header row: section, key, value',
  tsv: 'tab-separated values with a header row: section, key, value',
});

/** Below this width a table is one line per row, cut to fit; from it on, cells wrap. */
const WRAP_FROM = 100;
/** The width where none is given and none can be measured (a pipe). */
const DEFAULT_WIDTH = 80;

export interface OutputFlags {
  /** the fields --fields accepts; none: the command prints no records of fields (stats) */
  readonly fields?: readonly string[];
  /** --wrap and --no-wrap, for commands that draw tables */
  readonly table?: boolean;
  /** what the default form is, for the help: "table", "card", "chart" */
  readonly human?: string;
  /** --format svg and mermaid, for the commands that draw a chart (timeline, stats) */
  readonly pictures?: boolean;
}

/** --format and its short forms, --fields where records print, --width, and --wrap where tables are drawn. */
export function addOutputOptions(cmd: Command, flags: OutputFlags = {}): Command {
  const human = flags.human ?? 'table';
  const formats = [...FORMATS, ...(flags.pictures ? PICTURE_FORMATS : [])];
  cmd.addOption(new Option('--format <format>', `the output format (default: the ${human} on a terminal, plain in a pipe)`).choices(formats));
  for (const format of formats)
    cmd.option(
      `--${format}`,
      format === 'table'
        ? `same as --format table: the ${human}, in a pipe too`
        : `same as --format ${format}: ${(!flags.fields && COUNTS[format as Format]) || SHORT[format]}`,
    );
  if (flags.fields) {
    cmd.addOption(
      new Option('--fields <list>', 'the fields to print, comma-separated, in that order (e.g. id,date,title)').argParser(parse.parseFieldsOf(flags.fields)),
    );
  }
  cmd.addOption(
    new Option(
      '--width <n>',
      `draw at n columns, at most ${MAX_WIDTH} (default: COLUMNS, else the terminal's width, else ${DEFAULT_WIDTH})${flags.pictures ? `; a picture ${MIN_PICTURE_COLUMNS} or more, 10 pixels each` : ''}`,
    ).argParser(parse.parseWidth),
  );
  if (flags.table) {
    cmd.option('--wrap', `wrap long cells in a grid (the default from ${WRAP_FROM} columns)`);
    cmd.option('--no-wrap', `one line per row, long cells cut with … (the default below ${WRAP_FROM} columns)`);
  }
  return cmd;
}

/**
 * The format: --format or a short form; else the config file's, where `table` means the table on a
 * terminal and plain lines in a pipe; else that same choice. A format asked for on the command line is
 * what prints, in a pipe too: `--format table | less -R` pages the table.
 */
export function outputFormat(options: OutputOptions, io: Io): Format {
  const format = chartFormat(options, io);
  // only the commands that draw a chart declare the picture formats: commander refuses them elsewhere
  if (format === 'svg' || format === 'mermaid') throw new UsageError(`--format ${format} draws a chart: rif timeline and rif stats take it`);
  return format;
}

/** The format of a command that draws a chart: every format, and the pictures. */
export function chartFormat(options: OutputOptions, io: Io): Format | PictureFormat {
  const chosen = [...new Set([...(options.format ? [options.format] : []), ...[...FORMATS, ...PICTURE_FORMATS].filter((f) => options[f])])];
  if (chosen.length > 1) throw new UsageError(`choose one output format, not ${chosen.map((f) => `--${f}`).join(' and ')}`);
  if (chosen[0]) return chosen[0];
  const fallback = configOf(io.config).format ?? 'table';
  return fallback === 'table' && !io.stdoutIsTTY ? 'plain' : fallback;
}

/** COLUMNS when it holds a width. */
function columnsVariable(io: Io): number | undefined {
  const text = io.env['COLUMNS']?.trim() ?? '';
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

/**
 * The width to draw at: --width, else COLUMNS (as ls and Python read it), else the terminal's width,
 * else the config file's `width`, else 80.
 */
export function outputWidth(options: { readonly width?: number }, io: Io): number {
  const terminal = io.stdoutIsTTY && io.columns > 0 ? io.columns : undefined;
  // a config file that cannot be used is reported by the commands that read it, not here (help, the pager)
  const width = options.width ?? columnsVariable(io) ?? terminal ?? (io.config?.error ? undefined : io.config?.config.width) ?? DEFAULT_WIDTH;
  return Math.min(MAX_WIDTH, width);
}

/**
 * The width of an SVG picture, in columns of 10 pixels: --width below MIN_PICTURE_COLUMNS is a usage
 * error; a narrower COLUMNS, terminal or config file width is raised to it.
 */
export function pictureWidth(options: { readonly width?: number }, io: Io): number {
  if (options.width !== undefined && options.width < MIN_PICTURE_COLUMNS) {
    throw new UsageError(
      `--width ${options.width} is too narrow for a picture: give ${MIN_PICTURE_COLUMNS} columns (${MIN_PICTURE_COLUMNS * 10} pixels) or more`,
    );
  }
  return Math.max(MIN_PICTURE_COLUMNS, outputWidth(options, io));
}

/** How the forms for people are drawn: colour, width, and (tables) whether cells wrap. */
export function outputLook(options: OutputOptions, io: Io): Look {
  const width = outputWidth(options, io);
  return { chalk: chalkFor(options, io), width, wrap: options.wrap ?? width >= WRAP_FROM };
}
