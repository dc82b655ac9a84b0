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
function milliseconds(text: string): number {
  const point = text.indexOf('.');
  const seconds = Number(point < 0 ? text : text.slice(0, point));
  const nanoseconds = point < 0 ? 0 : Number(text.slice(point + 1, point + 10).padEnd(9, '0'));
  return seconds * 1e3 + nanoseconds / 1e6;
}

function parseListing(listing: Buffer): Listed[] | undefined {
  const out: Listed[] = [];
  const text = listing.toString('utf8');
  for (let at = 0; at < text.length;) {
    const end = text.indexOf('\0', at);
    if (end < 0) return undefined;
    // type size mtime ctime inode device path, the path last (it may hold spaces)
    const fields: string[] = [];
    let from = at;
    for (let k = 0; k < 6; k++) {
      const space = text.indexOf(' ', from);
      if (space < 0 || space > end) return undefined;
      fields.push(text.slice(from, space));
      from = space + 1;
    }
    const [type, size, mtime, ctime, ino, dev] = fields as [string, string, string, string, string, string];
    if (text[from] !== sep || !/^\d+$/.test(size + ino + dev)) return undefined;
    out.push({
      type,
      size: Number(size),
      mtimeMs: milliseconds(mtime),
      ctimeMs: milliseconds(ctime),
      ino: Number(ino),
      dev: Number(dev),
      path: text.slice(from, end),
    });
    at = end + 1;
  }
  return out;
}

/**
 * A path's key in the walk's order (by folder, each folder's entries sorted by name in code units, depth
 * first): with the separator below every other character, plain string order is that order.
 */
const walkKey = (path: string): string => path.split(sep).join('\0');

/**
 * The files under `roots` (absolute, each a folder or a file) as findUserFiles would find them, or
 * undefined when the listing cannot tell. `shared` says whether a root overlaps the bundled facts,
 * whose files the walk skips: then the walk decides.
 */
export function filesFromListing(listing: Buffer, roots: readonly string[], overlapsBundled: boolean): FoundFiles | undefined {
  if (overlapsBundled || new Set(roots).size !== roots.length) return undefined;
  for (const a of roots) for (const b of roots) if (a !== b && b.startsWith(a + sep)) return undefined;
  const listed = parseListing(listing);
  if (!listed || listed.some((l) => l.type === 'l')) return undefined;
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
    const under = listed
      .filter((l) => l.path.startsWith(prefix) && l.type !== 'd' && isYaml(l.path))
      .map((l) => ({ l, key: walkKey(l.path) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ l }) => l);
    const files: FactJob[] = [];
    for (const l of under) {
      const state = { size: l.size, mtimeMs: l.mtimeMs, ctimeMs: l.ctimeMs, ino: l.ino, dev: l.dev };
      if (l.path === prefix + VOCABULARY_FILE && l.type === 'f') vocabularies.push({ file: l.path, ...state });
      else if (l.path === prefix + RECORD_FILE) continue;
      else if (l.type !== 'f')
        skipped.push({ code: 'RIF017', file: l.path, line: 1, col: 1, message: 'not a regular file (a FIFO, socket or device); skipped' });
      else {
        const kind = kindFolder(dirname(l.path));
        files.push({ file: l.path, ...state, ...(kind ? { expect: expectIn(kind, basename(l.path)) } : {}) });
      }
    }
    // a folder without fact files is the walk's to explain
    if (!files.length && !skipped.length) return undefined;
    jobs.push(...files);
  }
  return { vocabularies, jobs, skipped };
}
