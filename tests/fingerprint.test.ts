// The fingerprint of the user's paths that lets a warm cache be used without looking at each file: it
// must change with anything the walk of fact files would see differently, and be missing, never wrong,
// where it cannot be taken.
import { chmodSync, mkdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../src/store/fingerprint.js';
import { hasher } from '../src/store/hash.js';
import { tempDir, tempFacts } from './helpers.js';

const options = { searchPath: process.env['PATH'] ?? '', scratch: tempDir(), hash: hasher() };
// every case runs with one find, and with the work shared by two (as for a large tree)
let splitFrom: number | undefined;
const print = async (...paths: string[]) => (await fingerprint(paths, { ...options, ...(splitFrom === undefined ? {} : { splitFrom }) }))?.digest;
/** Waits out a tick of the file system clock, so that a change right after a fingerprint gets a later time. */
const tick = () => new Promise((done) => setTimeout(done, 25));
const tree = () =>
  tempFacts({
    'a.yaml': 'a: 1\n',
    'sub/b.yml': 'b: 2\n',
    'other/d.yaml': 'd: 4\n',
    'notes.md': 'notes\n',
    '.git/config': 'x\n',
    'node_modules/m/c.yaml': 'c: 3\n',
  });

describe.each([
  ['one find', undefined],
  ['two finds sharing the folders', 0],
])('the fingerprint of fact paths, %s', (_, split) => {
  beforeAll(() => {
    splitFrom = split;
  });

  it('is taken of a folder whose listing starts with a long line (a big folder, long times, inode and device)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a-folder-with-a-long-enough-name'));
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, 'a-folder-with-a-long-enough-name', `fact-with-a-long-file-name-${i}.yaml`), 'a: 1\n');
    expect(await print(dir)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('is the same while nothing changes, and differs between trees', async () => {
    const dir = tree();
    const first = await print(dir);
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    expect(await print(dir)).toBe(first);
    expect(await print(tree())).not.toBe(first);
  });

  it.each([
    ['a file rewritten in place, even to the same size', (dir: string) => writeFileSync(join(dir, 'a.yaml'), 'a: 9\n')],
    ['a file in each subfolder rewritten', (dir: string) => writeFileSync(join(dir, 'other', 'd.yaml'), 'd: 9\n')],
    ['a file added to a subfolder', (dir: string) => writeFileSync(join(dir, 'other', 'e.yaml'), 'e: 5\n')],
    ['a subfolder renamed', (dir: string) => renameSync(join(dir, 'other'), join(dir, 'another'))],
    ['a file whose time is set back', (dir: string) => utimesSync(join(dir, 'a.yaml'), 1_000_000, 1_000_000)],
    [
      'a file rewritten to the same size with its time put back, as cp -p does',
      (dir: string) => {
        const file = join(dir, 'a.yaml');
        const { atime, mtime } = statSync(file);
        writeFileSync(file, 'a: 8\n');
        utimesSync(file, atime, mtime);
      },
    ],
    ['a file made unreadable', (dir: string) => chmodSync(join(dir, 'a.yaml'), 0o000)],
    ['a file added deep down', (dir: string) => writeFileSync(join(dir, 'sub', 'new.YAML'), 'n: 1\n')],
    ['a file removed', (dir: string) => rmSync(join(dir, 'sub', 'b.yml'))],
    ['a file renamed', (dir: string) => renameSync(join(dir, 'sub', 'b.yml'), join(dir, 'sub', 'c.yml'))],
    ['a folder added', (dir: string) => mkdirSync(join(dir, 'more'))],
    ['a file that is not a fact added (its folder changed)', (dir: string) => writeFileSync(join(dir, 'sub', 'notes.txt'), 'x\n')],
  ])('changes with %s', async (_, change) => {
    const dir = tree();
    const before = await print(dir);
    await tick();
    change(dir);
    expect(await print(dir)).not.toBe(before);
  });

  it('keeps still when what the walk skips changes in place: other files, dot folders, node_modules', async () => {
    const dir = tree();
    const before = await print(dir);
    writeFileSync(join(dir, 'notes.md'), 'other notes\n');
    writeFileSync(join(dir, '.git', 'config'), 'y\n');
    writeFileSync(join(dir, '.git', 'new.yaml'), 'y\n');
    writeFileSync(join(dir, 'node_modules', 'm', 'c.yaml'), 'c: 4\n');
    expect(await print(dir)).toBe(before);
  });

  it('follows links as the walk does, and sees a named path pointed elsewhere', async () => {
    const dir = tree();
    const outside = tempFacts({ 'x.yaml': 'x: 1\n' });
    symlinkSync(outside, join(dir, 'linked'));
    const link = join(tempDir(), 'facts');
    symlinkSync(dir, link);
    const before = [await print(dir), await print(link)];
    await tick();
    writeFileSync(join(outside, 'x.yaml'), 'x: 2\n');
    expect(await print(dir)).not.toBe(before[0]);
    rmSync(link);
    symlinkSync(outside, link);
    expect(await print(link)).not.toBe(before[1]);
  });

  it('sees what a fact file that is a link leads to, and a link to a file that is not a fact not at all', async () => {
    const dir = tree();
    const outside = tempFacts({ 'y.yaml': 'y: 1\n', 'notes.txt': 'n\n' });
    symlinkSync(join(outside, 'y.yaml'), join(dir, 'sub', 'linked.yaml'));
    symlinkSync(join(outside, 'notes.txt'), join(dir, 'sub', 'notes.txt'));
    const before = await print(dir);
    await tick();
    writeFileSync(join(outside, 'y.yaml'), 'y: 2\n');
    const after = await print(dir);
    expect(after).not.toBe(before);
    await tick();
    writeFileSync(join(outside, 'notes.txt'), 'changed\n');
    expect(await print(dir)).toBe(after);
  });

  it('covers files named on their own, and every path in order', async () => {
    const dir = tree();
    const file = join(dir, 'a.yaml');
    const alone = await print(file);
    expect(alone).toMatch(/^[0-9a-f]{40}$/);
    expect(await print(file, dir)).not.toBe(await print(dir, file));
    await tick();
    writeFileSync(file, 'a: 7\n');
    expect(await print(file)).not.toBe(alone);
  });

  it('is missing, not wrong, where it cannot be taken', async () => {
    const dir = tree();
    expect(await fingerprint([dir], { ...options, searchPath: tempDir() })).toBeUndefined(); // no find
    expect(await print(join(dir, 'nowhere'))).toBeUndefined();
    expect(await fingerprint([dir], { ...options, scratch: join(dir, 'a.yaml', 'below') })).toBeUndefined(); // nowhere to write
    symlinkSync('..', join(dir, 'sub', 'loop'));
    expect(await print(dir)).toBeUndefined();
  });

  it.each([
    ['lists nothing', 'exit 0'],
    ['lists in another shape', `printf '%s\\n' "$@"`],
    ['fails', 'echo "find: unknown primary or operator" >&2; exit 1'],
  ])('is missing when the find on $PATH %s', async (_, script) => {
    const bin = tempDir();
    writeFileSync(join(bin, 'find'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    expect(await fingerprint([tree()], { ...options, searchPath: `${bin}:${options.searchPath}` })).toBeUndefined();
  });
});
