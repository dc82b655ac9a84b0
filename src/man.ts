// The man page, rif(1), generated from the program's own help: every command, argument and option as
// --help shows them, then the text each help adds after them, sorted into the page's sections (its
// examples into EXAMPLES, the program's exit codes into EXIT STATUS). Only what no help says, the
// environment and the files, is written here.
import type { Command } from 'commander';
import { defaultCommand, visibleCommands } from './completion/commands.js';
import { ENVIRONMENT, FILES } from './man-text.js';

/**
 * Characters roff would not print as typed: hyphens become minus signs (so options and ids copy as
 * typed), quotes and tildes stay ASCII. Dashes and curly quotes get their names, which whatis reads.
 */
const SPECIAL: Readonly<Record<string, string>> = Object.freeze({
  '\\': '\\e',
  '-': '\\-',
  "'": '\\(aq',
  '`': '\\(ga',
  '"': '\\(dq',
  '~': '\\(ti',
  '^': '\\(ha',
  '\u2013': '\\(en',
  '\u2014': '\\(em',
  '\u2018': '\\(oq',
  '\u2019': '\\(cq',
  '\u201c': '\\(lq',
  '\u201d': '\\(rq',
});

/** One character as roff reads it; outside ASCII, by its code point, so the page is ASCII whatever reads it. */
function char(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return SPECIAL[c] ?? (code > 0x7e ? `\\[u${code.toString(16).toUpperCase().padStart(4, '0')}]` : c);
}

/** Text as roff: every special character escaped. */
export function roff(text: string): string {
  return [...text].map(char).join('');
}

/** A line of text: one that starts with a dot would be read as a request. */
const line = (text: string) => (text.startsWith('.') ? `\\&${text}` : text);
const bold = (text: string) => `\\fB${roff(text)}\\fR`;
const italic = (text: string) => `\\fI${roff(text)}\\fR`;

/** An option (`-V, --version`, `--facts <path>`) or a usage (`[options] <ids...>`) as a man page writes it: flags in bold, values in italics. */
function term(text: string): string {
  return text
    .split(' ')
    .map((word) => {
      const flag = /^(-[^,]*)(,?)$/.exec(word);
      if (flag) return `${bold(flag[1]!)}${flag[2]}`;
      const value = /^<(.*)>$/.exec(word);
      if (value) return italic(value[1]!);
      const optional = /^\[(.*)\]$/.exec(word);
      return optional ? `[${italic(optional[1]!)}]` : roff(word);
    })
    .join(' ');
}

const tagged = (tag: string, text: string) => ['.TP', tag, ...(text ? [line(roff(text))] : [])];

interface Block {
  readonly heading?: string;
  readonly lines: readonly string[];
}

/** The text a help adds after its lists, as blocks between blank lines; `Examples:` and the like head theirs. */
function blocks(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((l) => l.trim()))
    .filter((lines) => lines.length)
    .map((lines) => {
      const [first, ...rest] = lines as [string, ...string[]];
      return /^\S.*:$/.test(first) && rest.length && rest.every((l) => /^\s/.test(l)) ? { heading: first.slice(0, -1), lines: rest } : { lines };
    });
}

/** Indented lines as items: a term, two spaces or more, its text; a line indented further goes on. */
function items(lines: readonly string[]): { term: string; text: string }[] {
  const indent = (l: string) => l.length - l.trimStart().length;
  const out: { term: string; text: string }[] = [];
  for (const l of lines) {
    const last = out.at(-1);
    if (last && indent(l) > indent(lines[0]!)) {
      last.text = `${last.text} ${l.trim()}`.trim();
      continue;
    }
    const m = /^(\S.*?)\s{2,}(?:#\s*)?(\S.*)$/.exec(l.trim()) ?? /^(\d+)\s+(.*)$/.exec(l.trim());
    out.push(m ? { term: m[1]!, text: m[2]! } : { term: l.trim(), text: '' });
  }
  return out;
}

/** A prose block as a paragraph, or indented lines as a list of terms. */
function body(block: Block): string[] {
  const label = block.heading ? ['.PP', `${bold(block.heading)}:`] : [];
  if (block.lines.every((l) => /^\s/.test(l))) return [...label, ...items(block.lines).flatMap((i) => tagged(bold(i.term), i.text))];
  return [...label, '.PP', ...block.lines.map((l) => line(roff(l.trim())))];
}

/** Examples as the help lays them out: the commands in bold, the notes beside them. */
function examples(lines: readonly string[]): string[] {
  const list = items(lines);
  const width = Math.max(0, ...list.filter((i) => i.text).map((i) => i.term.length)) + 2;
  const rows = list.map((i) => line(i.text ? `${bold(i.term)}${' '.repeat(width - i.term.length)}${roff(i.text)}` : bold(i.term)));
  return ['.PP', '.RS 4', '.nf', ...rows, '.fi', '.RE'];
}

/** The help a command prints after its usage, arguments, options and commands (addHelpText). */
function afterHelp(cmd: Command): string {
  let text = '';
  const saved = cmd.configureOutput();
  cmd.configureOutput({ ...saved, writeOut: (s) => void (text += s), getOutHasColors: () => false });
  try {
    cmd.outputHelp();
  } finally {
    cmd.configureOutput(saved);
  }
  const lists = cmd.helpInformation();
  return text.startsWith(lists) ? text.slice(lists.length) : '';
}

interface Page {
  readonly synopsis: string[];
  readonly commands: string[];
  readonly examples: string[];
}

function commandSection(cmd: Command, path: readonly string[], page: Page): void {
  const help = cmd.createHelp();
  const usage = help
    .commandUsage(cmd)
    .split(' ')
    .slice(path.length + 1)
    .join(' ');
  const name = ['rif', ...path].join(' ');
  page.synopsis.push(`${bold(name)} ${term(usage)}`);
  page.commands.push(`.SS "${roff(name)}"`, line(roff(help.commandDescription(cmd))));
  const args = help.visibleArguments(cmd).flatMap((a) => tagged(italic(help.argumentTerm(a)), help.argumentDescription(a)));
  if (args.length) page.commands.push('.PP', `${bold('Arguments')}:`, ...args);
  page.commands.push('.PP', `${bold('Options')}:`, ...help.visibleOptions(cmd).flatMap((o) => tagged(term(help.optionTerm(o)), help.optionDescription(o))));
  for (const block of blocks(afterHelp(cmd))) {
    if (block.heading === 'Examples') page.examples.push(`.SS "${roff(name)}"`, ...examples(block.lines));
    else page.commands.push(...body(block));
  }
  for (const sub of visibleCommands(cmd, false)) commandSection(sub, [...path, sub.name()], page);
}

/** rif(1) in roff (man(7) macros), from `program` and every command in it. */
export function renderMan(program: Command, version: string, date = ''): string {
  const help = program.createHelp();
  const page: Page = { synopsis: [`${bold('rif')} ${term(help.commandUsage(program).split(' ').slice(1).join(' '))}`], commands: [], examples: [] };
  for (const cmd of visibleCommands(program, false)) commandSection(cmd, [cmd.name()], page);
  const description = ['.SH DESCRIPTION', line(roff(help.commandDescription(program)))];
  const fallback = defaultCommand(program);
  if (fallback) description.push('.PP', `Without a command name, the arguments go to ${bold(`rif ${fallback.name()}`)}.`);
  const exitStatus: string[] = [];
  const topExamples: string[] = [];
  for (const block of blocks(afterHelp(program))) {
    if (block.heading === 'Examples') topExamples.push(...examples(block.lines));
    else if (block.heading === 'Exit codes') exitStatus.push(...items(block.lines).flatMap((i) => tagged(bold(i.term), i.text)));
    else description.push(...body(block));
  }
  const has = (entry: { command?: string }) => !entry.command || program.commands.some((c) => c.name() === entry.command);
  return [
    `.\\" rif(1), generated from rif's --help by scripts/build.mjs: edit the help, not this file`,
    `.TH RIF 1 "${roff(date)}" "rif ${roff(version)}" "User Commands"`,
    // ids, flags and paths are long words: breaking them, or stretching the spaces around them, reads worse
    '.nh',
    '.ad l',
    '.SH NAME',
    `rif \\- ${roff(program.description())}`,
    '.SH SYNOPSIS',
    '.nf',
    ...page.synopsis,
    '.fi',
    ...description,
    '.SH OPTIONS',
    ...help.visibleOptions(program).flatMap((o) => tagged(term(help.optionTerm(o)), help.optionDescription(o))),
    '.SH COMMANDS',
    ...page.commands,
    ...(exitStatus.length ? ['.SH "EXIT STATUS"', ...exitStatus] : []),
    '.SH ENVIRONMENT',
    ...ENVIRONMENT.filter(has).flatMap((e) => tagged(bold(e.name), e.text)),
    '.SH FILES',
    ...FILES.filter(has).flatMap((f) => tagged(bold(f.name), f.text)),
    '.SH EXAMPLES',
    ...topExamples,
    ...page.examples,
    '',
  ].join('\n');
}
