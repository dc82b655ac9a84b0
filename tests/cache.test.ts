// The cache of user facts: what a cached run prints is what a run with --no-cache prints, after any kind
// of change to the fact files and any kind of damage to the entry.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundled } from '../src/store/bundled-store.js';
import { checksum } from '../src/store/checksum.js';
import { hasher } from '../src/store/hash.js';
import { decodeSources } from '../src/store/sources-file.js';
import { openUserStore } from '../src/store/user-store.js';
import { rif, ROOT, tempDir, tempFacts } from './helpers.js';

const fact = (id: string, title = `Title of ${id}`) =>
  `id: ${id}\nkind: event\ntitle: ${title}\ndate: "1900"\nsummary: Summary of ${id}.\nsources: [{ url: "https://example.org/${id}", publisher: P, title: T }]\n`;

/** Three facts, a cache of their own, and runs of rif on them with the cache and without it. */
function setup() {
  const dir = tempFacts({ 'a.yaml': fact('alpha'), 'b.yaml': fact('beta'), 'sub/c.yaml': fact('gamma') });
  const env = { XDG_CACHE_HOME: tempDir(), PATH: process.env['PATH'] };
  const run = (...argv: string[]) => rif([...argv, '--facts', dir, '--no-bundled'], { env });
  const uncached = (...argv: string[]) => rif([...argv, '--facts', dir, '--no-bundled', '--no-cache'], { env });
  const entry = () => {
    const stores = join(env.XDG_CACHE_HOME, 'rif', 'stores');
    return join(
      stores,
      readdirSync(stores).find((name) => !name.endsWith('.lock'))!,
    );
  };
  /** Every command below prints the same as it would without the cache. */
  const agrees = async () => {
    for (const argv of COMMANDS) expect(await run(...argv), argv.join(' ')).toEqual(await uncached(...argv));
  };
  return { dir, env, run, uncached, entry, agrees };
}

const COMMANDS = [
  ['list', '--json'],
  ['search', 'alpha'],
  ['show', 'gamma', '--json'],
  ['list', '--fields', 'id,title'],
];

/** The same number of bytes, other text: an edit whose size gives nothing away. */
const sameLength = (id: string) => fact(id).replace('Title', 'Tidle');

describe('the cache of user facts', () => {
  it('is written on the first run and read on the next, with the same output', async () => {
    const { run, entry } = setup();
    const first = await run('list', '--json');
    expect(existsSync(join(entry(), 'manifest.json'))).toBe(true);
    expect(await run('list', '--json')).toEqual(first);
    expect((await run('list', '--verbose')).stderr).toMatch(/^rif: cache: the cache entry is current \(.*\)\n$/);
  });

  it.each([
    [
      'an edit of the same length with its times put back',
      (dir: string) => {
        const file = join(dir, 'a.yaml');
        const { atime, mtime } = statSync(file);
        writeFileSync(file, sameLength('alpha'));
        utimesSync(file, atime, mtime);
      },
    ],
    [
      'cp -p of a same-size file with other text',
      (dir: string) => {
        const other = join(tempDir(), 'a.yaml');
        writeFileSync(other, sameLength('alpha'));
        utimesSync(other, statSync(join(dir, 'a.yaml')).atime, statSync(join(dir, 'a.yaml')).mtime);
        expect(spawnSync('cp', ['-p', other, join(dir, 'a.yaml')]).status).toBe(0);
      },
    ],
    [
      'a copy renamed over it with its times, as rsync -t does',
      (dir: string) => {
        const file = join(dir, 'a.yaml');
        const temp = join(dir, '.a.yaml.tmp');
        writeFileSync(temp, sameLength('alpha'));
        utimesSync(temp, statSync(file).atime, statSync(file).mtime);
        renameSync(temp, file);
      },
    ],
    [
      'swapped for a link to a same-size copy',
      (dir: string) => {
        const file = join(dir, 'a.yaml');
        const copy = join(tempDir(), 'copy.yaml');
        writeFileSync(copy, sameLength('alpha'));
        utimesSync(copy, statSync(file).atime, statSync(file).mtime);
        rmSync(file);
        symlinkSync(copy, file);
      },
    ],
    ['made unreadable', (dir: string) => chmodSync(join(dir, 'a.yaml'), 0)],
    ['touched with no change', (dir: string) => utimesSync(join(dir, 'a.yaml'), new Date(), new Date())],
    ['a file added', (dir: string) => writeFileSync(join(dir, 'd.yaml'), fact('delta'))],
    ['a file removed', (dir: string) => rmSync(join(dir, 'b.yaml'))],
    ['a file renamed', (dir: string) => renameSync(join(dir, 'sub', 'c.yaml'), join(dir, 'sub', 'renamed.yaml'))],
    ['a folder renamed', (dir: string) => renameSync(join(dir, 'sub'), join(dir, 'moved'))],
    [
      'a duplicate id added, then the first removed',
      (dir: string) => {
        writeFileSync(join(dir, 'z.yaml'), fact('alpha', 'The second alpha'));
        rmSync(join(dir, 'a.yaml'));
      },
    ],
    ['a fact broken', (dir: string) => writeFileSync(join(dir, 'b.yaml'), 'id: beta\nkind: event\n')],
    [
      'a topic list added that a fact uses',
      (dir: string) => {
        writeFileSync(join(dir, 'b.yaml'), `${fact('beta')}topics: [mine]\n`);
        writeFileSync(join(dir, 'topics.yaml'), 'mine: a topic of my own\n');
      },
    ],
  ])('after %s, prints what --no-cache prints', async (_, change) => {
    const { dir, run, agrees } = setup();
    await run('list');
    change(dir);
    await agrees();
    // and again, from the entry as it was written after the change
    await agrees();
  });

  it('is updated in place after an edit: the records of unchanged files are not written again', async () => {
    const { dir, run, entry } = setup();
    await run('list');
    const before = readFileSync(join(entry(), 'records.items'));
    writeFileSync(join(dir, 'b.yaml'), fact('beta', 'Beta changed'));
    const out = await run('list', '--verbose');
    expect(out.stderr).toBe('rif: cache: updated the cache entry: 1 fact parsed, 3 in all\n');
    const after = readFileSync(join(entry(), 'records.items'));
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length)).toEqual(before);
    expect(out.stdout).toContain('Beta changed');
  });

  it('is written anew once replaced records outweigh the live ones', async () => {
    const { dir, run, entry, agrees } = setup();
    await run('list');
    // each edit leaves a dead record; compaction starts past 1 MiB of them
    writeFileSync(join(dir, 'big.yaml'), fact('big', 'x'.repeat(600_000)));
    await run('list');
    const grown = statSync(join(entry(), 'records.items')).size;
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(dir, 'big.yaml'), fact('big', `${'y'.repeat(600_000)}${i}`));
      await run('list');
    }
    expect(statSync(join(entry(), 'records.items')).size).toBeLessThan(2 * grown);
    await agrees();
  });

  it('reads a file again when it changed too close to the walk for its times to be trusted', async () => {
    const { dir, run, entry } = setup();
    writeFileSync(join(dir, 'a.yaml'), fact('alpha', 'Just written'));
    await run('list');
    const files = decodeSources(
      readFileSync(
        join(
          entry(),
          readdirSync(entry()).find((f) => f.startsWith('files.'))!,
        ),
      ),
    );
    expect(files.files.find((f) => f.file.endsWith('a.yaml'))?.racy).toBe(true);
    expect(files.files.find((f) => f.file.endsWith('b.yaml'))?.racy).toBe(true);
  });

  it('is left alone with --no-cache', async () => {
    const { env, uncached } = setup();
    expect((await uncached('list')).code).toBe(0);
    expect(existsSync(join(env.XDG_CACHE_HOME, 'rif'))).toBe(false);
  });

  it('costs nothing but speed when it cannot be written', async () => {
    const dir = tempFacts({ 'a.yaml': fact('alpha') });
    const blocked = join(tempFacts({ file: 'not a directory' }), 'file');
    const out = await rif(['list', '--facts', dir, '--no-bundled'], { env: { XDG_CACHE_HOME: blocked } });
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain('alpha');
  });

  it('is not written while another run holds its lock, and the output is the same', async () => {
    const { dir, run, entry, uncached } = setup();
    await run('list');
    writeFileSync(join(dir, 'b.yaml'), fact('beta', 'Beta changed'));
    writeFileSync(`${entry()}.lock`, '');
    const manifest = readFileSync(join(entry(), 'manifest.json'));
    expect(await run('list', '--json')).toEqual(await uncached('list', '--json'));
    expect(readFileSync(join(entry(), 'manifest.json'))).toEqual(manifest);
  });

  it('rif cache clear removes it', async () => {
    const { env, run } = setup();
    await run('list');
    const out = await rif(['cache', 'clear'], { env });
    expect([out.code, out.stdout]).toEqual([0, `removed ${join(env.XDG_CACHE_HOME, 'rif')}\n`]);
    expect(existsSync(join(env.XDG_CACHE_HOME, 'rif'))).toBe(false);
  });
});

/** Ways to damage a file of the entry, each keeping what the damage does not touch. */
const DAMAGE: readonly (readonly [string, (file: string) => void])[] = [
  ['truncated', (file) => truncateSync(file, Math.floor(statSync(file).size / 2))],
  ['zero-filled', (file) => writeFileSync(file, Buffer.alloc(statSync(file).size))],
  [
    'one byte changed in the middle',
    (file) => {
      const bytes = readFileSync(file);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
      writeFileSync(file, bytes);
    },
  ],
];

/** The files of an entry by what they hold, whatever generation names them. */
const ENTRY_FILES = [
  'manifest.json',
  'columns',
  'ids',
  'idsAt',
  'words',
  'postings',
  'postingSums',
  'files',
  'checks',
  'recordsAt',
  'headsAt',
  'docsAt',
  'order',
  'records.items',
  'heads.items',
  'docs.items',
];

describe.each(ENTRY_FILES)('damage to the entry file %s', (name) => {
  const pick = (dir: string) =>
    join(
      dir,
      readdirSync(dir).find((f) => f === name || f.startsWith(`${name}.`))!,
    );
  it.each(DAMAGE)('%s: is never trusted; the output is what --no-cache gives, and the entry is rebuilt', async (_, damage) => {
    const { dir, run, entry, agrees } = setup();
    await run('list');
    damage(pick(entry()));
    await agrees();
    // what is read only when files change (sources, checks) is checked then
    damage(pick(entry()));
    writeFileSync(join(dir, 'd.yaml'), fact('delta'));
    await agrees();
    await agrees();
  });
});

describe('a damaged entry with --verbose', () => {
  it('says so in one line, and rebuilds', async () => {
    const { run, entry } = setup();
    await run('list');
    const columns = join(
      entry(),
      readdirSync(entry()).find((f) => f.startsWith('columns.'))!,
    );
    writeFileSync(columns, Buffer.alloc(statSync(columns).size));
    const out = await run('list', '--verbose');
    expect(out.stderr.split('\n').filter(Boolean)).toEqual([
      'rif: cache: the cache entry is damaged (columns does not match its checksum); rebuilding it',
      'rif: cache: wrote the cache entry: 3 facts parsed, 3 in all',
    ]);
    expect((await run('list')).stderr).toBe('');
  });
});

describe('the fingerprint of a large collection', () => {
  const open = async (paths: string[], cacheRoot: string, searchPath: string | undefined, log: string[], confirm?: (current: Promise<boolean>) => void) => {
    // a file written in the very millisecond of a walk is racy even with no margin
    await new Promise((done) => setTimeout(done, 5));
    const hash = hasher();
    return openUserStore({
      confirm,
      key: 'test',
      bundled: openBundled,
      includeBundled: false,
      userPaths: paths,
      reads: 'search',
      cwd: undefined,
      dir: join(cacheRoot, 'stores', 'test'),
      scratch: cacheRoot,
      searchPath,
      maxFileBytes: undefined,
      progress: undefined,
      log: (line) => log.push(line),
      crc: checksum,
      hash,
      fingerprintFrom: 0,
      racyMs: 0,
    });
  };

  it('tells a current entry at once, and an edited one by walking the files', async () => {
    const dir = tempFacts({ 'a.yaml': fact('alpha'), 'b.yaml': fact('beta') });
    const cache = tempDir();
    const log: string[] = [];
    await open([dir], cache, process.env['PATH'], log);
    const store = await open([dir], cache, process.env['PATH'], log);
    expect(log.at(-1)).toBe('the cache entry is current (the fingerprint of the paths is unchanged)');
    expect((await store.ids()).length).toBe(2);
    writeFileSync(join(dir, 'b.yaml'), fact('beta', 'Beta changed'));
    const changed = await open([dir], cache, process.env['PATH'], log);
    expect(log.at(-1)).toBe('updated the cache entry: 1 fact parsed, 2 in all');
    expect((await changed.facts([1]))[0]!.title).toBe('Beta changed');
  });

  it('used before its check ends, says afterwards whether it was current; one found stale is checked again with the same fingerprint', async () => {
    const dir = tempFacts({ 'a.yaml': fact('alpha'), 'b.yaml': fact('beta') });
    const cache = tempDir();
    const log: string[] = [];
    const checks: Promise<boolean>[] = [];
    const confirm = (current: Promise<boolean>) => void checks.push(current);
    // no entry yet: nothing to use early, so no check is handed over
    await open([dir], cache, process.env['PATH'], log, confirm);
    expect(checks).toHaveLength(0);
    const store = await open([dir], cache, process.env['PATH'], log, confirm);
    expect(checks).toHaveLength(1);
    expect(await checks[0]).toBe(true);
    expect(log.at(-1)).toBe('the cache entry is current (the fingerprint of the paths is unchanged)');
    expect((await store.facts([1]))[0]!.title).toBe('Title of beta');
    writeFileSync(join(dir, 'b.yaml'), fact('beta', 'Beta changed'));
    // the entry as it was is handed out at once, and its check then says it was stale
    const stale = await open([dir], cache, process.env['PATH'], log, confirm);
    expect((await stale.facts([1]))[0]!.title).toBe('Title of beta');
    expect(await checks[1]).toBe(false);
    // and the run on it ends at its next read
    await expect(stale.ids()).rejects.toThrow('the cache entry was stale');
    // the run that starts again is checked first, and sees the edit
    const again = await open([dir], cache, process.env['PATH'], log);
    expect(log.at(-1)).toBe('updated the cache entry: 1 fact parsed, 2 in all');
    expect((await again.facts([1]))[0]!.title).toBe('Beta changed');
    expect(checks).toHaveLength(2);
  });

  it('without find, compares the files one by one', async () => {
    const dir = tempFacts({ 'a.yaml': fact('alpha') });
    const cache = tempDir();
    const log: string[] = [];
    await open([dir], cache, undefined, log);
    await open([dir], cache, undefined, log);
    expect(log.at(-1)).toBe('the cache entry is current (every file is as recorded)');
  });
});

describe('cached, uncached and bundled runs', () => {
  const mine = tempDir();
  cpSync(join(ROOT, 'facts'), mine, { recursive: true });
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

describe('date order from the columns', () => {
  it('is the order sortHits gives the heads (start, end, id), forwards and as the listing reverses it', async () => {
    const { sortHits } = await import('../src/sort.js');
    const { store } = await openBundled();
    const all = Array.from({ length: store.size }, (_, i) => i);
    const heads = await store.heads(all);
    const expected = sortHits(
      heads.map((fact, index) => ({ fact, index, score: 0, titleMatches: [] })),
      'date',
    ).map((h) => h.index);
    // facts that share a start and an end are there, so the ids decide somewhere
    expect(new Set(heads.map((h) => JSON.stringify(h.date))).size).toBeLessThan(heads.length);
    expect(await store.byDate([...all].reverse())).toEqual(expected);
    const some = all.filter((i) => i % 3 === 0);
    expect(await store.byDate(some)).toEqual(expected.filter((i) => i % 3 === 0));
  });
});

describe('heads in the store', () => {
  it('are the fields of each fact that a head holds, for every kind, in the order of the type', async () => {
    const { store } = await openBundled();
    const all = Array.from({ length: store.size }, (_, i) => i);
    const [heads, facts] = [await store.heads(all), await store.facts(all)];
    const common = ['id', 'kind', 'title', 'date', 'topics', 'actors'];
    const own = { event: [], treaty: ['signed', 'in_force', 'ended', 'in_force_now', 'parties'], allegation: ['status', 'alleged_by'] };
    heads.forEach((head, k) => {
      const fact = facts[k]!;
      const keys = [...common, ...own[fact.kind]];
      expect(Object.keys(head)).toEqual(keys);
      const { start, end, precision, approximate } = fact.date;
      const date = { start, end, precision, approximate };
      expect(head).toEqual({ ...Object.fromEntries(keys.map((key) => [key, fact[key as keyof typeof fact]])), date });
    });
    expect(new Set(heads.map((h) => h.kind))).toEqual(new Set(['event', 'treaty', 'allegation']));
  });
});

describe('search docs in the store', () => {
  it('are what closeness reads of each fact, folded when the store was written: the same as folding the fact now', async () => {
    const { closeDoc } = await import('../src/search/doc.js');
    const { store } = await openBundled();
    const some = Array.from({ length: store.size }, (_, i) => i).filter((i) => i % 4 === 1);
    const [docs, facts] = [await store.docs(some), await store.facts(some)];
    expect(docs).toEqual(facts.map(closeDoc));
    // folded (Cyrillic romanized), and without what closeness never reads
    const cyrillic = /[\u0400-\u04ff]/;
    expect(facts.some((f) => cyrillic.test(f.aliases.join(' ')))).toBe(true);
    expect(docs.some((d) => cyrillic.test(JSON.stringify(d)))).toBe(false);
    expect(docs.every((d) => d.notes.length === 0 && d.sources.length === 0)).toBe(true);
  });
});
