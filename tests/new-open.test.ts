// rif new (a fact file to fill in, never over a file, never into the bundled facts), rif open (a source
// in the browser, BROWSER pointed at a script that records its arguments) and the show card's OSC 8 links.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { browserCommands } from '../src/commands/open.js';
import { OutputError } from '../src/errors.js';
import { jsonSchema } from '../src/facts/json-schema.js';
import { KINDS } from '../src/facts/types.js';
import { hyperlink, supportsHyperlinks } from '../src/render/hyperlink.js';
import { FIXTURES, rif, ROOT, tempDir } from './helpers.js';

const TODAY = { today: '2026-12-07' };

/** The template with every placeholder filled in as a writer would, dates in order. */
function fillIn(text: string): string {
  let day = 0;
  const values: Record<string, () => string> = {
    'YYYY-MM-DD': () => `2020-0${1 + Math.floor(day / 28)}-${String(1 + (day++ % 28)).padStart(2, '0')}`,
    'alleged, confirmed, denied or disputed': () => 'alleged',
    topic: () => 'diplomacy',
    'https://… the page': () => 'https://example.org/page',
  };
  let n = 0;
  return text.replace(/"<([^>]*)>"/g, (_, what: string) => JSON.stringify(values[what]?.() ?? `Filled in ${++n}`));
}

describe('rif new', () => {
  it.each(KINDS)('%s: every field of the kind, explained; filled in, it validates', async (kind) => {
    const dir = tempDir('rif-new-');
    const out = await rif(['new', kind, `my-${kind}`, '--dir', dir], { ...TODAY, cwd: dir });
    expect([out.code, out.stderr, out.stdout]).toEqual([0, '', `my-${kind}.yaml\n`]);
    const text = readFileSync(join(dir, `my-${kind}.yaml`), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${join(ROOT, 'dist', 'schema', 'fact.schema.json')}`);
    expect(text).toContain('accessed: "2026-12-07"');
    // every field the schema gives this kind, in the file or in a comment for a span's start and end
    const variants = (
      jsonSchema('fact', '0') as { definitions: { fact: { oneOf: { properties: Record<string, { const?: string; properties?: object }> }[] } } }
    ).definitions.fact.oneOf;
    const own = variants.find((v) => v.properties['kind']?.const === kind)!;
    for (const field of Object.keys(own.properties)) expect(text).toMatch(new RegExp(`^\\s*(# )?${field}:`, 'm'));
    expect(text).toMatch(/^\s+- url:/m);
    for (const field of ['title', 'title_en', 'publisher', 'published', 'accessed']) expect(text).toMatch(new RegExp(`^ {4}${field}:`, 'm'));
    // as written, it is not a fact yet: validate names the placeholders
    expect((await rif(['validate', dir])).code).toBe(3);
    writeFileSync(join(dir, `my-${kind}.yaml`), fillIn(text));
    const checked = await rif(['validate', dir]);
    expect(checked.stdout).toMatch(/^1 fact in 1 file: 0 errors/m);
    expect(checked.code).toBe(0);
  });

  it('never overwrites a file, and refuses an id the record has', async () => {
    const dir = tempDir('rif-new-');
    expect((await rif(['new', 'event', 'twice', '--dir', dir], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'twice.yaml'), 'my own words\n');
    const again = await rif(['new', 'event', 'twice', '--dir', dir], { cwd: dir });
    expect([again.code, again.stderr, again.stdout]).toEqual([2, 'rif: twice.yaml exists already; rif new never overwrites a file\n', '']);
    expect(readFileSync(join(dir, 'twice.yaml'), 'utf8')).toBe('my own words\n');
    const taken = await rif(['new', 'treaty', 'treaty-of-gulistan', '--dir', dir]);
    expect([taken.code, taken.stderr]).toEqual([2, 'rif: a fact already has the id "treaty-of-gulistan" (the bundled facts or your own): choose another\n']);
    expect(existsSync(join(dir, 'treaty-of-gulistan.yaml'))).toBe(false);
  });

  it("refuses an id that is a bundled source's citation key, since a fact is cited by its id", async () => {
    const dir = tempDir('rif-new-');
    const out = await rif(['new', 'event', 'wikipedia-gulistan', '--dir', dir]);
    expect([out.code, out.stderr, out.stdout]).toEqual([
      2,
      'rif: "wikipedia-gulistan" is the citation key of a bundled source, and a fact is cited by its id: choose another\n',
      '',
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['a bundled id, under --no-bundled too', ['treaty-of-gulistan', '--no-bundled']],
    ['an id a fact in the folder has', ['md-2']],
    ['an id a fact still being filled in has (it does not load)', ['draft-1']],
  ])('refuses %s: exit 2, nothing written', async (_, [id, ...flags]) => {
    const dir = tempDir('rif-new-');
    // a fact of the user's, and a template not filled in yet, each in a file named otherwise
    expect((await rif(['new', 'event', 'md-2', '--dir', dir], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'other.yaml'), fillIn(readFileSync(join(dir, 'md-2.yaml'), 'utf8')));
    expect((await rif(['new', 'event', 'draft-1', '--dir', dir], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'draft.yaml'), readFileSync(join(dir, 'draft-1.yaml')));
    for (const file of ['md-2.yaml', 'draft-1.yaml']) rmSync(join(dir, file));
    const out = await rif(['new', 'event', id!, '--dir', dir, ...flags], { cwd: dir });
    expect([out.code, out.stderr, out.stdout]).toEqual([2, `rif: a fact already has the id "${id}" (the bundled facts or your own): choose another\n`, '']);
    expect(readdirSync(dir).sort()).toEqual(['draft.yaml', 'other.yaml']);
  });

  it('refuses an id a template still being filled in has in your fact folders (RIF_FACTS, --facts), when writing elsewhere, and says nothing of that file', async () => {
    const [notes, other] = [tempDir('rif-new-'), tempDir('rif-new-')];
    expect((await rif(['new', 'event', 'draft-1', '--dir', notes])).code).toBe(0);
    for (const how of [{ env: { RIF_FACTS: notes } }, { flags: ['--facts', notes] }]) {
      const out = await rif(['new', 'event', 'draft-1', '--dir', other, ...(how.flags ?? [])], { env: how.env ?? {} });
      expect([out.code, out.stderr, out.stdout]).toEqual([2, 'rif: a fact already has the id "draft-1" (the bundled facts or your own): choose another\n', '']);
    }
    const fresh = await rif(['new', 'event', 'draft-2', '--dir', other], { env: { RIF_FACTS: notes } });
    expect([fresh.code, fresh.stderr]).toEqual([0, '']);
    expect(readdirSync(other)).toEqual(['draft-2.yaml']);
  });

  it.each([
    ['the bundled facts', ['facts']],
    ['a kind folder of the bundled facts', ['facts', 'event']],
    ["the package's own folder", []],
    ['its source', ['src']],
    ['its command', ['bin']],
  ])("never writes inside rif's own package: %s", async (_, parts) => {
    const dir = join(ROOT, ...parts);
    const out = await rif(['new', 'event', 'intruder', '--dir', dir]);
    expect([out.code, out.stdout]).toEqual([2, '']);
    expect(out.stderr).toMatch(/is inside rif's own package \(.*\), which rif never writes to; give a folder of your own\n$/);
    expect(existsSync(join(dir, 'intruder.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'event', 'intruder.yaml'))).toBe(false);
  });

  it('never writes into the bundled facts named with --facts', async () => {
    const viaFacts = await rif(['new', 'event', 'intruder', '--facts', join(ROOT, 'facts')]);
    expect(viaFacts.code).toBe(2);
    expect(existsSync(join(ROOT, 'facts', 'event', 'intruder.yaml'))).toBe(false);
  });

  it('a path it cannot print leaves no file behind: exit 74', async () => {
    const dir = tempDir('rif-new-');
    let stderr = '';
    const io = {
      stdout: () => {
        throw new OutputError('cannot write output (ENOSPC)');
      },
      stderr: (t: string) => void (stderr += t),
      stdoutIsTTY: false,
      stderrIsTTY: false,
      columns: 0,
      rows: 0,
      env: {},
      cwd: dir,
      now: () => 0,
    };
    expect(await run(['new', 'event', 'lost', '--dir', dir], io)).toBe(74);
    expect(stderr).toBe('rif: cannot write output (ENOSPC)\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!existsSync('/dev/full'))('the built bin, its output on a full disk (/dev/full): exit 74, no file', () => {
    const dir = tempDir('rif-new-');
    const full = openSync('/dev/full', 'w');
    const out = spawnSync('node', [join(ROOT, 'bin', 'rif.js'), 'new', 'event', 'lost', '--dir', dir], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    closeSync(full);
    expect([out.status, out.stderr]).toEqual([74, 'rif: cannot write output (ENOSPC)\n']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes into the first fact folder (--facts, RIF_FACTS), into its kind folder in the bundled layout, with a dated id by default', async () => {
    const dir = tempDir('rif-new-');
    mkdirSync(join(dir, 'treaty'));
    const first = await rif(['new', 'treaty'], { ...TODAY, cwd: dir, env: { RIF_FACTS: dir } });
    expect([first.code, first.stdout]).toEqual([0, 'treaty/new-treaty-2026-12-07.yaml\n']);
    const second = await rif(['new', 'treaty', '--facts', dir], { ...TODAY, cwd: dir });
    expect(second.stdout).toBe('treaty/new-treaty-2026-12-07-2.yaml\n');
    const event = await rif(['new', 'event', '--facts', dir], { ...TODAY, cwd: dir });
    expect(event.stdout).toBe('new-event-2026-12-07.yaml\n');
  });

  it.each([
    [['new', 'event'], /no fact folder to write to: give --dir, or --facts, or set one in the config file/],
    [['new', 'event', 'Not An Id', '--dir', '.'], /"Not An Id" is not an id/],
    [['new', 'rumour'], /'rumour' is invalid for argument 'kind'\. Allowed choices are event, treaty, allegation/],
    [['new', 'event', 'x', '--dir', '/nonexistent/folder'], /^rif: \/nonexistent\/folder does not exist; create the folder first \(mkdir -p\)\n$/],
    [['new', 'event', 'x', '--dir', join(ROOT, 'package.json')], /package\.json is not a folder\n$/],
    [
      ['new', 'treaty', 'x', '--facts', join(FIXTURES, 'valid', 'user-facts.yaml')],
      /^rif: none of your fact paths is a folder \(.*user-facts\.yaml\); give one with --dir\n$/,
    ],
  ])('%j is a usage error', async (argv, message) => {
    const out = await rif(argv, { env: {} });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });
});

describe('rif open', () => {
  const BIN = join(ROOT, 'bin', 'rif.js');
  /** A browser that writes its arguments, one a line, to a file. */
  function recorder(): { script: string; record: string } {
    const dir = tempDir('rif-open-');
    const record = join(dir, 'opened');
    const script = join(dir, 'browser');
    writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$@" > ${JSON.stringify(record)}\n`, { mode: 0o755 });
    return { script, record };
  }
  const waitFor = (file: string) => {
    for (let i = 0; i < 100 && !existsSync(file); i++) spawnSync('sleep', ['0.05']);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  const openWith = (browser: string, ...args: string[]) =>
    spawnSync('node', [BIN, 'open', ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'], HOME: tempDir(), BROWSER: browser } });

  it("hands the n-th source's address to BROWSER, and does not wait for it", async () => {
    const { script, record } = recorder();
    const url = ((await rif(['show', 'treaty-of-gulistan', '--json'])).stdout.match(/"url": "([^"]+)"/g) ?? [])[1]!.slice(8, -1);
    const out = openWith(script, 'gulistan', '2');
    expect([out.status, out.stderr, out.stdout]).toEqual([0, `rif: opening ${url}\n`, '']);
    expect(waitFor(record)).toBe(`${url}\n`);
  });

  it('BROWSER may be a list of commands with %s for the address; the first that starts opens it', () => {
    const { script, record } = recorder();
    const out = openWith(`/nonexistent/browser:${script} --new-window %s`, 'treaty-of-turkmenchay');
    expect(out.status).toBe(0);
    expect(waitFor(record)).toBe('--new-window\nhttps://en.wikipedia.org/wiki/Treaty_of_Turkmenchay\n');
  });

  it('BROWSER is read as a shell reads it: quotes around %s are not passed on', () => {
    const { script, record } = recorder();
    const out = openWith(`${script} '%s'`, 'treaty-of-turkmenchay');
    expect([out.status, out.stderr]).toEqual([0, 'rif: opening https://en.wikipedia.org/wiki/Treaty_of_Turkmenchay\n']);
    expect(waitFor(record)).toBe('https://en.wikipedia.org/wiki/Treaty_of_Turkmenchay\n');
  });

  it.each([
    [['treaty-of-gulistan', '9'], 2, /treaty-of-gulistan has \d+ sources; there is no source 9/],
    [['treaty-of-nowhere'], 1, /no fact with id "treaty-of-nowhere"/],
    [['treaty-of-gulistan', '0'], 2, /"0" is not a source number/],
    [['treaty-of-gulistan', '99999999999999999999'], 2, /; there is no source 99999999999999999999\n$/],
    [['treaty-of-gulistan', '007'], 2, /; there is no source 7\n$/],
  ])('%j → exit %i', (args, code, message) => {
    const { script } = recorder();
    const out = openWith(script, ...args);
    expect(out.status).toBe(code);
    expect(out.stderr).toMatch(message);
  });

  it('a browser that cannot be started is one line, exit 1', () => {
    const out = openWith('/nonexistent/browser', 'treaty-of-gulistan');
    expect([out.status, out.stderr, out.stdout]).toEqual([
      1,
      'rif: could not start a browser for https://en.wikipedia.org/wiki/Treaty_of_Gulistan (BROWSER is /nonexistent/browser)\n',
      '',
    ]);
  });

  it.each([
    [{}, 'linux', [['xdg-open', 'https://e.org/a']]],
    [{}, 'darwin', [['open', 'https://e.org/a']]],
    [{}, 'win32', [['cmd', '/c', 'start', '""', 'https://e.org/a']]],
    [
      { BROWSER: 'firefox:w3m -o x' },
      'linux',
      [
        ['firefox', 'https://e.org/a'],
        ['w3m', '-o', 'x', 'https://e.org/a'],
      ],
    ],
    [{ BROWSER: 'lynx %s -dump' }, 'freebsd', [['lynx', 'https://e.org/a', '-dump']]],
    // words as a shell reads them: quotes group and are not part of the word, a backslash escapes
    [{ BROWSER: "prog '%s'" }, 'linux', [['prog', 'https://e.org/a']]],
    [{ BROWSER: '"/opt/My Browser/run" --url=%s' }, 'linux', [['/opt/My Browser/run', '--url=https://e.org/a']]],
    [{ BROWSER: '/opt/My\\ Browser/run "say \\"hi\\"" \'\'' }, 'linux', [['/opt/My Browser/run', 'say "hi"', '', 'https://e.org/a']]],
  ])('BROWSER %j on %s', (env, platform, commands) => expect(browserCommands('https://e.org/a', env, platform)).toEqual(commands));
});

describe('links in the show card', () => {
  const OSC8 = '\u001b]8;;https://iranicaonline.org/articles/golestan-treaty\u001b\\https://iranicaonline.org/articles/golestan-treaty\u001b]8;;\u001b\\';

  it('are OSC 8 hyperlinks on a terminal that draws them, and never in a pipe', async () => {
    const terminal = await rif(['show', 'treaty-of-gulistan'], { tty: true, columns: 120, env: { TERM: 'xterm-kitty' } });
    expect(terminal.stdout).toContain(OSC8);
    const plain = await rif(['show', 'treaty-of-gulistan'], { tty: true, columns: 120, env: { TERM: 'xterm-256color' } });
    expect(plain.stdout).not.toContain('\u001b]8');
    for (const env of [{ TERM: 'xterm-kitty' }, { FORCE_HYPERLINK: '1' }]) {
      const pipe = await rif(['show', 'treaty-of-gulistan', '--format', 'table'], { env });
      expect(pipe.stdout).not.toContain('\u001b]8');
    }
    // the link hides no text: without its escapes the card is the one a plain terminal gets
    expect(terminal.stdout.replace(/\u001b\]8;;[^\u001b]*\u001b\\/g, '')).toBe(plain.stdout);
  });

  it.each([
    [{ TERM: 'xterm-kitty' }, true, true],
    [{ VTE_VERSION: '7200' }, true, true],
    [{ VTE_VERSION: '4800' }, true, false],
    [{ TERM_PROGRAM: 'iTerm.app' }, true, true],
    [{ WT_SESSION: 'x' }, true, true],
    [{ FORCE_HYPERLINK: '1', TERM: 'dumb' }, true, true],
    [{ FORCE_HYPERLINK: '0', TERM: 'xterm-kitty' }, true, false],
    [{ TERM: 'xterm-kitty', CI: 'true' }, true, false],
    [{ FORCE_HYPERLINK: '1' }, false, false],
    [{}, true, false],
  ])('%j on a terminal: %s → %s', (env, tty, expected) => expect(supportsHyperlinks(env, tty)).toBe(expected));

  it('an address with control characters or no URL form stays plain text', () => {
    expect(hyperlink('not a url', 'x')).toBe('x');
    expect(hyperlink('https://example.org/a\u0007b', 'x')).toBe('\u001b]8;;https://example.org/a%07b\u001b\\x\u001b]8;;\u001b\\');
  });
});
