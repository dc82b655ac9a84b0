// The fact files as find's listing (fingerprint.ts) shows them: the same files, in the same order and with
// the same states, as the walk of facts/files.ts would find, without a stat() per file from Node (10,000
// files: 110 ms walked, 10 ms read from the listing). Where the listing cannot say what the walk would do
// (a symbolic link, overlapping paths, a folder without fact files), it gives undefined and the walk runs.
import { statSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { expectIn, kindFolder, VOCABULARY_FILE, type FactJob, type FileState, type FoundFile, type FoundFiles } from '../facts/files.js';
import type { Issue } from '../facts/issues.js';
import { RECORD_FILE } from '../record.js';

interface Listed extends FileState {
  readonly type: string;
  readonly path: string;
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/** A time as find prints it (seconds, a point, nanoseconds), in milliseconds computed as Node computes mtimeMs. */
function milliseconds(text: string, from: number, to: number): number {
  const point = text.indexOf('.', from);
  if (point < 0 || point > to) return Number(text.slice(from, to)) * 1e3;
  const digits = Math.min(9, to - point - 1);
  return Number(text.slice(from, point)) * 1e3 + (Number(text.slice(point + 1, point + 1 + digits)) * 10 ** (9 - digits)) / 1e6;
}

const DIGITS = /^\d+$/;

/**
 * A path's key in the walk's order (by folder, each folder's entries sorted by name in code units, depth
 * first): with the separator below every other character, plain string order is that order.
 */
const walkKey = (path: string): string => path.split(sep).join('\0');

/** The YAML files and other entries find listed (folders left out), or undefined when a line is not in find's shape or a link. */
function parseListing(listing: Buffer): Listed[] | undefined {
  const out: Listed[] = [];
  const text = listing.toString('utf8');
  const spaces = new Int32Array(6);
  for (let at = 0; at < text.length;) {
    const end = text.indexOf('\0', at);
    if (end < 0) return undefined;
    // type size mtime ctime inode device path, the path last (it may hold spaces)
    let from = at;
    for (let k = 0; k < 6; k++) {
      const space = text.indexOf(' ', from);
      if (space < 0 || space > end) return undefined;
      spaces[k] = space;
      from = space + 1;
    }
    if (text[from] !== sep) return undefined;
    const type = text.slice(at, spaces[0]);
    const path = text.slice(from, end);
    at = end + 1;
    // a symbolic link, of any name: only the walk knows what it leads to
    if (type === 'l') return undefined;
    if (type === 'd' || !isYaml(path)) continue;
    const size = text.slice(spaces[0]! + 1, spaces[1]);
    const ino = text.slice(spaces[3]! + 1, spaces[4]);
    const dev = text.slice(spaces[4]! + 1, spaces[5]);
    if (!DIGITS.test(size) || !DIGITS.test(ino) || !DIGITS.test(dev)) return undefined;
    out.push({
      type,
      size: Number(size),
      mtimeMs: milliseconds(text, spaces[1]! + 1, spaces[2]!),
      ctimeMs: milliseconds(text, spaces[2]! + 1, spaces[3]!),
      ino: Number(ino),
      dev: Number(dev),
      path,
    });
  }
  return out;
}

/**
 * The files under `roots` (absolute, each a folder or a file) as findUserFiles would find them, or
 * undefined when the listing cannot tell. `shared` says whether a root overlaps the bundled facts,
 * whose files the walk skips: then the walk decides.
 */
export function filesFromListing(listing: Buffer, roots: readonly string[], overlapsBundled: boolean): FoundFiles | undefined {
  if (overlapsBundled || new Set(roots).size !== roots.length) return undefined;
  for (const a of roots) for (const b of roots) if (a !== b && b.startsWith(a + sep)) return undefined;
  const listed = parseListing(listing);
  if (!listed) return undefined;
  const vocabularies: FoundFile[] = [];
  const jobs: FactJob[] = [];
  const skipped: Issue[] = [];
  for (const root of roots) {
    let stat;
    try {
      stat = statSync(root);
    } catch {
      return undefined;
    }
    if (!stat.isDirectory()) {
      const kind = kindFolder(dirname(root));
      jobs.push({
        file: root,
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        ctimeMs: stat.ctimeMs,
        ino: stat.ino,
        dev: stat.dev,
        ...(kind ? { expect: expectIn(kind, basename(root)) } : {}),
      });
      continue;
    }
    const prefix = root + sep;
    // keys of the paths below the root, which all share it: shorter to make and to compare
    // (each path once, so each key once: a plain sort of the keys, without a comparator to call)
    const byKey = new Map<string, Listed>();
    for (const l of listed) if (l.path.startsWith(prefix)) byKey.set(walkKey(l.path.slice(prefix.length)), l);
    const vocabularyFile = prefix + VOCABULARY_FILE;
    const recordFile = prefix + RECORD_FILE;
    const files: FactJob[] = [];
    for (const key of [...byKey.keys()].sort()) {
      const l = byKey.get(key)!;
      const { path: file, size, mtimeMs, ctimeMs, ino, dev } = l;
      if (file === vocabularyFile && l.type === 'f') vocabularies.push({ file, size, mtimeMs, ctimeMs, ino, dev });
      else if (file === recordFile) continue;
      else if (l.type !== 'f') skipped.push({ code: 'RIF017', file, line: 1, col: 1, message: 'not a regular file (a FIFO, socket or device); skipped' });
      else {
        const slash = file.lastIndexOf(sep);
        const kind = kindFolder(file.slice(0, slash));
        files.push(
          kind ? { file, size, mtimeMs, ctimeMs, ino, dev, expect: expectIn(kind, file.slice(slash + 1)) } : { file, size, mtimeMs, ctimeMs, ino, dev },
        );
      }
    }
    // a folder without fact files is the walk's to explain
    if (!files.length && !skipped.length) return undefined;
    jobs.push(...files);
  }
  return { vocabularies, jobs, skipped };
}
