// Hostile input: fact files, flags, queries and terminals that rif did not choose. Each test names the
// behaviour a user relies on: a clear line with a place, a documented exit code, never a stack trace,
// never a hang, nothing driving the terminal. Fixtures are in tests/fixtures/hostile/; what git cannot
// hold (FIFOs, links, huge or deep files) is made in a temporary folder.
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderDetail } from '../src/render/detail.js';
import { columnsOf, FORMATS, recordRows, rendererFor, type Rows } from '../src/render/format.js';
import { makeChalk } from '../src/render/color.js';
import { FIXTURES, ROOT, rif, rifJson, tempDir, tempFacts } from './helpers.js';
import type { Fact } from '../src/facts/types.js';

const HOSTILE = join(FIXTURES, 'hostile');
const BIN = join(ROOT, 'bin', 'rif.js');
const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: tempDir(), XDG_CONFIG_HOME: tempDir() };
const ESC = '\u001b';

interface Report {
  facts: number;
  issues: { file: string; line: number; col: number; code: string; severity: string; message: string }[];
}

/** `rif validate --no-bundled --json` on some paths, in-process: what the loader made of them. */
async function validate(...paths: string[]): Promise<Report & { code: number; stderr: string }> {
  const out = await rif(['validate', '--no-bundled', '--json', ...paths]);
  return { ...(JSON.parse(out.stdout) as Report), code: out.code, stderr: out.stderr };
}

const where = (r: Report) => r.issues.map((i) => `${i.line}:${i.col} ${i.code} ${i.message}`);

/** A valid fact, as YAML, for files built at test time. */
const fact = (id: string, extra = '') =>
  `id: ${id}\nkind: event\ntitle: A test fact\ndate: "1900"\nsummary: A test summary for ${id}.\naliases: [Test]\n${extra}sources:\n  - url: https://example.org/x\n    publisher: Example\n    title: A test page\n`;

/** The built bin as a separate process (what can crash or abort must not take the test runner with it). */
function bin(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const out = spawnSync('node', [BIN, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? env, encoding: 'utf8', timeout: 20_000, maxBuffer: 1 << 26 });
  return { code: out.status, signal: out.signal, stdout: out.stdout, stderr: out.stderr };
}

describe('YAML is read as 1.2 core, one document, with no anchors, aliases or tags', () => {
  it('a %YAML 1.1 line does not turn NO into false or a date into a timestamp', async () => {
    const [record] = await rifJson<{ title: string; aliases: string[]; date: { start: string } }[]>([
      'list',
      '--facts',
      join(HOSTILE, 'yaml11.yaml'),
      '--no-bundled',
      '--no-cache',
    ]);
    expect(record).toMatchObject({ title: 'NO', aliases: ['yes', 'off', 'on'], date: { start: '1900-01-01' } });
  });

  it.each([
    ['anchor-alias.yaml', ['3:8 RIF001 anchors (&t) are not allowed', '5:10 RIF001 aliases (*t) are not allowed']],
    ['unused-anchor.yaml', ['3:8 RIF001 anchors (&t) are not allowed']],
    ['unresolved-alias.yaml', ['3:8 RIF001 aliases (*nowhere) are not allowed']],
    ['tag-local.yaml', ['3:8 RIF001 tags (!foo) are not allowed']],
    ['tag-python.yaml', ['5:10 RIF001 tags (!!python/object/apply:os.system) are not allowed']],
    ['tag-timestamp.yaml', ['4:7 RIF001 tags (!!timestamp) are not allowed']],
    ['tag-binary.yaml', ['3:8 RIF001 tags (!!binary) are not allowed']],
    ['multi-doc.yaml', ['10:1 RIF001 a second YAML document starts here']],
    ['empty.yaml', ['1:1 RIF004 the file is empty']],
    ['comment-only.yaml', ['1:1 RIF004 the file is empty']],
    ['scalar.yaml', ['1:1 RIF004 a fact must be a mapping']],
    ['list-of-scalars.yaml', ['1:3 RIF004 a fact must be a mapping', '2:3 RIF004 a fact must be a mapping']],
    ['duplicate-key.yaml', ['4:1 RIF001 Map keys must be unique']],
    ['proto-keys.yaml', ['7:1 RIF002 unknown field "__proto__"', '8:1 RIF002 unknown field "constructor"', '9:1 RIF002 unknown field "toString"']],
  ])('%s: each problem is one file:line:col message', async (file, expected) => {
    const report = await validate(join(HOSTILE, file));
    expect(report.code).toBe(3);
    expect(report.facts).toBe(0);
    expect(where(report).map((line, i) => line.slice(0, expected[i]?.length))).toEqual(expected);
    expect(report.stderr).toBe('');
  });

  it('an alias bomb is refused at its first anchor, not expanded', async () => {
    const report = await validate(join(HOSTILE, 'alias-bomb.yaml'));
    expect(where(report)[0]).toMatch(/^1:4 RIF001 anchors \(&a\)/);
    expect(report.issues.every((i) => i.code === 'RIF001')).toBe(true);
  });

  it('the fast reader of the cache refuses what the exact reader refuses', async () => {
    const dir = tempFacts({
      'a.yaml': readFileSync(join(HOSTILE, 'anchor-alias.yaml'), 'utf8'),
      'b.yaml': readFileSync(join(HOSTILE, 'tag-local.yaml'), 'utf8'),
      'ok.yaml': fact('plain-fact', 'note: "AT&T and Procter & Gamble! Fine."\n'),
    });
    const out = await rif(['list', '--facts', dir, '--no-bundled', '--json'], { env: { XDG_CACHE_HOME: tempDir() } });
    expect(JSON.parse(out.stdout).map((r: { id: string }) => r.id)).toEqual(['plain-fact']);
    expect(out.stderr).toMatch(/a\.yaml:3:8 RIF001 anchors/);
    expect(out.stderr).toMatch(/b\.yaml:3:8 RIF001 tags \(!foo\)/);
  });
});

describe('deeply nested input is refused before it is parsed, and never kills the process', () => {
  const deep = (unit: string, times: number, tail = '') => unit.repeat(times) + tail;
  it.each([
    ['5,000 flow sequences', deep('[', 5000), '1:65'],
    ['100,000 flow sequences', deep('[', 100_000), '1:65'],
    ['100,000 flow mappings', deep('{a: ', 100_000), '1:257'],
    ['100,000 block sequences on one line', deep('- ', 100_000, 'x'), '1:129'],
  ])('%s', (_, text, at) => {
    const dir = tempFacts({ 'deep.yaml': text, 'ok.yaml': fact('next-to-it') });
    const out = bin(['list', '--facts', dir, '--no-bundled', '--no-cache']);
    expect([out.code, out.signal]).toEqual([0, null]);
    expect(out.stderr).toContain(`deep.yaml:${at} RIF001 nested more than 64 levels deep`);
    expect(out.stdout).toContain('next-to-it');
  });

  it('several such files in one folder (the YAML library alone aborts Node on the second)', () => {
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`deep-${i}.yaml`, '['.repeat(100_000)]));
    const dir = tempFacts(files);
    for (const command of [
      ['list', '--facts', dir, '--no-bundled', '--no-cache'],
      ['validate', '--no-bundled', dir],
    ]) {
      const out = bin(command);
      expect(out.signal).toBeNull();
      expect(out.code === 1 || out.code === 3).toBe(true);
      expect(out.stderr + out.stdout).not.toMatch(/FATAL|\n\s+at /);
      expect((out.stderr + out.stdout).match(/nested more than 64 levels deep/g)).toHaveLength(5);
    }
  });

  it('indentation a fact file never needs', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const report = await validate(tempFacts({ 'indented.yaml': `${lines}\n` }));
    expect(where(report)[0]).toMatch(/^66:66 RIF001 nested more than 64 levels deep/);
  });
});

describe('files: only regular files are read, each once, and nothing hangs', () => {
  it('a FIFO, a device, a broken link and a link loop named .yaml are reported and skipped; a folder named x.yaml is walked; a second link to a file loads it once', async () => {
    const dir = tempFacts({ 'good.yaml': fact('good-fact'), 'folder.yaml/inner.yaml': fact('inner-fact') });
    expect(spawnSync('mkfifo', [join(dir, 'pipe.yaml')]).status).toBe(0);
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'broken.yaml'));
    symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'));
    symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'));
    symlinkSync(join(dir, 'good.yaml'), join(dir, 'again.yaml'));
    const out = await rif(['list', '--facts', dir, '--no-bundled', '--json'], { cwd: dir, env: { XDG_CACHE_HOME: tempDir() } });
    expect(
      JSON.parse(out.stdout)
        .map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual(['good-fact', 'inner-fact']);
    expect(out.stderr.split('\n').filter(Boolean)).toEqual([
      'broken.yaml:1:1 RIF017 a broken symbolic link: its target does not exist',
      'loop-a.yaml:1:1 RIF017 a loop of symbolic links',
      'loop-b.yaml:1:1 RIF017 a loop of symbolic links',
      'pipe.yaml:1:1 RIF017 not a regular file (a FIFO, socket or device); skipped',
      'zero.yaml:1:1 RIF017 not a regular file (a FIFO, socket or device); skipped',
      'rif: warning: 5 problems in fact files, listed above (--strict makes this an error)',
    ]);
  });

  it('a FIFO or a link loop named on the command line', async () => {
    const dir = tempDir();
    spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
    const fifo = await validate(join(dir, 'pipe.yaml'));
    expect(where(fifo)).toEqual(['1:1 RIF017 not a regular file']);
    const loop = await rif(['list', '--facts', join(dir, 'a.yaml')]);
    expect([loop.code, loop.stderr]).toEqual([2, `rif: ${join(dir, 'a.yaml')}: a loop of symbolic links\n`]);
  });

  it('a file over the size limit is refused unread; --max-file-size raises the limit', async () => {
    const big = `# ${'x'.repeat(2 * 1024 * 1024)}\n${fact('big-fact')}`;
    const dir = tempFacts({ 'big.yaml': big });
    const refused = await validate(dir);
    expect(where(refused)).toEqual([
      `1:1 RIF017 file is ${Buffer.byteLength(big)} bytes, over the 1048576-byte limit for a fact file (--max-file-size raises it)`,
    ]);
    const raised = await rif(['validate', '--no-bundled', '--max-file-size', '4M', dir]);
    expect(raised.code).toBe(0);
    const listed = await rifJson<{ id: string }[]>(['list', '--facts', dir, '--no-bundled', '--max-file-size', '3MiB'], { env: { XDG_CACHE_HOME: tempDir() } });
    expect(listed.map((r) => r.id)).toEqual(['big-fact']);
  });

  it.each([
    ['0', /"0" is not a size/],
    ['lots', /"lots" is not a size/],
    ['1G', /over the 256M/],
  ])('--max-file-size %s is a usage error', async (size, message) => {
    const out = await rif(['validate', '--max-file-size', size]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it.each([
    ['utf16-bom.yaml', '1:1 RIF017 file is UTF-16 text; save it as UTF-8'],
    ['utf16-no-bom.yaml', '1:1 RIF017 file is UTF-16 text; save it as UTF-8'],
    [join('..', 'invalid', 'RIF017-not-utf8.yaml'), '1:1 RIF017 file is not valid UTF-8 text'],
    ['bom.yaml', '1:5 RIF005 id "Bad_Id" must be kebab-case'],
    ['crlf.yaml', '5:1 RIF002 unknown field "colour"'],
    ['tabs.yaml', '8:1 RIF001 Tabs are not allowed as indentation'],
  ])('%s: %s', async (file, expected) => {
    const report = await validate(join(HOSTILE, file));
    expect(where(report)[0]).toContain(expected);
  });

  it('a UTF-8 byte-order mark and CRLF line ends load normally', async () => {
    const dir = tempFacts({ 'bom.yaml': `\ufeff${fact('bom-fact')}`, 'crlf.yaml': fact('crlf-fact').replace(/\n/g, '\r\n') });
    const report = await validate(dir);
    expect([report.code, report.facts, report.issues]).toEqual([0, 2, []]);
  });

  it('a missing or empty --facts path is an error, not silence', async () => {
    const empty = tempDir();
    expect(await rif(['list', '--facts', join(empty, 'missing')])).toMatchObject({
      code: 2,
      stderr: `rif: ${join(empty, 'missing')}: no such file or directory\n`,
    });
    expect(await rif(['list', '--facts', empty])).toMatchObject({ code: 2, stderr: `rif: ${empty}: no .yaml fact files in this directory\n` });
    expect(await rif(['validate', empty])).toMatchObject({ code: 2 });
  });

  it('nothing is ever written to the fact files it reads', async () => {
    const dir = tempFacts({ 'a.yaml': fact('kept-as-is'), 'b.yaml': readFileSync(join(HOSTILE, 'duplicate-key.yaml'), 'utf8') });
    const before = ['a.yaml', 'b.yaml'].map((f) => readFileSync(join(dir, f)));
    await rif(['list', '--facts', dir, '--no-bundled'], { env: { XDG_CACHE_HOME: tempDir() } });
    await rif(['validate', dir]);
    expect(['a.yaml', 'b.yaml'].map((f) => readFileSync(join(dir, f)))).toEqual(before);
  });
});

describe('dates', () => {
  it('impossible days are refused, 29 February 2000 is not', async () => {
    const report = await validate(join(HOSTILE, 'impossible-dates.yaml'));
    expect(where(report)).toEqual([
      '4:9 RIF009 "2015-02-30" does not exist: 2015-02 has 28 days',
      '14:9 RIF009 "1900-02-29" does not exist: 1900-02 has 28 days',
    ]);
    expect(report.facts).toBe(1);
  });

  it('a time in a date is refused', async () => {
    expect(where(await validate(join(HOSTILE, 'time-in-date.yaml')))).toEqual([
      '4:7 RIF009 "1900-01-01T10:00:00Z" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('every output is the same in any time zone', () => {
    const outputs = ['UTC', 'Asia/Tehran', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((TZ) => {
      const out = bin(['list', '--json'], { env: { ...env, TZ } });
      const treaties = bin(['treaties', '--from', '1813-10-24', '--to', '1828-02-22'], { env: { ...env, TZ } });
      expect(treaties.stdout).toMatch(/^1813-10-24\t1814-09-27\t1828-02-22\ttreaty-of-gulistan/);
      return `${out.stdout}\n${treaties.stdout}`;
    });
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain('treaty-of-gulistan');
  });
});

describe('control characters never reach the terminal', () => {
  it('validate refuses each one in fact text: escapes, OSC 8 and 52, BEL, C1, backspace, CR, bidi overrides', async () => {
    const report = await validate(join(HOSTILE, 'controls.yaml'), join(HOSTILE, 'raw-escape.yaml'));
    expect(report.issues.map((i) => `${i.code} ${i.message.split(';')[0]}`)).toEqual([
      ...['U+001B', 'U+001B', 'U+001B', 'U+0007', 'U+009B', 'U+0008', 'U+000D', 'U+202E'].map((c) => `RIF021 contains the control character ${c}`),
      'RIF021 contains the control character U+001B',
    ]);
  });

  it('zero-width joiners in Persian text are text', async () => {
    const report = await validate(join(HOSTILE, 'persian-zwnj.yaml'));
    expect([report.code, report.issues]).toEqual([0, []]);
    const [record] = await rifJson<{ aliases: string[] }[]>(['list', '--facts', join(HOSTILE, 'persian-zwnj.yaml'), '--no-bundled', '--no-cache']);
    expect(record!.aliases[1]).toBe('جنگ\u200cهای ایران و روسیه');
  });

  const hostile = `Evil ${ESC}[2J${ESC}]8;;http://x${ESC}\\link \u0007\u009b\u202e\b\r`;
  const facts = [
    {
      id: 'evil',
      kind: 'event',
      title: hostile,
      summary: hostile,
      topics: [],
      actors: [hostile],
      places: [],
      aliases: [],
      related: [],
      quotes: [],
      sources: [{ url: 'https://example.org/x', publisher: hostile }],
      date: { start: '1900', end: '1900', precision: 'year', approximate: false, note: null },
      file: 'f.yaml',
    },
  ];
  const rows: Rows = recordRows(facts, columnsOf(['id', 'title']), { pick: false });

  it.each(FORMATS)('%s output escapes any that reach it', async (format) => {
    // CSV ends its lines with CRLF, as RFC 4180 asks
    const text = (await rendererFor(format))(rows, { chalk: makeChalk(0), width: 80, wrap: true }).replace(/\r\n/g, '\n');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('\\u001b[2J');
    expect(text).toContain('\\u202e');
    if (format === 'json') expect(JSON.parse(text)[0].title).toBe(hostile);
  });

  it('rif show escapes them', () => {
    const text = renderDetail(facts[0] as unknown as Fact, { chalk: makeChalk(0), columns: 80 } as Parameters<typeof renderDetail>[1]);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('\\u001b[2J');
  });

  it('file names and queries in messages are escaped too', async () => {
    const dir = tempFacts({ [`bad${ESC}[2Jname.yaml`]: fact('broken').replace('date: "1900"', 'date: "19x0"') });
    const listed = await rif(['list', '--facts', dir, '--no-bundled'], { cwd: dir, env: { XDG_CACHE_HOME: tempDir() } });
    expect(listed.stderr).toContain('bad\\u001b[2Jname.yaml:4:7 RIF009');
    const validated = await rif(['validate', dir], { cwd: dir });
    expect(validated.stdout).toContain('bad\\u001b[2Jname.yaml:4:7 RIF009');
    const searched = await rif(['search', `${ESC}[2J${ESC}]52;c;x\u0007`]);
    expect(searched.stderr).toBe('rif: no facts match "\\u001b[2J\\u001b]52;c;x\\u0007"\n');
    for (const out of [listed, validated, searched]) expect(out.stdout + out.stderr).not.toContain(ESC);
  });
});

describe('terminals', () => {
  const scripts = tempFacts({
    'persian.yaml': fact('persian-fact').replace('title: A test fact', 'title: عهدنامه ترکمانچای و جنگ‌های ایران و روسیه'),
    'cyrillic.yaml': fact('cyrillic-fact').replace('title: A test fact', 'title: Туркманчайский мирный договор между Россией и Персией'),
    'cjk.yaml': fact('cjk-fact').replace('title: A test fact', 'title: 土库曼恰伊条约 トルコマーンチャーイ条約'),
    'emoji.yaml': fact('emoji-fact').replace('title: A test fact', 'title: Drones 🛩️ and reactors ⚛️ 👍🏽'),
  });

  it.each([40, 72, 120])('a grid of Persian, Cyrillic, CJK and emoji rows is aligned in %i columns, nothing cut', async (columns) => {
    const out = await rif(['list', '--facts', scripts, '--no-bundled', '--no-cache', '--wrap'], { tty: true, columns, env: { NO_COLOR: '1' } });
    // the grid; under it, at 40 columns, a note on the column left out
    const lines = out.stdout
      .trimEnd()
      .split('\n')
      .filter((l) => /^[┌│├└]/.test(l));
    const widths = new Set(lines.map((l) => stringWidth(l)));
    expect(widths.size).toBe(1);
    expect([...widths][0]).toBeLessThanOrEqual(columns);
    const text = lines.join(' ').replace(/[│┌┐└┘├┤┬┴┼─\s]/g, '');
    for (const word of ['ترکمانچای', 'Туркманчайский', '土库曼恰伊条约', '👍🏽']) expect(text).toContain(word.replace(/\s/g, '').slice(0, 3));
  });

  it.each([40, 72])('a compact table of Persian, Cyrillic, CJK and emoji rows lines up in %i columns, cut only with …', async (columns) => {
    const out = await rif(['list', '--facts', scripts, '--no-bundled', '--no-cache'], { tty: true, columns, env: { NO_COLOR: '1' } });
    const lines = out.stdout.trimEnd().split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    lines.splice(2 + 4);
    // every row starts its id in the same column: the wide and right-to-left text before it is measured right
    const idAt = new Set(lines.slice(2).map((l) => stringWidth(l.slice(0, l.search(/[a-z]+-fact/)))));
    expect(idAt.size).toBe(1);
    for (const id of ['persian-fact', 'cyrillic-fact', 'cjk-fact', 'emoji-fact']) expect(out.stdout).toContain(id);
  });

  it('a terminal that reports 0 columns gets a table 80 columns wide', () => {
    const out = spawnSync('script', ['-qec', `stty cols 0; node ${BIN} search shahed`, '/dev/null'], {
      cwd: ROOT,
      env: { ...env, TERM: 'xterm-256color', COLUMNS: undefined },
      encoding: 'utf8',
    });
    expect(out.status).toBe(0);
    const lines = out.stdout
      .replace(/\u001b\[[0-9;]*m/g, '')
      .replace(/\r/g, '')
      .trimEnd()
      .split('\n');
    expect(lines[1]).toMatch(/^─+ {2}─/);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(out.stdout).toContain('iranian-drones-to-russia');
  });

  it.each([
    ['NO_COLOR', { NO_COLOR: '1' }, []],
    ['TERM=dumb', { TERM: 'dumb' }, []],
    ['--no-color', {}, ['--no-color']],
  ] as const)('a pty with %s gets no ANSI codes, borders included', (_, extra, flags) => {
    const command = `stty cols 100; node ${BIN} treaties --from 1800 --to 1830 ${flags.join(' ')}`;
    const out = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...env, TERM: 'xterm-256color', ...extra }, encoding: 'utf8' });
    expect(out.stdout).toContain('treaty-of-turkmenchay');
    expect(out.stdout).not.toContain(ESC);
  });
});

describe('queries', () => {
  it.each(['.*+?[](){}|^$\\', '!', "'", '%s%n', '\\x00', '*', '$(rm -rf /)'])('the metacharacters %j give a defined result', async (query) => {
    const out = await rif(['search', query]);
    expect([0, 1]).toContain(out.code);
    expect(out.stderr).not.toMatch(/\n\s+at |internal error/);
  });

  it.each([
    ['"drone deal', /unclosed quote/],
    ['author:putin', /unknown scope "author:".*actor:/],
    ['kind:treatise', /unknown kind "treatise" in kind:treatise \(did you mean "treaty"\?\)/],
    ['topic:nukes', /unknown topic "nukes"/],
    ['year:soon', /year:soon: a year is/],
    ['actor:', /actor: needs a value/],
    ['""', /search needs a query/],
  ])('bad syntax %j is a usage error with a hint', async (query, message) => {
    const out = await rif(['search', query]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a query of 200 characters is searched; over 200 is a usage error saying the limit', async () => {
    const long = `treaty ${'x'.repeat(193)}`;
    expect(long).toHaveLength(200);
    expect([0, 1]).toContain((await rif(['search', long])).code);
    expect(await rif(['search', `${long}y`])).toMatchObject({ code: 2, stderr: 'rif: the query is 201 characters long; the limit is 200\n' });
  });

  it.each([[''], ['   '], ['\t']])('a blank query %j is a usage error', async (query) => {
    expect(await rif(['search', query])).toMatchObject({ code: 2, stdout: '', stderr: 'rif: search needs a query, e.g. rif search shahed\n' });
  });

  it('a query that starts with "-" goes after --: a word with "-" before it is left out', async () => {
    const out = await rif(['search', '--json', '--all', '--', '-shahed']);
    const ids = (JSON.parse(out.stdout) as { id: string }[]).map((r) => r.id);
    expect(ids).not.toContain('shahed-drone-deal-2022');
    expect(ids.length).toBeGreaterThan(300);
    const quoted = await rif(['search', '--json', '--', '"-shahed"']);
    expect((JSON.parse(quoted.stdout) as { id: string }[]).map((r) => r.id)).toContain('shahed-drone-deal-2022');
  });

  it('Persian matches across Arabic and Persian letter forms and Unicode normalisation forms', async () => {
    const dir = tempFacts({ 'f.yaml': fact('persian-forms').replace('aliases: [Test]', 'aliases: [Test, کنفرانس تهران, آستارا]') });
    const search = async (q: string) => (await rifJson<{ id: string }[]>(['search', q, '--facts', dir, '--no-bundled', '--no-cache'])).map((r) => r.id);
    for (const q of ['کنفرانس', 'كنفرانس', 'تهران', 'آستارا', 'آستارا'.normalize('NFD')]) expect(await search(q)).toEqual(['persian-forms']);
  });

  it('Cyrillic and Latin spellings both find a treaty through its aliases', async () => {
    for (const q of ['Туркманчай', 'туркманчайский', 'Turkmenchay', 'ترکمانچای']) {
      const ids = (await rifJson<{ id: string }[]>(['search', q, '--limit', '3'])).map((r) => r.id);
      expect(ids).toContain('treaty-of-turkmenchay');
    }
  });
});

describe('the process', () => {
  it('Ctrl-C while results are written: they are finished, then exit 130', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('node', [BIN, 'list', '--json'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause(); // the pipe fills and rif blocks in its write
    const chunks: Buffer[] = [];
    const done = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    await new Promise((r) => setTimeout(r, 1000));
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 200));
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    expect(await done).toEqual([130, null]);
    expect(JSON.parse(Buffer.concat(chunks).toString()).length).toBeGreaterThan(100);
  });

  it('Ctrl-C before any result stops at once', () => {
    const dir = tempDir();
    for (let i = 0; i < 3000; i++) writeFileSync(join(dir, `f${i}.yaml`), fact(`fact-${i}`));
    const out = spawnSync('bash', ['-c', `node ${BIN} list --facts ${dir} --no-bundled --no-cache --json & sleep 0.3; kill -INT $!; wait $!; echo "exit $?"`], {
      env,
      encoding: 'utf8',
    });
    expect(out.stdout).toBe('exit 130\n');
  });

  it('a JSON listing into a full disk is one line and exit 74', () => {
    const out = spawnSync('bash', ['-c', `node ${BIN} list --json > /dev/full`], { env, encoding: 'utf8' });
    expect([out.status, out.stderr]).toEqual([74, 'rif: cannot write output (ENOSPC)\n']);
  });
});

describe('flags', () => {
  it.each([
    [['list', '--in', '2020-13'], /"2020-13" is not a period/],
    [['list', '--from', '19x0'], /"19x0" is not a date/],
    [['list', '--status', 'rumoured'], /unknown status "rumoured"/],
    [['events', '--limit', '0'], /--limit/],
    [['topcs'], /^rif: unknown command "topcs", and no facts match "topcs"; did you mean rif topics\?\n$/],
  ])('%j: exit 2, one line', async (argv, message) => {
    const out = await rif(argv);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a word that is a command only after two edits is still a search', async () => {
    const out = await rif(['shah']);
    expect(out.code).toBe(0);
  });
});
