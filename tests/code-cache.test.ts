// The V8 code cache of rif's own code (src/boot.ts, src/code-cache.ts): written by a run, used by the
// next, and never able to change what rif prints or make it fail, whatever happened to the files.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, sealed, unsealed } from '../src/code-cache.js';
import { ROOT, tempDir } from './helpers.js';

describe('a code cache file', () => {
  const data = Buffer.from(Array.from({ length: 1001 }, (_, i) => (i * 7) & 0xff));

  it('gives back what was sealed', () => {
    expect(unsealed(sealed(data))).toEqual(data);
    expect(unsealed(sealed(Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
  });

  it('is refused when damaged: a byte changed, cut short, grown, zeroed, or not one at all', () => {
    const file = sealed(data);
    // a byte of either copy of the data, or of its length
    for (const at of [5, 20, 500, 1500, file.length - 1]) {
      const changed = Buffer.from(file);
      changed[at] = changed[at]! ^ 1;
      expect(unsealed(changed), `byte ${at}`).toBeUndefined();
    }
    expect(unsealed(file.subarray(0, file.length - 1))).toBeUndefined();
    expect(unsealed(Buffer.concat([file, Buffer.from([0])]))).toBeUndefined();
    expect(unsealed(Buffer.alloc(file.length))).toBeUndefined();
    expect(unsealed(Buffer.from('RIFC'))).toBeUndefined();
  });

  it('lives in a folder named after the build, Node, the machine, the command and its flags, unless turned off', () => {
    const env = { XDG_CACHE_HOME: '/c' };
    const commands = ['search', 'show', 'list'];
    expect(codeCacheDir(env, ['show', 'jcpoa-2015'], 'b1', 'v20.1.0', 'x64', commands)).toBe('/c/rif/code/b1-v20.1.0-x64/show');
    expect(codeCacheDir({ HOME: '/h' }, ['list'], 'b1', 'v22.0.0', 'arm64', commands)).toBe('/h/.cache/rif/code/b1-v22.0.0-arm64/list');
    // the names of the flags, sorted, without their values: another set of flags takes another path
    expect(codeCacheDir(env, ['list', '--json', '--in', '1828'], 'b1', 'v20.1.0', 'x64', commands)).toBe('/c/rif/code/b1-v20.1.0-x64/list+in+json');
    expect(codeCacheDir(env, ['list', '--in=1828', '--json', '--in', '1900'], 'b1', 'v20.1.0', 'x64', commands)).toBe(
      '/c/rif/code/b1-v20.1.0-x64/list+in+json',
    );
    expect(codeCacheDir(env, ['list', '--facts', '/x/--y', '-n', '3'], 'b1', 'v20.1.0', 'x64', commands)).toBe('/c/rif/code/b1-v20.1.0-x64/list+facts+n');
    // a bare query, a flag first, nothing, or a word that is not a command: the search's
    for (const argv of [['shahed'], [], ['cache-me']])
      expect(codeCacheDir(env, argv, 'b1', 'v20.1.0', 'x64', commands)).toBe('/c/rif/code/b1-v20.1.0-x64/search');
    expect(codeCacheDir(env, ['--version'], 'b1', 'v20.1.0', 'x64', commands)).toBe('/c/rif/code/b1-v20.1.0-x64/search+version');
    expect(codeCacheDir({ ...env, RIF_CODE_CACHE: '0' }, [], 'b1', 'v20.1.0', 'x64', commands)).toBeUndefined();
    expect(codeCacheDir(env, ['list', '--no-cache'], 'b1', 'v20.1.0', 'x64', commands)).toBeUndefined();
    expect(codeCacheDir({ XDG_CACHE_HOME: 'relative' }, [], 'b1', 'v20.1.0', 'x64', commands)).toBeUndefined();
  });
});

describe('the built rif with its code cache', () => {
  const args = ['show', 'treaty-of-turkmenchay', '--json'];
  const run = (cache: string, bin = join(ROOT, 'bin', 'rif.js'), extra: Record<string, string> = {}) => {
    const env: Record<string, string | undefined> = { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1', ...extra };
    delete env['NODE_OPTIONS'];
    const out = spawnSync('node', [bin, ...args], { encoding: 'utf8', env });
    return { code: out.status, stdout: out.stdout, stderr: out.stderr };
  };
  const expected = run(tempDir(), join(ROOT, 'bin', 'rif.js'), { RIF_CODE_CACHE: '0' });
  /** code/<build>/<command>/<file> */
  const files = (cache: string) => {
    const code = join(cache, 'rif', 'code');
    const under = (dir: string): string[] => (existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).map((f) => join(dir, f)) : []);
    return under(code).flatMap(under).flatMap(under);
  };

  it('prints the same with no cache, a new one and a used one, and writes one file a script it ran', () => {
    expect(expected.code).toBe(0);
    expect(JSON.parse(expected.stdout)[0].id).toBe('treaty-of-turkmenchay');
    const cache = tempDir();
    expect(run(cache)).toEqual(expected);
    const written = files(cache);
    expect(written.map((f) => f.split('/').pop())).toContain('main.js.v8');
    expect(written.every((f) => unsealed(readFileSync(f)) !== undefined)).toBe(true);
    expect(run(cache)).toEqual(expected);
    expect(files(cache)).toEqual(written);
  });

  it('a damaged or foreign cache file is not used, the run is the same, and the file is made good', () => {
    const cache = tempDir();
    run(cache);
    const written = files(cache);
    const damage: ((file: string) => void)[] = [
      (f) => writeFileSync(f, Buffer.alloc(readFileSync(f).length)),
      (f) => writeFileSync(f, readFileSync(f).subarray(0, 100)),
      (f) => {
        const bytes = readFileSync(f);
        bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
        writeFileSync(f, bytes);
      },
      // whole by its seal but not V8's: data of another script, which V8 rejects
      (f) => writeFileSync(f, readFileSync(written.find((w) => w !== f)!)),
      (f) => writeFileSync(f, sealed(Buffer.from('not code'))),
      (f) => {
        rmSync(f);
        mkdirSync(f);
      },
    ];
    for (const harm of damage) {
      for (const f of written) harm(f);
      expect(run(cache)).toEqual(expected);
    }
    for (const f of written) rmSync(f, { recursive: true, force: true });
    run(cache);
    expect(files(cache).every((f) => unsealed(readFileSync(f)) !== undefined)).toBe(true);
  });

  it('costs only speed when the cache cannot be written, and writes nothing when turned off', () => {
    const locked = tempDir();
    chmodSync(locked, 0o500);
    expect(run(locked)).toEqual(expected);
    chmodSync(locked, 0o700);
    const off = tempDir();
    expect(run(off, join(ROOT, 'bin', 'rif.js'), { RIF_CODE_CACHE: '0' })).toEqual(expected);
    expect(files(off)).toEqual([]);
  });

  it('a new build or Node deletes the folders of others unused for a week, and keeps the others', () => {
    const cache = tempDir();
    const [old, recent] = ['an-older-build', 'another-install'].map((name) => join(cache, 'rif', 'code', name));
    for (const dir of [old!, recent!]) {
      mkdirSync(join(dir, 'list'), { recursive: true });
      writeFileSync(join(dir, 'list', 'main.js.v8'), 'other');
    }
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    for (const dir of [old!, join(old!, 'list'), recent!]) utimesSync(dir, eightDaysAgo, eightDaysAgo);
    // the other install's build folder is old, but one of its commands wrote its folder since
    expect(run(cache)).toEqual(expected);
    expect([existsSync(old!), existsSync(recent!)]).toEqual([false, true]);
    expect(files(cache).filter((f) => !f.includes('another-install')).length).toBeGreaterThan(0);
  });

  it('each command writes a folder of its own, and leaves the others as they are', () => {
    const cache = tempDir();
    run(cache);
    const shown = files(cache);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((f) => f.split('/').at(-2) === 'show+json')).toBe(true);
    const before = shown.map((f) => readFileSync(f));
    const env: Record<string, string | undefined> = { ...process.env, XDG_CACHE_HOME: cache };
    delete env['NODE_OPTIONS'];
    for (const argv of [['list', '--json'], ['shahed']])
      expect(spawnSync('node', [join(ROOT, 'bin', 'rif.js'), ...argv], { env, maxBuffer: 1 << 26 }).status).toBe(0);
    const commands = new Set(files(cache).map((f) => f.split('/').at(-2)));
    expect([...commands].sort()).toEqual(['list+json', 'search', 'show+json']);
    expect(shown.map((f) => readFileSync(f))).toEqual(before);
  });

  it('without the CommonJS copies, the package runs from its ES modules', () => {
    const pkg = tempDir();
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    symlinkSync(join(ROOT, 'facts'), join(pkg, 'facts'));
    rmSync(join(pkg, 'dist', 'cjs'), { recursive: true });
    const cache = tempDir();
    const out = run(cache, join(pkg, 'bin', 'rif.js'));
    // the same facts, read through the copy's link to them
    expect({ ...out, stdout: out.stdout.replaceAll(`${pkg}/`, ROOT) }).toEqual(expected);
    expect(files(cache)).toEqual([]);
  });
});
