// The cache of user facts: what it returns is what parsing the files returns, and it is never trusted
// after a file changed, appeared, went away or was renamed, or when the cache itself is damaged.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../src/render/json.js';
import { toRecord } from '../src/render/record.js';
import { compileBundled } from '../src/store/compile.js';
import { openDiskStore, readManifest, StoreDamaged, writeStore } from '../src/store/disk.js';
import { hasher } from '../src/store/hash.js';
import { rif, ROOT, tempDir, tempFacts } from './helpers.js';

const fact = (id: string, title = `Title of ${id}`) =>
  `id: ${id}\nkind: event\ntitle: ${title}\ndate: "1900"\nsummary: Summary of ${id}.\nsources: [{ url: "https://example.org/${id}", publisher: P }]\n`;

/**
 * A collection of three facts, a cache directory, and a way to run rif on them with the cache on. With
 * $PATH, find takes the fingerprint that lets a warm entry be used while it is checked; without, every
 * run checks file by file.
 */
function setupWith(searchPath?: string) {
  const dir = tempFacts({ 'a.yaml': fact('alpha'), 'b.yaml': fact('beta'), 'sub/c.yaml': fact('gamma') });
  const env = { XDG_CACHE_HOME: tempDir(), ...(searchPath === undefined ? {} : { PATH: searchPath }) };
  const run = (...argv: string[]) => rif([...argv, '--facts', dir, '--no-bundled'], { env });
  const ids = async () => (await run('list', '--fields', 'id')).stdout.trim().split('\n').sort();
  const entries = () => readdirSync(join(env.XDG_CACHE_HOME, 'rif', 'stores'));
  const manifest = () =>
    JSON.parse(readFileSync(join(env.XDG_CACHE_HOME, 'rif', 'stores', entries()[0]!, 'manifest.json'), 'utf8')) as { fingerprint?: string };
  return { dir, env, run, ids, entries, manifest };
}

/** Sets a file's modification time `seconds` into the future, so a rewrite within the same tick still counts as a change. */
const touch = (file: string, seconds = 10) => {
  const t = statSync(file).mtimeMs / 1000 + seconds;
  utimesSync(file, t, t);
};

describe.each([
  ['checked by the fingerprint of the paths', process.env['PATH']],
  ['checked file by file (no find)', undefined],
])('the cache, %s', (_, searchPath) => {
  const setup = () => setupWith(searchPath);

  it('is written on the first run and read on the next, with the same output', async () => {
    const { run, entries } = setup();
    const first = await run('list', '--json');
    expect(entries()).toHaveLength(1);
    const second = await run('list', '--json');
    expect(second).toEqual(first);
    expect(first.code).toBe(0);
  });

  it('sees a changed file', async () => {
    const { dir, run } = setup();
    await run('list');
    writeFileSync(join(dir, 'a.yaml'), fact('alpha', 'A new title'));
    touch(join(dir, 'a.yaml'));
    expect((await run('show', 'alpha')).stdout).toContain('A new title');
  });

  it('sees an added file, a removed file and a renamed file', async () => {
    const { dir, run, ids } = setup();
    expect(await ids()).toEqual(['alpha', 'beta', 'gamma']);
    writeFileSync(join(dir, 'd.yaml'), fact('delta'));
    expect(await ids()).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    rmSync(join(dir, 'b.yaml'));
    expect(await ids()).toEqual(['alpha', 'delta', 'gamma']);
    renameSync(join(dir, 'sub', 'c.yaml'), join(dir, 'sub', 'renamed.yaml'));
    const [shown] = JSON.parse((await run('show', 'gamma', '--json')).stdout) as { file: string }[];
    expect(shown!.file).toBe(join(dir, 'sub', 'renamed.yaml'));
  });

  it('parses again only the files whose size or time changed', async () => {
    const { dir, run } = setup();
    const a = join(dir, 'a.yaml');
    const time = 1_700_000_000; // whole seconds, which utimes sets exactly
    utimesSync(a, time, time);
    await run('list');
    // a.yaml changes but keeps its size and time: the cache cannot tell, and keeps its parse of it
    writeFileSync(a, fact('alpha').replace('Title', 'Tidle'));
    utimesSync(a, time, time);
    // b.yaml changes visibly: the cache is rebuilt, from its old parse of a.yaml and a new parse of b.yaml
    writeFileSync(join(dir, 'b.yaml'), fact('beta', 'Beta changed'));
    touch(join(dir, 'b.yaml'));
    const titles = (await run('list', '--fields', 'title')).stdout;
    expect(titles).toContain('Beta changed');
    expect(titles).toContain('Title of alpha');
    expect(titles).not.toContain('Tidle');
  });

  it('notices a changed topics.yaml, and then parses every file again', async () => {
    const { dir, run } = setup();
    writeFileSync(join(dir, 'a.yaml'), `${fact('alpha')}topics: [mine]\n`);
    const unknown = await run('list');
    expect(unknown.stderr).toContain('RIF012');
    writeFileSync(join(dir, 'topics.yaml'), 'mine: a topic of my own\n');
    const known = await run('list', '--topic', 'mine');
    expect([known.code, known.stderr, known.stdout]).toEqual([0, '', expect.stringContaining('alpha')]);
  });

  it.each([
    ['a truncated record file', 'records.json', (text: string) => text.slice(0, text.length / 2)],
    ['records of the same size that do not parse', 'records.json', (text: string) => 'x'.repeat(text.length)],
    ['heads of the same size that do not parse', 'heads.json', (text: string) => '!'.repeat(text.length)],
    ['a word index of the same size out of range', 'postings.bin', (text: string) => '\xff'.repeat(text.length)],
    ['a foreign manifest', 'manifest.json', () => JSON.stringify({ magic: 'someone-else', format: 1 })],
    ['an empty columns file', 'columns.bin', () => ''],
    ['a missing word list', 'words.txt', undefined],
  ])('ignores %s and rebuilds', async (_, name, damage) => {
    const { env, run, entries } = setup();
    const good = [await run('list', '--json'), await run('search', 'beta')];
    const file = join(env.XDG_CACHE_HOME, 'rif', 'stores', entries()[0]!, name);
    if (damage) writeFileSync(file, damage(readFileSync(file, 'latin1')), 'latin1');
    else rmSync(file);
    expect([await run('list', '--json'), await run('search', 'beta')]).toEqual(good);
    // and the entry is whole again
    expect([await run('list', '--json'), await run('search', 'beta')]).toEqual(good);
  });

  it('is left alone with --no-cache', async () => {
    const { env, run } = setup();
    expect((await run('list', '--no-cache')).code).toBe(0);
    expect(existsSync(join(env.XDG_CACHE_HOME, 'rif'))).toBe(false);
  });

  it('costs nothing but speed when it cannot be written', async () => {
    const dir = tempFacts({ 'a.yaml': fact('alpha') });
    const blocked = join(tempFacts({ file: 'not a directory' }), 'file');
    const out = await rif(['list', '--facts', dir, '--no-bundled'], { env: { XDG_CACHE_HOME: blocked } });
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain('alpha');
  });

  it('records the fingerprint of the paths it was built from, when find can take one', async () => {
    const { run, manifest } = setup();
    await run('list');
    expect(manifest().fingerprint).toEqual(searchPath === undefined ? undefined : expect.stringMatching(/^[0-9a-f]{40}$/));
  });

  it('prints only what the fresh facts give when the entry it started on proved stale', async () => {
    const { dir, env, run } = setup();
    writeFileSync(join(dir, 'b.yaml'), 'id: beta\nkind: event\n');
    expect((await run('list', '--fields', 'id')).stderr).toContain('b.yaml:1:1');
    writeFileSync(join(dir, 'b.yaml'), fact('beta', 'Beta fixed'));
    touch(join(dir, 'b.yaml'));
    const fixed = await run('list', '--fields', 'id,title');
    expect(fixed).toEqual({ code: 0, stdout: expect.stringContaining('Beta fixed'), stderr: '' });
    expect(fixed).toEqual(await rif(['list', '--fields', 'id,title', '--facts', dir, '--no-bundled', '--no-cache'], { env }));
  });

  it.runIf(searchPath)('walks the files when the fingerprint is not the one recorded, and records it when they are unchanged', async () => {
    const { env, run, entries, manifest } = setup();
    const first = await run('list', '--json');
    const right = manifest().fingerprint;
    const file = join(env.XDG_CACHE_HOME, 'rif', 'stores', entries()[0]!, 'manifest.json');
    writeFileSync(file, JSON.stringify({ ...manifest(), fingerprint: '0'.repeat(40) }));
    expect(await run('list', '--json')).toEqual(first);
    expect(manifest().fingerprint).toBe(right);
  });

  it('rif cache clear removes it', async () => {
    const { env, run } = setup();
    await run('list');
    const out = await rif(['cache', 'clear'], { env });
    expect([out.code, out.stdout]).toEqual([0, `removed ${join(env.XDG_CACHE_HOME, 'rif')}\n`]);
    expect(existsSync(join(env.XDG_CACHE_HOME, 'rif'))).toBe(false);
  });
});

describe('cached, uncached and bundled runs', () => {
  const mine = tempDir();
  cpSync(join(ROOT, 'facts'), mine, { recursive: true });
  // with $PATH, the warm runs use the cache entry while find checks it
  const env = { XDG_CACHE_HOME: tempDir(), PATH: process.env['PATH'] };
  const user = ['--no-bundled', '--facts', mine];
  // the same facts from three places; only the file paths in JSON records differ
  // a card names its file relative to the working folder, which the bundled facts are under
  const same = (text: string) =>
    text
      .split(mine)
      .join('<facts>')
      .split(join(ROOT, 'facts'))
      .join('<facts>')
      .replace(/^(File +)facts\//m, '$1<facts>/');

  it.each([
    [['list', '--json']],
    // the bundled facts print JSON listings as compiled at build time: any subset, in any order
    [['treaties', '--json', '--reverse']],
    [['list', '--json', '--topic', 'nuclear', '--sort', 'title', '--limit', '7']],
    [['search', 'shahed', '--json']],
    [['search', 'caspian', 'treaty', '--limit', '5']],
    [['treaties', '--in', '1828']],
    [['allegations', '--status', 'alleged', '--csv']],
    [['list', '--topic', 'nuclear', '--from', '2000', '--fields', 'date,id,summary']],
    [['list', '--actor', 'putin', '--sort', 'title']],
    [['show', 'treaty-of-turkmenchay']],
    [['topics', '--json']],
    [['bushher']],
  ])('rif %j prints the same', async (argv) => {
    const bundled = await rif(argv);
    const uncached = await rif([...argv, ...user, '--no-cache']);
    const cold = await rif([...argv, ...user], { env });
    const warm = await rif([...argv, ...user], { env });
    expect(bundled.code).toBe(0);
    for (const out of [uncached, cold, warm]) expect({ ...out, stdout: same(out.stdout) }).toEqual({ ...bundled, stdout: same(bundled.stdout) });
  });
});

describe('the bundled listing compiled at build time', () => {
  // the package installed under a path that JSON and a terminal must escape: a quote, a backslash, a bidi override
  const base = join(tempDir(), 'odd "\\ \u202e dir', 'facts') + sep;
  cpSync(join(ROOT, 'facts'), base, { recursive: true });
  const store = join(tempDir(), 'store');
  const hash = hasher();
  writeStore(store, compileBundled(base, hash), hash, { fileBase: base, listing: true });
  const open = () => openDiskStore(store, readManifest(store, base)!, base);

  it('prints what rendering the records prints, for any facts in any order', async () => {
    const facts = open();
    const all = Array.from({ length: facts.size }, (_, i) => i);
    for (const indices of [all, [5, 0, 3], [facts.size - 1], []]) {
      const records = (await facts.facts(indices)).map((fact) => toRecord({ fact, score: 0, titleMatches: [] }, false));
      expect(await facts.recordsJson!(indices)).toBe(renderJson(records));
    }
    const [first] = JSON.parse(await facts.recordsJson!([0])) as { file: string }[];
    expect(first!.file.startsWith(base)).toBe(true);
  });

  it('is refused when it does not match the facts', async () => {
    const listing = join(store, 'listing.json');
    const text = readFileSync(listing, 'utf8');
    // the same bytes, one character fewer
    writeFileSync(listing, `${text.slice(0, -2)}é`);
    await expect(open().recordsJson!([0])).rejects.toThrow(StoreDamaged);
    writeFileSync(listing, text);
  });

  it('is not written for a user cache, which renders its records', async () => {
    const { env, run, entries } = setupWith();
    await run('list', '--json');
    const dir = join(env.XDG_CACHE_HOME, 'rif', 'stores', entries()[0]!);
    expect(statSync(join(dir, 'listing.json')).size).toBe(0);
    expect(openDiskStore(dir, readManifest(dir)!).recordsJson).toBeUndefined();
  });
});

describe('the progress bar', () => {
  // a clock that moves 200 ms at every look, so the bar is due at once
  const ticking = () => {
    let t = 0;
    return () => (t += 200);
  };
  const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.yaml`, fact(`fact-${i}`)]));

  it('is drawn on a terminal while files are parsed, and wiped', async () => {
    const out = await rif(['list', '--facts', tempFacts(many), '--no-bundled', '--no-cache'], { stderrTty: true, now: ticking() });
    expect(out.stderr).toMatch(/reading fact files \[#* *\] \d+\/20/);
    expect(out.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('is not drawn in a pipe', async () => {
    const out = await rif(['list', '--facts', tempFacts(many), '--no-bundled', '--no-cache'], { stderrTty: false, now: ticking() });
    expect(out.stderr).toBe('');
  });
});

describe('a search with more matches than fuse.js ranks', () => {
  it('prints the best 60 and says how many matched', async () => {
    const list = Array.from({ length: 300 }, (_, i) => `- ${fact(`common-${i}`, `Common word ${i}`).replace(/\n(?=.)/g, '\n  ')}`).join('');
    const out = await rif(['search', 'common', '--facts', tempFacts({ 'many.yaml': list }), '--no-bundled', '--fields', 'id']);
    expect(out.code).toBe(0);
    expect(out.stdout.trim().split('\n')).toHaveLength(60);
    expect(out.stderr).toBe('rif: 300 facts match; showing the best 60. Add words or filters to narrow the search\n');
  });
});
