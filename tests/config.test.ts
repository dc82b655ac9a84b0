// The config file ($XDG_CONFIG_HOME/rif/config.yaml), `rif config path` and `rif paths`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, rif, tempDir } from './helpers.js';

const VALID = join(FIXTURES, 'valid');
const ESC = '\u001b';

/** A config home holding rif/config.yaml with `text`; the env that points at it. */
function configured(text: string | Buffer, extra: Record<string, string> = {}) {
  const home = tempDir();
  mkdirSync(join(home, 'rif'));
  writeFileSync(join(home, 'rif', 'config.yaml'), text);
  return { dir: join(home, 'rif'), file: join(home, 'rif', 'config.yaml'), env: { XDG_CONFIG_HOME: home, XDG_CACHE_HOME: tempDir(), ...extra } };
}

describe('rif config path', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/x/config' }, '/x/config/rif/config.yaml'],
    [{ HOME: '/home/u' }, '/home/u/.config/rif/config.yaml'],
    [{ RIF_CONFIG: '/etc/rif.yaml', XDG_CONFIG_HOME: '/x/config' }, '/etc/rif.yaml'],
  ])('%j → %s, whether or not it exists', async (env, path) => {
    expect(await rif(['config', 'path'], { env })).toEqual({ code: 0, stdout: `${path}\n`, stderr: '' });
  });

  it('with no home and no XDG_CONFIG_HOME there is none: exit 2', async () => {
    expect(await rif(['config', 'path'])).toMatchObject({ code: 2, stderr: 'rif: no config path: set RIF_CONFIG, XDG_CONFIG_HOME or HOME\n' });
  });
});

describe('the settings', () => {
  it('facts: paths relative to the file and under ~ are loaded after --facts and RIF_FACTS', async () => {
    const home = tempDir();
    mkdirSync(join(home, 'notes'));
    writeFileSync(
      join(home, 'notes', 'mine.yaml'),
      'id: from-home\nkind: event\ntitle: T\ndate: "1900"\nsummary: From home.\nsources: [{ url: "https://example.org/h", publisher: P }]\n',
    );
    const { dir, env } = configured(`facts:\n  - ~/notes\n  - ./local\n`, { HOME: home });
    mkdirSync(join(dir, 'local'));
    writeFileSync(
      join(dir, 'local', 'l.yaml'),
      'id: from-local\nkind: event\ntitle: T\ndate: "1901"\nsummary: Local.\nsources: [{ url: "https://example.org/l", publisher: P }]\n',
    );
    const out = await rif(['list', '--no-bundled', '--json'], { env });
    expect(JSON.parse(out.stdout).map((r: { id: string }) => r.id)).toEqual(['from-home', 'from-local']);
    const paths = await rif(['paths', '--no-bundled'], { env });
    expect(paths.stdout).toContain(`user facts\t${join(home, 'notes')}\tconfig file\n`);
  });

  it('a single path may be written without a list', async () => {
    const { env } = configured(`facts: ${VALID}\n`);
    const out = await rif(['list', '--no-bundled', '--json'], { env });
    expect(JSON.parse(out.stdout)).toHaveLength(3);
  });

  it('format: the output of listings without a flag; a flag wins; a table only on a terminal', async () => {
    const json = configured('format: json\n');
    expect(JSON.parse((await rif(['treaties', '--in', '1828'], { env: json.env })).stdout)[0].id).toBe('treaty-of-turkmenchay');
    expect((await rif(['treaties', '--in', '1828', '--csv'], { env: json.env })).stdout).toMatch(/^signed,in_force,ended,id,title\r\n/);
    const table = configured('format: table\n');
    expect((await rif(['treaties', '--in', '1828', '--limit', '1'], { env: table.env })).stdout).toBe(
      '1828-02-22\t\t1921-02-26\ttreaty-of-turkmenchay\tTreaty of Turkmenchay\n',
    );
    const md = configured('format: markdown\n');
    expect((await rif(['treaties', '--in', '1828'], { env: md.env, tty: true })).stdout).toMatch(/^\| signed \|/);
  });

  it('color: never turns colour off on a terminal; --color always wins', async () => {
    const { env } = configured('color: never\n');
    expect((await rif(['treaties', '--in', '1828'], { env, tty: true })).stdout).not.toContain(ESC);
    expect((await rif(['treaties', '--in', '1828', '--color', 'always'], { env, tty: true })).stdout).toContain(ESC);
  });

  it('an empty file means the defaults', async () => {
    const { env } = configured('# nothing set yet\n');
    expect((await rif(['treaties', '--in', '1828'], { env })).code).toBe(0);
  });
});

describe('a config file that cannot be used', () => {
  it.each([
    ['colour: never\n', ':1:1: unknown setting "colour" (did you mean "color"?); the settings are facts, color, format'],
    ['color: sometimes\n', ':1:1: color must be one of auto, always, never'],
    ['format: yaml\n', ':1:1: format must be one of table, plain, json, ndjson, csv, markdown'],
    ['facts: [1, 2]\n', ':1:1: facts must be a path or a list of paths'],
    ['facts: [a\n', ':1:9: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['- a list\n', ':1:1: the config file must map settings to values'],
    ['color: &c never\n', ':1:8: anchors (&c) are not allowed'],
    [Buffer.from([0x66, 0xff, 0xfe]), ':1:1: the config file is not valid UTF-8 text'],
  ])('%j is one line naming the file, line and column, exit 2', async (text, message) => {
    const { file, env } = configured(text);
    const out = await rif(['list'], { env });
    expect(out.code).toBe(2);
    expect(out.stderr.startsWith(`rif: ${file}${message}`)).toBe(true);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rif config path and rif paths still work, and paths says what is wrong', async () => {
    const { file, env } = configured('colour: never\n');
    expect(await rif(['config', 'path'], { env })).toMatchObject({ code: 0, stdout: `${file}\n` });
    const paths = await rif(['paths'], { env });
    expect(paths.code).toBe(0);
    expect(paths.stdout).toContain(`config\t${file}\tcannot be used: ${file}:1:1: unknown setting "colour"`);
  });
});

describe('rif paths', () => {
  it('names every directory and file in use, and where each comes from', async () => {
    const cache = tempDir();
    const out = await rif(['paths', '--facts', VALID, '--json'], { env: { XDG_CACHE_HOME: cache, XDG_CONFIG_HOME: '/nowhere', RIF_FACTS: '/gone' } });
    const records = JSON.parse(out.stdout) as { name: string; path: string | null; note: string }[];
    expect(records.map((r) => [r.name, r.note])).toEqual([
      ['bundled facts', 'YAML, read by rif validate'],
      ['bundled store', expect.stringMatching(/^compiled by the build, read by every command: \d+ facts, complete to \d{4}-\d\d-\d\d$/)],
      ['user facts', '--facts'],
      ['user facts', 'RIF_FACTS, missing'],
      ['cache', 'parsed user facts'],
      ['config', 'not there (defaults apply)'],
    ]);
    expect(records.find((r) => r.name === 'cache')!.path).toBe(join(cache, 'rif'));
  });

  it('--no-cache and --no-bundled show in the notes', async () => {
    const out = await rif(['paths', '--no-cache', '--no-bundled']);
    expect(out.stdout).toMatch(/^bundled facts\t.*\tleft out \(--no-bundled\)$/m);
    expect(out.stdout).toMatch(/^cache\t\toff \(--no-cache\)$/m);
    expect(out.stdout).toMatch(/^config\t\tnone: set RIF_CONFIG, XDG_CONFIG_HOME or HOME$/m);
  });
});
