// The quick check of a large cache entry: one fingerprint of everything under the user's paths that the
// walk of fact files could see. GNU find lists each folder and .yaml file below them (type, size,
// modification and change times, inode, device, path below the user's path) in a process of its own,
// faster than Node can stat them; the user's paths themselves are looked at here. These are the fields
// of the one freshness rule (sources.ts): an entry added, removed or renamed changes its folder's times
// too, so an equal fingerprint means nothing the walk reads has changed. find looks at each entry itself
// (one lstat each); only where that shows a link the walk would follow is the tree listed again following
// links, so that what a link leads to is in the fingerprint (a stat and an lstat each, a third slower).
// Where there is no GNU find, or it meets a folder it cannot read or a loop of links, there is no
// fingerprint, and the files are compared one by one instead, by the same rule.
import type { ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, statSync, unlinkSync, type Dirent, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Hash } from './hash.js';

/** What the walk skips (facts/files.ts) is pruned; what it reads (folders, and .yaml files of any type) is listed. */
const PRUNE = ['(', '-name', '.*', '-o', '-name', 'node_modules', ')', '-prune'];
const FORMAT = '%s %T@ %C@ %i %D %p\\0';
/** Folders and .yaml files, and links to folders, each as itself: a link is marked "l" (its own type). */
const LIST = [
  '(',
  '-type',
  'd',
  '-o',
  '-iname',
  '*.yaml',
  '-o',
  '-iname',
  '*.yml',
  '-o',
  '(',
  '-type',
  'l',
  '-xtype',
  'd',
  ')',
  ')',
  '-printf',
  `%y ${FORMAT}`,
];
/** The same, following links (-L) as the walk does: a link is still marked "l" (-xtype, its own type), since the walk reads what it leads to only once. */
const LIST_FOLLOWING = [
  '(',
  '-type',
  'd',
  '-o',
  '-iname',
  '*.yaml',
  '-o',
  '-iname',
  '*.yml',
  ')',
  '(',
  '-xtype',
  'l',
  '-printf',
  `l ${FORMAT}`,
  '-o',
  '-printf',
  `%y ${FORMAT}`,
  ')',
];

/**
 * Folders above this size (in bytes of directory entries, summed) are listed by two find processes at
 * once, one per core: for 10,000 files in three folders the list takes 40 ms in one process and 25 in two.
 */
const SPLIT_FROM = 64 * 1024;

export interface FingerprintOptions {
  /** where `find` is looked up ($PATH) */
  readonly searchPath: string;
  /** a folder rif may write to, for find's output (a file unlinked as soon as it is opened) */
  readonly scratch: string;
  readonly hash: Hash;
  /** SPLIT_FROM, lowered by tests that check the two-process listing on a small tree */
  readonly splitFrom?: number;
}

export interface Fingerprint {
  readonly digest: string;
  /** what find listed: `type size mtime ctime inode device path`, each ending in a NUL (see listed-files.ts) */
  readonly listing: Buffer;
}

/**
 * Starts fingerprinting `paths`; resolves to undefined when that cannot be done. It resolves once find
 * has exited, so a walk started then reads what the fingerprint describes, or something newer.
 */
export function fingerprint(paths: readonly string[], options: FingerprintOptions): Promise<Fingerprint | undefined> {
  // Windows has a find of its own, a text search
  if (process.platform === 'win32') return Promise.resolve(undefined);
  const roots = paths.map((path) => resolve(path));
  const folders: string[] = [];
  // folders with no folders in them, as their link count says (two: their own name and "."; file
  // systems that do not count say one): not read for subfolders to share
  const leaves = new Set<string>();
  let described = '';
  try {
    for (const root of roots) {
      const link = lstatSync(root);
      const target = statSync(root);
      if (target.isDirectory()) folders.push(root);
      if (target.isDirectory() && target.nlink === 2) leaves.add(root);
      described += `${root}\0${statLine(link)}\0${statLine(target)}\n`;
    }
  } catch {
    // a path that is not there is the walk's to explain
    return Promise.resolve(undefined);
  }
  if (!folders.length) return Promise.resolve({ digest: options.hash(described), listing: Buffer.alloc(0) });

  const share = shares(folders, leaves, options.splitFrom ?? SPLIT_FROM);
  const list = async (following: boolean): Promise<Buffer | undefined> => {
    // -H: the user's paths are followed; -L: every link is, as the walk follows it, and a loop of links is an
    // error (then no fingerprint)
    const follow = following ? '-L' : '-H';
    const what = following ? LIST_FOLLOWING : LIST;
    const parts = await Promise.all(
      share
        ? [
            listing(
              [
                follow,
                ...folders,
                '-mindepth',
                '1',
                '(',
                ...share.flatMap((f, i) => [...(i ? ['-o'] : []), '-path', globEscaped(f)]),
                ')',
                '-prune',
                '-o',
                ...PRUNE,
                '-o',
                ...what,
              ],
              options,
            ),
            listing([follow, ...share, ...PRUNE, '-o', ...what], options),
          ]
        : [listing([follow, ...folders, '-mindepth', '1', ...PRUNE, '-o', ...what], options)],
    );
    if (parts.some((part) => part === undefined)) return undefined;
    const whole = Buffer.concat(parts as Buffer[]);
    return asListed(whole) ? whole : undefined;
  };
  return list(false).then(async (itself) => {
    const links = itself !== undefined && hasLink(itself);
    const listed = links ? await list(true) : itself;
    if (!listed) return undefined;
    return { digest: options.hash(Buffer.concat([Buffer.from(`${links ? 'following' : 'itself'}\n${described}`), listed])), listing: listed };
  });
}

/** Whether a listing has an entry marked "l": a link the walk would follow. */
const hasLink = (list: Buffer): boolean => list[0] === 0x6c || list.indexOf('\0l ', 0, 'latin1') >= 0;

/**
 * The subfolders a second find lists, about half of the work, or undefined when the folders are too
 * small to share: the largest subfolders of the user's folders, by the size of their directory entries.
 */
function shares(folders: readonly string[], leaves: ReadonlySet<string>, splitFrom: number): string[] | undefined {
  const subfolders: { path: string; size: number }[] = [];
  for (const folder of folders) {
    if (leaves.has(folder)) continue;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const entry of entries) {
      const { name } = entry;
      // a folder itself, not a link to one: find shows a link as such only where it meets it below a path
      // it was given (the entry's type says so without a stat: a folder of 1,000 files took 9 ms to stat)
      if (name.startsWith('.') || name === 'node_modules' || !entry.isDirectory()) continue;
      const stat = lstatSync(join(folder, name), { throwIfNoEntry: false });
      if (stat?.isDirectory()) subfolders.push({ path: join(folder, name), size: stat.size });
    }
  }
  const total = subfolders.reduce((sum, f) => sum + f.size, 0);
  if (subfolders.length < 2 || total < splitFrom) return undefined;
  const share: string[] = [];
  let taken = 0;
  for (const f of [...subfolders].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1))) {
    if (taken >= total / 2) break;
    share.push(f.path);
    taken += f.size;
  }
  return share.length < subfolders.length ? share.sort() : undefined;
}

/** A path as a pattern of find's -path, which matches it and nothing else. */
const globEscaped = (path: string): string => path.replace(/[[\]*?\\]/g, '\\$&');

/** What one find prints with these arguments, or undefined when it fails. */
function listing(args: readonly string[], options: FingerprintOptions): Promise<Buffer | undefined> {
  let fd: number;
  try {
    mkdirSync(options.scratch, { recursive: true });
    const file = join(options.scratch, `.fingerprint-${process.pid}-${Math.random().toString(36).slice(2)}`);
    fd = openSync(file, 'wx+', 0o600);
    unlinkSync(file);
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((done) => {
    let finished = false;
    const finish = (listed: boolean) => {
      if (finished) return;
      finished = true;
      let list: Buffer | undefined;
      try {
        if (listed) list = readAll(fd);
      } catch {
        // find's output could not be read back: no fingerprint
      } finally {
        closeSync(fd);
      }
      done(list);
    };
    let child: ChildProcess;
    try {
      const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
      child = spawn('find', args, { stdio: ['ignore', fd, 'ignore'], env: { PATH: options.searchPath, LC_ALL: 'C' } });
    } catch {
      return finish(false);
    }
    child.once('error', () => finish(false));
    child.once('close', (code) => finish(code === 0));
  });
}

/** A path the user named is described by itself and by what it leads to: a link may be pointed elsewhere. */
const statLine = (s: Stats): string => `${s.dev} ${s.ino} ${s.mode} ${s.size} ${s.mtimeMs} ${s.ctimeMs}`;

/**
 * Whether find's output is a list as asked for. A folder that holds facts lists at least one entry, so
 * an empty list, or one in another shape, says that the `find` found on $PATH did not do what GNU find
 * does with these arguments.
 */
const asListed = (list: Buffer): boolean =>
  list.at(-1) === 0 && /^[a-zA-Z] \d+ \d+(\.\d+)? \d+(\.\d+)? \d+ \d+ \//.test(list.toString('latin1', 0, list.indexOf(0)));

/** The whole file, read at explicit offsets: find wrote through a copy of `fd`, whose shared file position is now at the end. */
function readAll(fd: number): Buffer {
  const size = fstatSync(fd).size;
  const bytes = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const read = readSync(fd, bytes, done, size - done, done);
    if (read === 0) break;
    done += read;
  }
  return bytes.subarray(0, done);
}
