// find's listing read as the walk of fact files: the same files, order and states as findUserFiles, or
// undefined where only the walk can tell.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUserFiles } from '../src/facts/files.js';
import { fingerprint } from '../src/store/fingerprint.js';
import { hasher } from '../src/store/hash.js';
import { filesFromListing } from '../src/store/listed-files.js';
import { tempDir, tempFacts } from './helpers.js';

const listOf = async (roots: string[], splitFrom?: number) =>
  (await fingerprint(roots, { searchPath: process.env['PATH'] ?? '', scratch: tempDir(), hash: hasher(), ...(splitFrom === undefined ? {} : { splitFrom }) }))!
    .listing;

const tree = () =>
  tempFacts({
    'b.yaml': 'b',
    'A.YAML': 'a',
    'c.yml': 'c',
    'topics.yaml': 't: a topic',
    'record.yaml': 'as_of: "2026-01-01"',
    'notes.md': 'not a fact',
    'event/x-1.yaml': 'x',
    'event/sub/deeper.yaml': 'd',
    'treaty/t.yaml': 't',
    'treaty/topics.yaml': 'a fact file named topics',
    'z/Ω.yaml': 'unicode',
    'z/a b.yaml': 'a space',
    'folder.yaml/inside.yaml': 'a folder named like a file',
    '.hidden/h.yaml': 'skipped',
    'node_modules/m.yaml': 'skipped',
  });

describe('the listing as the walk', () => {
  it.each([undefined, 0])('finds what the walk finds, in its order, with its states (split from %s)', async (splitFrom) => {
    const dir = tree();
    expect(spawnSync('mkfifo', [join(dir, 'z', 'pipe.yaml')]).status).toBe(0);
    const other = tempFacts({ 'one.yaml': 'o', 'event/two.yaml': 't' });
    const file = join(tempFacts({ 'single.yaml': 's' }), 'single.yaml');
    const roots = [dir, other, file];
    expect(filesFromListing(await listOf(roots, splitFrom), roots, false)).toEqual(findUserFiles(roots, undefined));
  });

  it('leaves it to the walk when there is a symbolic link', async () => {
    const dir = tempFacts({ 'b.yaml': 'b' });
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'link.yaml'));
    expect(filesFromListing(await listOf([dir]), [dir], false)).toBeUndefined();
  });

  it('leaves it to the walk when a folder is a symbolic link, whatever its name', async () => {
    const dir = tempFacts({ 'b.yaml': 'b' });
    symlinkSync(tempFacts({ 'elsewhere.yaml': 'e' }), join(dir, 'more'));
    expect(filesFromListing(await listOf([dir]), [dir], false)).toBeUndefined();
    expect(findUserFiles([dir], undefined).jobs.map((j) => j.file.split('/').pop())).toEqual(['b.yaml', 'elsewhere.yaml']);
  });

  it('leaves it to the walk to explain a folder without fact files', async () => {
    const dir = tempFacts({ 'b.yaml': 'b' });
    mkdirSync(join(dir, 'empty'));
    const listing = await listOf([dir]);
    expect(filesFromListing(listing, [join(dir, 'empty')], false)).toBeUndefined();
  });

  it('leaves it to the walk for paths that overlap, or one that holds the bundled facts', async () => {
    const dir = tree();
    expect(filesFromListing(await listOf([dir, join(dir, 'event')]), [dir, join(dir, 'event')], false)).toBeUndefined();
    expect(filesFromListing(await listOf([dir]), [dir], true)).toBeUndefined();
  });

  it('reads the times as Node does, to the nanosecond', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'a');
    const [job] = filesFromListing(await listOf([dir]), [dir], false)!.jobs;
    const [walked] = findUserFiles([dir], undefined).jobs;
    expect([job!.mtimeMs, job!.ctimeMs]).toEqual([walked!.mtimeMs, walked!.ctimeMs]);
  });
});
