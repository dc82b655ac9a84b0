// The config file ($XDG_CONFIG_HOME/rif/config.yaml), `rif config path` and `rif paths`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    ['colour: never\n', ':1:1: unknown setting "colour" (did you mean "color"?); the settings are facts, format, limit, sort, pager, width, cite_style, color'],
    ['color: sometimes\n', ':1:1: color must be one of auto, always, never'],
    ['format: yaml\n', ':1:1: format must be one of table, plain, json, ndjson, csv, tsv, markdown'],
    ['limit: 0\n', ':1:1: limit must be a whole number of 1 or more'],
    ['sort: newest\n', ':1:1: sort must be one of date, relevance, title'],
    ['pager: [less]\n', ':1:1: pager must be a command or false'],
    ['width: 5\n', ':1:1: width must be a whole number of 20 or more'],
    ['cite_style: harvard\n', ':1:1: cite_style must be one of markdown, plain, chicago-note, chicago, apa, mla, bibtex, biblatex, ris, csl-json'],
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
      ['schemas', 'JSON Schemas of a fact file and a record (rif schema)'],
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

describe('rif config get, set, unset and edit', () => {
  const home = () => {
    const dir = tempDir();
    return { file: join(dir, 'rif', 'config.yaml'), env: { XDG_CONFIG_HOME: dir, XDG_CACHE_HOME: tempDir() } };
  };

  it('set creates the file and its folder; get prints the value; unset removes it', async () => {
    const { file, env } = home();
    expect(await rif(['config', 'set', 'format', 'json'], { env })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe('format: json\n');
    expect(await rif(['config', 'get', 'format'], { env })).toEqual({ code: 0, stdout: 'json\n', stderr: '' });
    expect(JSON.parse((await rif(['treaties', '--in', '1828'], { env })).stdout)[0].id).toBe('treaty-of-turkmenchay');
    expect(await rif(['config', 'unset', 'format'], { env })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe('');
    expect((await rif(['config', 'get', 'format'], { env })).stdout).toBe('table\n');
  });

  it('set keeps the comments and the other settings; several paths make a list', async () => {
    const { file, env } = configured('# my defaults\ncolor: never # no colour at work\n');
    await rif(['config', 'set', 'facts', '~/notes', './shared'], { env });
    await rif(['config', 'set', 'width', '120'], { env });
    expect(readFileSync(file, 'utf8')).toBe('# my defaults\ncolor: never # no colour at work\nfacts:\n  - ~/notes\n  - ./shared\nwidth: 120\n');
  });

  it('get without a name lists every setting, its value and where it comes from', async () => {
    const { env } = configured('limit: 5\ncite_style: bibtex\n');
    const out = await rif(['config', 'get'], { env });
    expect(out.stdout).toBe(
      [
        'facts\t\tdefault',
        'format\ttable\tdefault',
        'limit\t5\tconfig file',
        'sort\tdate (relevance with a query)\tdefault',
        'pager\tless -FRX (after RIF_PAGER and PAGER)\tdefault',
        'width\t80\tdefault',
        'cite_style\tbibtex\tconfig file',
        'color\tauto\tdefault',
        '',
      ].join('\n'),
    );
    // a setting with no default that the file does not set: nothing to print, exit 1
    expect(await rif(['config', 'get', 'facts'], { env })).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it.each([
    [['config', 'set', 'limit', '0'], 'rif: limit must be a whole number of 1 or more\n'],
    [
      ['config', 'set', 'colour', 'never'],
      'rif: unknown setting "colour" (did you mean "color"?); the settings are facts, format, limit, sort, pager, width, cite_style, color\n',
    ],
    [['config', 'set', 'format', 'yaml'], 'rif: format must be one of table, plain, json, ndjson, csv, tsv, markdown\n'],
    [
      ['config', 'get', 'colour'],
      'rif: unknown setting "colour" (did you mean "color"?); the settings are facts, format, limit, sort, pager, width, cite_style, color\n',
    ],
  ])('%j: exit 2, one line, and the file as it was', async (argv, message) => {
    const { file, env } = configured('color: never\n');
    expect(await rif(argv, { env })).toEqual({ code: 2, stdout: '', stderr: message });
    expect(readFileSync(file, 'utf8')).toBe('color: never\n');
  });

  it('set refuses to change a file it cannot read as YAML, and says how to fix it', async () => {
    const { file, env } = configured('format: [json\n');
    const out = await rif(['config', 'set', 'color', 'never'], { env });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/is not YAML that rif can change .*; fix it with rif config edit\n$/);
    expect(readFileSync(file, 'utf8')).toBe('format: [json\n');
  });

  it('edit opens $VISUAL or $EDITOR on the file (a commented template when new), then checks it', async () => {
    const { file, env } = home();
    const runs: (readonly string[])[] = [];
    const editor = (change: (text: string) => string) => (argv: readonly string[]) => {
      runs.push(argv);
      writeFileSync(file, change(readFileSync(file, 'utf8')));
      return 0;
    };
    const ok = await rif(['config', 'edit'], { env: { ...env, EDITOR: 'nano' }, spawn: editor((t) => t.replace('# format: table', 'format: csv')) });
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(runs[0]).toEqual(['sh', '-c', 'nano "$@"', 'nano', file]);
    expect(readFileSync(file, 'utf8')).toMatch(/^# rif's config file/);
    expect((await rif(['config', 'get', 'format'], { env })).stdout).toBe('csv\n');
    const bad = await rif(['config', 'edit'], {
      env: { ...env, VISUAL: 'vim', EDITOR: 'nano' },
      spawn: editor((t) => t.replace('format: csv', 'format: cvs')),
    });
    expect(runs[1]![2]).toBe('vim "$@"');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/config\.yaml:\d+:1: format must be one of .* \(did you mean "csv", "tsv"\?\); run rif config edit again to fix it\n$/);
  });

  it('edit without a terminal, or with an editor that fails, says so', async () => {
    const { env } = home();
    expect((await rif(['config', 'edit'], { env })).stderr).toMatch(/^rif: no terminal to edit .*; change it with rif config set\n$/);
    expect((await rif(['config', 'edit'], { env: { ...env, EDITOR: 'nope' }, spawn: () => 127 })).stderr).toMatch(/the editor \(nope\) exited with 127/);
    expect((await rif(['config', 'edit'], { env, spawn: () => undefined })).stderr).toMatch(/could not start the editor \(vi\)/);
  });
});

describe('every setting, honoured where it applies; flags win', () => {
  it('a facts path that does not exist: a warning naming the config file, and the command goes on', async () => {
    const { file, env } = configured(`facts: [./gone, ${VALID}]\n`);
    const out = await rif(['list', '--no-bundled', '--fields', 'id'], { env });
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('test-border-commission\ntest-fishing-accord\ntest-smuggled-samovars\n');
    expect(out.stderr).toBe(`rif: warning: ${file}: facts path ${join(file, '..', 'gone')} does not exist; going on without it\n`);
  });

  it('limit: listings print at most that many; --limit and --no-limit win; counts and timelines count everything', async () => {
    const { env } = configured('limit: 2\n');
    expect((await rif(['list', '--fields', 'id'], { env })).stdout.trimEnd().split('\n')).toHaveLength(2);
    expect((await rif(['search', 'shahed', '--fields', 'id'], { env })).stdout.trimEnd().split('\n')).toHaveLength(2);
    expect((await rif(['list', '--fields', 'id', '--limit', '3'], { env })).stdout.trimEnd().split('\n')).toHaveLength(3);
    const all = (await rif(['list', '--fields', 'id'])).stdout;
    expect((await rif(['list', '--fields', 'id', '--no-limit'], { env })).stdout).toBe(all);
    expect((await rif(['stats', '--json'], { env })).stdout).toBe((await rif(['stats', '--json'])).stdout);
    expect((await rif(['timeline'], { env })).stdout).toBe((await rif(['timeline'])).stdout);
  });

  it('sort: the order of listings; relevance only where there is a query; --sort wins', async () => {
    const { env } = configured('sort: title\n');
    expect((await rif(['treaties', '--fields', 'id'], { env })).stdout).toBe((await rif(['treaties', '--fields', 'id', '--sort', 'title'])).stdout);
    expect((await rif(['treaties', '--fields', 'id', '--sort', 'date'], { env })).stdout).toBe((await rif(['treaties', '--fields', 'id'])).stdout);
    const relevance = configured('sort: relevance\n');
    expect((await rif(['treaties', '--fields', 'id'], { env: relevance.env })).stdout).toBe((await rif(['treaties', '--fields', 'id'])).stdout);
  });

  it('width: where no terminal says (a pipe); COLUMNS and --width win', async () => {
    const { env } = configured('width: 60\n');
    const widest = (text: string) =>
      Math.max(
        ...text
          .trimEnd()
          .split('\n')
          .map((l) => [...l].length),
      );
    expect(widest((await rif(['search', 'shahed', '--table'], { env })).stdout)).toBeLessThanOrEqual(60);
    expect(widest((await rif(['search', 'shahed', '--table'], { env: { ...env, COLUMNS: '120' } })).stdout)).toBeGreaterThan(100);
    expect(widest((await rif(['search', 'shahed', '--table', '--width', '100'], { env })).stdout)).toBe(100);
  });

  it('cite_style: rif cite and search --cite; --style wins', async () => {
    const { env } = configured('cite_style: bibtex\n');
    expect((await rif(['cite', 'jcpoa-2015'], { env })).stdout).toMatch(/^@misc\{/);
    expect((await rif(['search', 'jcpoa', '--cite'], { env })).stdout).toMatch(/^@misc\{/);
    expect((await rif(['cite', 'jcpoa-2015', '--style', 'plain'], { env })).stdout).toMatch(/^Joint Comprehensive/);
  });

  it.each([
    // a CSL style in the config file takes --plain and --markdown as its form, as --style does
    ['apa', ['--plain'], ['--style', 'apa', '--plain']],
    ['apa', ['--markdown'], ['--style', 'apa']],
    ['chicago-note', ['--format', 'plain'], ['--style', 'chicago-note', '--plain']],
    // rif's own markdown and plain are one style in two forms
    ['markdown', ['--plain'], ['--style', 'plain']],
    ['plain', ['--markdown'], ['--style', 'markdown']],
    // --json is CSL-JSON whatever the config file says
    ['apa', ['--json'], ['--style', 'csl-json']],
  ])('cite_style %s with %j is %j', async (style, flags, same) => {
    const { env } = configured(`cite_style: ${style}\n`);
    const [configuredOut, explicit] = await Promise.all([rif(['cite', 'jcpoa-2015', ...flags], { env }), rif(['cite', 'jcpoa-2015', ...same])]);
    expect([configuredOut.code, configuredOut.stderr]).toEqual([0, '']);
    expect(configuredOut.stdout).toBe(explicit.stdout);
    const searched = await rif(['search', 'jcpoa', '--cite', ...flags], { env });
    expect(searched.stdout).toBe((await rif(['search', 'jcpoa', '--cite', ...same.filter((f) => f !== '--style')])).stdout);
  });

  it('cite_style of a data style refuses a form, as --style does', async () => {
    const { env } = configured('cite_style: bibtex\n');
    const out = await rif(['cite', 'jcpoa-2015', '--plain'], { env });
    expect([out.code, out.stderr, out.stdout]).toEqual([2, "rif: bibtex (the config file's cite_style) has one form: drop --plain\n", '']);
    expect((await rif(['cite', 'jcpoa-2015', '--style', 'bibtex', '--plain'])).stderr).toBe('rif: bibtex has one form: drop --plain\n');
  });

  it('format: show, stats and timeline honour it too; --format table (or any format flag) undoes it for one command', async () => {
    const { env } = configured('format: json\n');
    expect(JSON.parse((await rif(['show', 'jcpoa-2015'], { env })).stdout)[0].id).toBe('jcpoa-2015');
    expect(JSON.parse((await rif(['stats', '--topic', 'nuclear'], { env })).stdout).total).toBeGreaterThan(0);
    expect(JSON.parse((await rif(['timeline', '--in', '1828'], { env })).stdout)[0]).toHaveProperty('group');
    expect((await rif(['treaties', '--in', '1828', '--format', 'table'], { env })).stdout).toMatch(/^signed {6}/);
    expect((await rif(['treaties', '--in', '1828', '--plain', '--limit', '1'], { env })).stdout).toBe(
      '1828-02-22\t\t1921-02-26\ttreaty-of-turkmenchay\tTreaty of Turkmenchay\n',
    );
  });
});
