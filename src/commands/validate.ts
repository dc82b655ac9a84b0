import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Command, Option } from 'commander';
import { chalkFor, displayPath, type ColorOptions } from '../context.js';
import { absolutePath } from '../facts/files.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import * as parse from '../options.js';
import { BUNDLED_DIR } from '../paths.js';
import { renderReportJson, renderReportText } from '../render/report.js';
import { addColorOptions, addSizeOption } from './shared.js';

type ValidateOptions = ColorOptions & {
  readonly format?: 'text' | 'json';
  readonly json?: boolean;
  /** false with --no-bundled */
  readonly bundled?: boolean;
  readonly maxWarnings?: number;
  readonly maxFileSize?: number;
};

const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

export function validateCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('validate')
    .description('check fact files: every problem as file:line:col CODE message, then a summary')
    .argument('[paths...]', 'fact files or directories to check (default: the bundled facts)')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--json', 'same as --format json')
    .option('--no-bundled', 'check the paths on their own, without the bundled facts as context')
    .addOption(new Option('--max-warnings <n>', 'exit 3 when there are more warnings than this').argParser(parse.parseCount))
    .addHelpText(
      'after',
      `
Paths are checked against the bundled facts, so a user fact may relate to a bundled one, and an id
that repeats a bundled id is reported. Files inside a folder named event/, treaty/ or allegation/
follow the bundled layout: the folder is the kind and the file name is the id. A value still
in "<angle brackets>" is a placeholder rif new wrote, an error of its own (RIF025).
Warnings (RIF018 no aliases, RIF019 a treaty with one source, RIF020 a summary over 80 words,
RIF022 a source without a title, RIF023 a source without a publisher) do not change the exit code
unless --max-warnings is given.

Examples:
  rif validate                          the bundled facts
  rif validate ~/notes/facts            your own facts
  rif validate --format json facts/ | jq '.issues[] | select(.severity == "error")'

Exit codes:
  0  no errors (warnings allowed, up to --max-warnings)
  2  usage error (a path that does not exist, an unknown flag)
  3  errors found, or more warnings than --max-warnings`,
    );
  return addColorOptions(addSizeOption(cmd)).action(async (paths: string[], options: ValidateOptions) => {
    const format = options.json ? 'json' : (options.format ?? 'text');
    if (!paths.length && options.bundled === false) throw new UsageError('--no-bundled needs paths to check');
    // the exact loader brings the YAML parser and the schema: loaded only for this command
    const [{ loadFacts }, { lintFacts }, { buildReport }] = await Promise.all([
      import('../facts/load.js'),
      import('../facts/lint.js'),
      import('../facts/report.js'),
    ]);
    const result = loadFacts({
      bundledDir: BUNDLED_DIR,
      includeBundled: options.bundled !== false,
      userPaths: paths,
      cwd: io.cwd,
      maxFileBytes: options.maxFileSize,
    });
    const roots = (paths.length ? paths.map((path) => absolutePath(path, io.cwd)) : [BUNDLED_DIR]).map(real);
    const inScope = (file: string) => {
      const path = real(file);
      return roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
    };
    const report = buildReport({
      files: result.files,
      factFiles: result.entries.map((e) => e.fact.file),
      // the warnings of entries with errors too: one run shows every problem
      issues: [...result.issues, ...lintFacts([...result.entries, ...result.partial])],
      inScope,
    });
    const show = <T extends { file: string }>(at: T): T => ({ ...at, file: displayPath(at.file, io.cwd) });
    const shown = { ...report, issues: report.issues.map((i) => (i.also ? { ...show(i), also: show(i.also) } : show(i))) };
    io.stdout(format === 'json' ? renderReportJson(shown) : renderReportText(shown, chalkFor(options, io)));
    const tooManyWarnings = options.maxWarnings !== undefined && report.warnings > options.maxWarnings;
    done(report.errors || tooManyWarnings ? EXIT.data : EXIT.ok);
  });
}
