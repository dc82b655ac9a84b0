// The man page: generated from the help of every command, escaped for roff, and built into dist/rif.1.
// groff, where it is installed, reads it back with every warning on.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { programFor } from '../src/cli.js';
import { visibleCommands } from '../src/completion/commands.js';
import type { Io } from '../src/io.js';
import { renderMan, roff } from '../src/man.js';
import { ROOT, tempDir } from './helpers.js';

const quietIo: Io = { stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false, columns: 0, env: {}, cwd: ROOT, now: () => 0 };
const program = programFor(quietIo);
const escapeRe = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
const page = renderMan(program, '1.2.3', '2026-01-02');
const pageLines = page.split('\n');

/** Every command below `cmd` with its words after rif: ['cache', 'clear'] */
function paths(cmd: Command, path: readonly string[] = []): (readonly string[])[] {
  return visibleCommands(cmd, false).flatMap((sub) => [[...path, sub.name()], ...paths(sub, [...path, sub.name()])]);
}

describe('renderMan', () => {
  it('has the title line and the sections, in order', () => {
    expect(pageLines[1]).toBe('.TH RIF 1 "2026\\-01\\-02" "rif 1.2.3" "User Commands"');
    const sections = pageLines.filter((l) => l.startsWith('.SH ')).map((l) => l.slice(4));
    expect(sections).toEqual(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'COMMANDS', '"EXIT STATUS"', 'ENVIRONMENT', 'FILES', 'EXAMPLES']);
    expect(pageLines[pageLines.indexOf('.SH NAME') + 1]).toMatch(/^rif \\- Russia\\\(enIran fact explorer/);
  });

  it('has every command, with its usage, description, arguments and options', () => {
    const all = paths(program);
    expect(all.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['search', 'list', 'show', 'validate', 'cache', 'cache clear', 'completion']));
    for (const path of all) {
      const name = roff(['rif', ...path].join(' '));
      expect(pageLines).toContain(`.SS "${name}"`);
      expect(page).toContain(`\\fB${name}\\fR [\\fIoptions\\fR]`);
    }
    for (const cmd of program.commands) expect(page).toContain(roff(cmd.description()));
    expect(page).toContain('.TP\n\\fIids\\fR\nfact ids');
    expect(page).toContain('.TP\n\\fB\\-\\-facts\\fR \\fIpath\\fR\nalso load facts');
    expect(page).toContain('.TP\n\\fB\\-V\\fR, \\fB\\-\\-version\\fR\nprint the version');
    expect(page).toContain('\\fB\\-\\-format\\fR \\fIformat\\fR\ntext or json (choices: \\(dqtext\\(dq, \\(dqjson\\(dq, default: \\(dqtext\\(dq)');
  });

  it('says where a bare query goes, and leaves out what the help hides', () => {
    expect(page).toContain('Without a command name, the arguments go to \\fBrif search\\fR.');
    expect(page).not.toMatch(/\\-\\-list/);
  });

  it('puts the exit codes, the environment, the files and the examples in their sections', () => {
    const section = (name: string) => page.split(`.SH ${name}\n`)[1]!.split('\n.SH ')[0]!;
    for (const code of ['0', '1', '2', '3', '70', '74', '130']) expect(section('"EXIT STATUS"')).toContain(`.TP\n\\fB${code}\\fR\n`);
    for (const name of ['RIF_FACTS', 'XDG_CACHE_HOME', 'NO_COLOR', 'FORCE_COLOR']) expect(section('ENVIRONMENT')).toContain(`\\fB${name}\\fR`);
    expect(section('FILES')).toContain('\\fB$XDG_CACHE_HOME/rif/ (\\(ti/.cache/rif/)\\fR');
    expect(section('EXAMPLES')).toContain('\\fBrif show treaty\\-of\\-turkmenchay\\fR');
    expect(section('EXAMPLES')).toContain('.SS "rif validate"\n.PP\n.RS 4\n.nf\n');
    expect(section('COMMANDS')).not.toContain('Examples');
  });

  it("lists every citation style and config setting as a term with its text, the longest name too (rif cite's Styles, rif config's Settings)", () => {
    for (const name of ['markdown', 'chicago-note', 'csl-json', 'cite_style', 'facts'])
      expect(page).toMatch(new RegExp(`\\.TP\\n${escapeRe(`\\fB${roff(name)}\\fR`)}\\n[A-Za-z]`));
  });

  it('is ASCII, escapes every hyphen, and starts no text line with a control character', () => {
    const text = pageLines.filter((l) => !l.startsWith('.\\"'));
    expect(page).toMatch(/^[\x20-\x7e\n]*$/);
    for (const l of text) {
      expect(l).not.toMatch(/(?<!\\)-/);
      if (/^[.']/.test(l)) expect(l).toMatch(/^\.(TH|SH|SS|TP|PP|RS|RE|nf|fi|nh|ad) ?/);
    }
  });

  it.each([
    ['a backslash', 'C:\\dir', 'C:\\edir'],
    ['hyphens', '--no-color', '\\-\\-no\\-color'],
    ['quotes', `'a' "b" \`c\``, '\\(aqa\\(aq \\(dqb\\(dq \\(gac\\(ga'],
    ['a tilde and a caret', '~/x ^y', '\\(ti/x \\(hay'],
    ['dashes', 'Russia–Iran — both', 'Russia\\(enIran \\(em both'],
    ['other letters by their code', 'Туркманчай ▶', '\\[u0422]\\[u0443]\\[u0440]\\[u043A]\\[u043C]\\[u0430]\\[u043D]\\[u0447]\\[u0430]\\[u0439] \\[u25B6]'],
  ])('roff escapes %s', (_, text, escaped) => {
    expect(roff(text)).toBe(escaped);
  });

  it('escapes what a help text holds, wherever it lands', () => {
    const tool = new Command('rif').description('.a description that starts with a dot');
    const sub = new Command('odd')
      .description("'quoted' and \\backslashed")
      .addOption(new Option('--x-y <value>', '.dotted -dashed'))
      .addHelpText('after', "\n.a paragraph starting with a dot\n\nExamples:\n  rif odd --x-y 1   a note\n  rif odd '.s'\n\nExit codes:\n  0  fine");
    tool.addCommand(sub);
    const out = renderMan(tool, '0.0.0');
    expect(out).toContain('.TH RIF 1 "" "rif 0.0.0" "User Commands"');
    expect(out).toContain('\n.SH DESCRIPTION\n\\&.a description that starts with a dot\n');
    expect(out).toContain('.SS "rif odd"\n\\(aqquoted\\(aq and \\ebackslashed\n');
    expect(out).toContain('.TP\n\\fB\\-\\-x\\-y\\fR \\fIvalue\\fR\n\\&.dotted \\-dashed\n');
    expect(out).toContain('.PP\n\\&.a paragraph starting with a dot\n');
    expect(out).toContain('\\fBrif odd \\-\\-x\\-y 1\\fR  a note\n\\fBrif odd \\(aq.s\\(aq\\fR\n');
    expect(out).toContain('.PP\n\\fBExit codes\\fR:\n.TP\n\\fB0\\fR\nfine\n');
  });
});

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
if (!has('groff')) console.warn('tests/man.test.ts: groff is not installed, so the page is not rendered (apt-get install groff-base)');

describe.skipIf(!has('groff'))('the page in groff (skipped when groff is not installed)', () => {
  it('renders without a warning, with options and ids as they are typed', () => {
    const file = join(tempDir(), 'rif.1');
    writeFileSync(file, page);
    const out = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-P-cbou', file], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^RIF\(1\) +User Commands +RIF\(1\)$/m);
    expect(out.stdout).toContain('rif show treaty-of-turkmenchay');
    expect(out.stdout).toMatch(/^ +--facts path$/m);
    expect(out.stdout).toContain('Russia–Iran fact explorer');
  });
});

describe.skipIf(!existsSync(join(ROOT, 'dist', 'main.js')))('the build', () => {
  it('writes the page to dist/rif.1', () => {
    const built = readFileSync(join(ROOT, 'dist', 'rif.1'), 'utf8');
    expect(built.split('\n')[1]).toMatch(/^\.TH RIF 1 "\d{4}\\-\d\d\\-\d\d" "rif \d+\.\d+\.\d+" "User Commands"$/);
    // the same page but for the date: the build renders the program the tests see
    expect(built.split('\n').slice(2)).toEqual(pageLines.slice(2));
  });
});
