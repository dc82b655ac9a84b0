// A store on disk: the bundled facts compiled at build time, and each user cache entry. Heads are read at
// once; whole facts are read one record at a time; the word index is read as raw 32-bit arrays. Nothing
// read is trusted: a file of the wrong size, a foreign manifest or a record that does not parse is
// "damaged", and the caller rebuilds from the fact files.
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { FactHead } from '../facts/head.js';
import type { FoundFile } from '../facts/files.js';
import type { Issue } from '../facts/issues.js';
import type { Fact } from '../facts/types.js';
import { toDoc } from '../search/doc.js';
import { buildTokenIndex, FIELD_SLOTS, type TokenIndex } from '../search/tokens.js';
import type { Store } from './store.js';

const MAGIC = 'rif-store';
/** Raise when the layout of any file below changes: older entries are then foreign and rebuilt. */
const FORMAT = 1;
const FILES = Object.freeze({ heads: 'heads.json', records: 'records.jsonl', offsets: 'offsets.bin', words: 'words.json', postings: 'postings.bin' });
type DataFile = keyof typeof FILES;

/** A fact file the store was built from, and what it gave: records[first, first + count) and its issues. */
export interface SourceEntry extends FoundFile {
  readonly first: number;
  readonly count: number;
  readonly issues: readonly Issue[];
}

export interface Manifest {
  readonly magic: typeof MAGIC;
  readonly format: number;
  /** what the entry was built for: the rif version, the paths, the bundled facts' stamp */
  readonly key: string;
  readonly vocabulary: readonly (readonly [string, string])[];
  readonly vocabularyFiles: readonly FoundFile[];
  readonly sources: readonly SourceEntry[];
  readonly issues: readonly Issue[];
  /** number of records; heads are the records kept after the checks across files */
  readonly records: number;
  readonly bytes: Readonly<Record<DataFile, number>>;
}

/** What a store is written from: every parsed fact, and which of them are kept, in listing order. */
export interface StoreData {
  readonly key: string;
  readonly vocabulary: ReadonlyMap<string, string>;
  readonly vocabularyFiles: readonly FoundFile[];
  readonly sources: readonly SourceEntry[];
  readonly issues: readonly Issue[];
  readonly records: readonly Fact[];
  readonly kept: readonly number[];
}

export class StoreDamaged extends Error {}

/** A head as a JSON tuple: the record it belongs to, then the head's fields. */
type HeadRow = [number, string, string, string, string, string | null, string, 0 | 1, string[], string[], ...unknown[]];

function headRow(fact: Fact, record: number): HeadRow {
  const d = fact.date;
  const row: HeadRow = [record, fact.id, fact.kind, fact.title, d.start, d.end, d.precision, d.approximate ? 1 : 0, [...fact.topics], [...fact.actors]];
  if (fact.kind === 'treaty') row.push(fact.signed, fact.in_force, fact.ended, fact.parties);
  if (fact.kind === 'allegation') row.push(fact.status, fact.alleged_by);
  return row;
}

function fromRow(row: HeadRow): FactHead {
  const [, id, kind, title, start, end, precision, approximate, topics, actors, a, b, c, d] = row;
  const base = { id, title, date: { start, end, precision, approximate: approximate === 1 }, topics, actors };
  if (kind === 'treaty') return { ...base, kind, signed: a, in_force: b, ended: c, parties: d } as FactHead;
  if (kind === 'allegation') return { ...base, kind, status: a, alleged_by: b } as FactHead;
  return { ...base, kind: 'event' } as FactHead;
}

/** Writes a store into `dir` whole or not at all: into a fresh folder beside it, renamed into place. */
export function writeStore(dir: string, data: StoreData, fileBase?: string): void {
  const relative = (file: string) => (fileBase && file.startsWith(fileBase) ? file.slice(fileBase.length) : file);
  const lines: string[] = [];
  const offsets = new Float64Array(data.records.length + 1);
  let at = 0;
  for (const [i, fact] of data.records.entries()) {
    const line = `${JSON.stringify({ ...fact, file: relative(fact.file) })}\n`;
    lines.push(line);
    offsets[i] = at;
    at += Buffer.byteLength(line);
  }
  offsets[data.records.length] = at;
  const keptFacts = data.kept.map((r) => data.records[r]!);
  const tokens = buildTokenIndex(keptFacts.map(toDoc));
  const postings = new Uint32Array(tokens.starts.length + tokens.postings.length);
  postings.set(tokens.starts, 0);
  postings.set(tokens.postings, tokens.starts.length);
  const contents: Record<DataFile, Buffer> = {
    heads: Buffer.from(JSON.stringify(data.kept.map((r) => headRow(data.records[r]!, r)))),
    records: Buffer.from(lines.join('')),
    offsets: Buffer.from(offsets.buffer),
    words: Buffer.from(JSON.stringify(tokens.words)),
    postings: Buffer.from(postings.buffer),
  };
  const manifest: Manifest = {
    magic: MAGIC,
    format: FORMAT,
    key: data.key,
    vocabulary: [...data.vocabulary],
    vocabularyFiles: data.vocabularyFiles.map((f) => ({ ...f, file: relative(f.file) })),
    sources: data.sources.map((s) => ({ ...s, file: relative(s.file), issues: s.issues.map((i) => ({ ...i, file: relative(i.file) })) })),
    issues: data.issues.map((i) => ({ ...i, file: relative(i.file) })),
    records: data.records.length,
    bytes: Object.fromEntries(Object.entries(contents).map(([name, buf]) => [name, buf.length])) as Record<DataFile, number>,
  };
  const temp = `${dir}.${process.pid}.${Date.now()}.tmp`;
  mkdirSync(temp, { recursive: true });
  try {
    for (const [name, buf] of Object.entries(contents)) writeFileSync(join(temp, FILES[name as DataFile]), buf);
    // the manifest last: an entry without one is never read
    writeFileSync(join(temp, 'manifest.json'), JSON.stringify(manifest));
    mkdirSync(dirname(dir), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** The manifest of the store in `dir`, or undefined when there is none, or it is foreign or damaged. */
export function readManifest(dir: string, fileBase?: string): Manifest | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest?.magic !== MAGIC || manifest.format !== FORMAT || typeof manifest.key !== 'string') return undefined;
  for (const [name, file] of Object.entries(FILES)) {
    const size = statSync(join(dir, file), { throwIfNoEntry: false })?.size;
    if (size === undefined || size !== manifest.bytes?.[name as DataFile]) return undefined;
  }
  if (!fileBase) return manifest;
  const absolute = (file: string) => (isAbsolute(file) ? file : join(fileBase, file));
  return {
    ...manifest,
    vocabularyFiles: manifest.vocabularyFiles.map((f) => ({ ...f, file: absolute(f.file) })),
    sources: manifest.sources.map((s) => ({ ...s, file: absolute(s.file), issues: s.issues.map((i) => ({ ...i, file: absolute(i.file) })) })),
    issues: manifest.issues.map((i) => ({ ...i, file: absolute(i.file) })),
  };
}

/** Reads records by index; each is checked to be a fact with an id before it is handed out. */
export class RecordReader {
  private fd: number | undefined;
  private readonly offsets: Float64Array;

  constructor(
    private readonly dir: string,
    private readonly fileBase?: string,
  ) {
    this.offsets = float64s(readFileSync(join(dir, FILES.offsets)));
  }

  /** The records [from, to), read in one go. */
  range(from: number, to: number): Fact[] {
    if (from >= to) return [];
    const start = this.offsets[from];
    const end = this.offsets[to];
    if (start === undefined || end === undefined || end < start) throw new StoreDamaged('record index out of range');
    const buf = Buffer.allocUnsafe(end - start);
    this.fd ??= openSync(join(this.dir, FILES.records), 'r');
    if (readSync(this.fd, buf, 0, buf.length, start) !== buf.length) throw new StoreDamaged('records file is short');
    const lines = buf.toString('utf8').split('\n');
    const out: Fact[] = [];
    for (let i = 0; i < to - from; i++) out.push(this.parse(lines[i]));
    return out;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private parse(line: string | undefined): Fact {
    let fact: Fact;
    try {
      fact = JSON.parse(line ?? '') as Fact;
    } catch {
      throw new StoreDamaged('a record does not parse');
    }
    if (typeof fact?.id !== 'string' || typeof fact.file !== 'string') throw new StoreDamaged('a record is not a fact');
    return this.fileBase && !isAbsolute(fact.file) ? { ...fact, file: join(this.fileBase, fact.file) } : fact;
  }
}

/** Opens the store in `dir` whose manifest was read; throws StoreDamaged when a file does not hold up. */
export function openDiskStore(dir: string, manifest: Manifest, fileBase?: string): Store {
  let rows: HeadRow[];
  try {
    rows = JSON.parse(readFileSync(join(dir, FILES.heads), 'utf8')) as HeadRow[];
  } catch {
    throw new StoreDamaged('heads do not parse');
  }
  if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r) || typeof r[0] !== 'number' || r[0] >= manifest.records)) {
    throw new StoreDamaged('heads are not heads');
  }
  const heads = rows.map(fromRow);
  const reader = new RecordReader(dir, fileBase);
  let tokens: TokenIndex | undefined;
  return {
    vocabulary: new Map(manifest.vocabulary),
    issues: manifest.issues,
    heads,
    facts: (indices) =>
      Promise.resolve(
        indices.map((i) => {
          const fact = reader.range(rows[i]![0], rows[i]![0] + 1)[0]!;
          if (fact.id !== heads[i]!.id) throw new StoreDamaged('a record does not match its head');
          return fact;
        }),
      ),
    tokens: () => Promise.resolve((tokens ??= readTokens(dir, heads.length))),
  };
}

function readTokens(dir: string, facts: number): TokenIndex {
  let words: string[];
  try {
    words = JSON.parse(readFileSync(join(dir, FILES.words), 'utf8')) as string[];
  } catch {
    throw new StoreDamaged('words do not parse');
  }
  const all = uint32s(readFileSync(join(dir, FILES.postings)));
  const starts = all.subarray(0, words.length + 1);
  const postings = all.subarray(words.length + 1);
  if (!Array.isArray(words) || starts[words.length] !== postings.length) throw new StoreDamaged('word index does not add up');
  for (const p of postings) if (p >= facts * FIELD_SLOTS) throw new StoreDamaged('word index names a fact that is not there');
  return { words, starts, postings };
}

/** Typed views need aligned memory; a small file read into Node's shared pool may not be. */
const aligned = (buf: Buffer, size: number) => (buf.byteOffset % size === 0 ? buf : Buffer.from(buf));
const uint32s = (buf: Buffer) => {
  const b = aligned(buf, 4);
  return new Uint32Array(b.buffer, b.byteOffset, Math.floor(b.length / 4));
};
const float64s = (buf: Buffer) => {
  const b = aligned(buf, 8);
  return new Float64Array(b.buffer, b.byteOffset, Math.floor(b.length / 8));
};
