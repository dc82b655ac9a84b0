// The sources and the checks of an entry (sources.ts) as two small binary files: numbers in typed
// columns, paths and ids as one text each, and the rare parts (issues, related ids, positions) as JSON
// beside them. An edit of one file in 10,000 reads and writes both whole: as JSON they cost ~45 ms a run,
// as columns ~5 ms.
import type { Issue } from '../facts/issues.js';
import { float64s, parseSmall, StoreDamaged, uint32s } from './entry.js';
import type { FileEntry, Sources, StoredCheck, VocabularyEntry } from './sources.js';

/** A SHA-1 in hex, as the entry stores each file's digest; an unreadable file has none. */
const HASH = 40;
/** A digest of a summary, as a check stores it. */
const SUMMARY = 16;
const NONE = 0xffffffff;
const RACY = 1;
const NO_HASH = 2;
const EMPTY: readonly string[] = Object.freeze([]);
const NO_DIGEST = '0'.repeat(HASH);
const NO_SUMMARY = '0'.repeat(SUMMARY);

/**
 * Sections laid end to end after a header of their lengths, each at a multiple of 8 bytes so that typed
 * views of them need no copy.
 */
function pack(sections: readonly Uint8Array[]): Buffer {
  const head = 8 * Math.ceil((4 * (1 + sections.length)) / 8);
  const at: number[] = [];
  let end = head;
  for (const s of sections) {
    at.push(end);
    end += 8 * Math.ceil(s.length / 8);
  }
  const out = Buffer.alloc(end);
  const lengths = new Uint32Array(out.buffer, out.byteOffset, 1 + sections.length);
  lengths[0] = sections.length;
  sections.forEach((s, i) => {
    lengths[1 + i] = s.length;
    out.set(s, at[i]);
  });
  return out;
}

function unpack(bytes: Buffer, count: number, what: string): Buffer[] {
  const own = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  const lengths = uint32s(own.subarray(0, 4 * (1 + count)));
  if (lengths.length !== 1 + count || lengths[0] !== count) throw new StoreDamaged(`${what} are not in their shape`);
  const out: Buffer[] = [];
  let at = 8 * Math.ceil((4 * (1 + count)) / 8);
  for (let i = 0; i < count; i++) {
    const length = lengths[1 + i]!;
    if (at + length > own.length) throw new StoreDamaged(`${what} are short`);
    out.push(own.subarray(at, at + length));
    at += 8 * Math.ceil(length / 8);
  }
  if (at !== own.length) throw new StoreDamaged(`${what} are not in their shape`);
  return out;
}

const bytesOf = (array: Float64Array | Uint32Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
/** Texts joined by NUL, which no path and no id holds. */
const joined = (texts: readonly string[]): Buffer => Buffer.from(texts.join('\0'));
const split = (bytes: Buffer, count: number, what: string): string[] => {
  const texts = count === 0 ? [] : bytes.toString('utf8').split('\0');
  if (texts.length !== count) throw new StoreDamaged(`${what} do not match their count`);
  return texts;
};

interface SourcesRest {
  readonly bundled: number;
  readonly vocabularies: readonly VocabularyEntry[];
  readonly skipped: readonly Issue[];
  /** [file number, its issues] for the files that have any */
  readonly issues: readonly (readonly [number, readonly Issue[]])[];
}

/** The sources as bytes, every path (of files and in issues) passed through `path` first. */
export function encodeSources(sources: Sources, path: (file: string) => string, issue: (issue: Issue) => Issue): Buffer {
  const { files } = sources;
  const n = files.length;
  const states = new Float64Array(5 * n);
  const ints = new Uint32Array(3 * n);
  const hashes: string[] = [];
  const issues: [number, Issue[]][] = [];
  files.forEach((f, i) => {
    states[i] = f.size;
    states[n + i] = f.mtimeMs;
    states[2 * n + i] = f.ctimeMs;
    states[3 * n + i] = f.ino;
    states[4 * n + i] = f.dev;
    ints[i] = f.first;
    ints[n + i] = f.count;
    ints[2 * n + i] = (f.racy ? RACY : 0) | (f.hash.length === HASH ? 0 : NO_HASH);
    hashes.push(f.hash.length === HASH ? f.hash : NO_DIGEST);
    if (f.issues.length) issues.push([i, f.issues.map(issue)]);
  });
  const rest: SourcesRest = {
    bundled: sources.bundled,
    vocabularies: sources.vocabularies.map((v) => ({ ...v, file: path(v.file) })),
    skipped: sources.skipped.map(issue),
    issues,
  };
  return pack([
    bytesOf(states),
    bytesOf(ints),
    Buffer.from(hashes.join(''), 'latin1'),
    joined(files.map((f) => path(f.file))),
    Buffer.from(JSON.stringify(rest)),
  ]);
}

export function decodeSources(bytes: Buffer): Sources {
  const what = 'the sources';
  const [statesBytes, intsBytes, hashBytes, pathBytes, restBytes] = unpack(bytes, 5, what) as [Buffer, Buffer, Buffer, Buffer, Buffer];
  const n = hashBytes.length / HASH;
  if (!Number.isInteger(n) || statesBytes.length !== 40 * n || intsBytes.length !== 12 * n) throw new StoreDamaged(`${what} do not add up`);
  const states = float64s(statesBytes);
  const ints = uint32s(intsBytes);
  const hashes = hashBytes.toString('latin1');
  const paths = split(pathBytes, n, what);
  const rest = parseSmall(restBytes, what) as SourcesRest;
  if (!Array.isArray(rest?.vocabularies) || !Array.isArray(rest.skipped) || !Array.isArray(rest.issues) || typeof rest.bundled !== 'number') {
    throw new StoreDamaged(`${what} are not in their shape`);
  }
  const issuesOf = new Map<number, readonly Issue[]>(rest.issues);
  const files = paths.map((file, i): FileEntry => {
    const flags = ints[2 * n + i]!;
    const entry = {
      file,
      size: states[i]!,
      mtimeMs: states[n + i]!,
      ctimeMs: states[2 * n + i]!,
      ino: states[3 * n + i]!,
      dev: states[4 * n + i]!,
      hash: flags & NO_HASH ? '' : hashes.slice(HASH * i, HASH * (i + 1)),
      first: ints[i]!,
      count: ints[n + i]!,
      issues: issuesOf.get(i) ?? [],
    };
    return flags & RACY ? { ...entry, racy: true } : entry;
  });
  return { bundled: rest.bundled, vocabularies: rest.vocabularies, files, skipped: rest.skipped };
}

interface ChecksRest {
  /** [record, related ids] for the records that name any */
  readonly related: readonly (readonly [number, readonly string[]])[];
  readonly at: readonly (readonly [number, NonNullable<StoredCheck['at']>])[];
}

/** The checks of every record (null for a record no fact uses any more), each file passed through `path`. */
export function encodeChecks(checks: readonly (StoredCheck | null)[], path: (file: string) => string): Buffer {
  const n = checks.length;
  const fileNumbers = new Map<string, number>();
  const ints = new Uint32Array(2 * n).fill(NONE);
  const summaries: string[] = [];
  const ids: string[] = [];
  const rest: { related: [number, readonly string[]][]; at: [number, NonNullable<StoredCheck['at']>][] } = { related: [], at: [] };
  checks.forEach((c, r) => {
    ids.push(c?.id ?? '');
    summaries.push(c?.summary.length === SUMMARY ? c.summary : NO_SUMMARY);
    if (!c) return;
    let f = fileNumbers.get(c.file);
    if (f === undefined) fileNumbers.set(c.file, (f = fileNumbers.size));
    ints[r] = f;
    ints[n + r] = c.index;
    if (c.related.length) rest.related.push([r, c.related]);
    if (c.at) rest.at.push([r, c.at]);
  });
  const files = [...fileNumbers.keys()].map(path);
  const counts = new Uint32Array([n, files.length]);
  return pack([bytesOf(counts), bytesOf(ints), Buffer.from(summaries.join(''), 'latin1'), joined(ids), joined(files), Buffer.from(JSON.stringify(rest))]);
}

export function decodeChecks(bytes: Buffer, records: number): (StoredCheck | null)[] {
  const what = 'the checks';
  const [countBytes, intsBytes, summaryBytes, idBytes, fileBytes, restBytes] = unpack(bytes, 6, what) as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const [n, fileCount] = uint32s(countBytes);
  if (n !== records || intsBytes.length !== 8 * n || summaryBytes.length !== SUMMARY * n) throw new StoreDamaged(`${what} do not match the records`);
  const ints = uint32s(intsBytes);
  const summaries = summaryBytes.toString('latin1');
  const ids = split(idBytes, n, what);
  const files = split(fileBytes, fileCount!, what);
  const rest = parseSmall(restBytes, what) as ChecksRest;
  if (!Array.isArray(rest?.related) || !Array.isArray(rest.at)) throw new StoreDamaged(`${what} are not in their shape`);
  const related = new Map<number, readonly string[]>(rest.related);
  const at = new Map<number, NonNullable<StoredCheck['at']>>(rest.at);
  return ids.map((id, r): StoredCheck | null => {
    const f = ints[r]!;
    if (f === NONE) return null;
    const file = files[f];
    if (file === undefined) throw new StoreDamaged(`${what} name a file they do not hold`);
    const check = { id, file, index: ints[n + r]!, related: related.get(r) ?? EMPTY, summary: summaries.slice(SUMMARY * r, SUMMARY * (r + 1)) };
    const found = at.get(r);
    return found ? { ...check, at: found } : check;
  });
}
