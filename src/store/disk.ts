// A store on disk: the bundled facts compiled at build time, and each user cache entry. What every
// command needs (kind, dates, topics, status of each fact) is one file of typed columns, used as read;
// heads and whole facts are JSON lines read only for the rows that print; the word index is raw 32-bit
// arrays. Nothing read is trusted: a file of the wrong size, a foreign manifest or a line that does not
// parse is "damaged", and the caller rebuilds from the fact files.
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { FactHead } from '../facts/head.js';
import type { FoundFile } from '../facts/files.js';
import type { Issue } from '../facts/issues.js';
import { KINDS, STATUSES, type Fact } from '../facts/types.js';
import { visible } from '../control.js';
import { jsonArray, jsonItem } from '../render/json.js';
import { toRecord } from '../render/record.js';
import { actorPasses, factRange, inForcePasses, kindPasses, rangePasses, statusPasses, type Filter } from '../filter.js';
import { toDoc } from '../search/doc.js';
import { buildTokenIndex, FIELD_SLOTS, type TokenIndex } from '../search/tokens.js';
import type { Hash } from './hash.js';
import type { Store } from './store.js';

const MAGIC = 'rif-store';
/** Raise when the layout of any file below changes: older entries are then foreign and rebuilt. */
const FORMAT = 8;
const FILES = Object.freeze({
  sources: 'sources.json',
  columns: 'columns.bin',
  heads: 'heads.json',
  ids: 'ids.json',
  records: 'records.json',
  offsets: 'offsets.bin',
  words: 'words.txt',
  postings: 'postings.bin',
  // the bundled store only (empty in a user cache): see listingItems
  listing: 'listing.json',
  listingAt: 'listing.bin',
});
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
  /** what the entry was built for: the rif version, the paths, the bundled facts' key */
  readonly key: string;
  /** the files it was built from, with their sizes and times: see digestOf */
  readonly digest: string;
  /** the fingerprint of the user's paths (fingerprint.ts) taken before they were last walked, when there was one */
  readonly fingerprint?: string;
  readonly vocabulary: readonly (readonly [string, string])[];
  readonly issues: readonly Issue[];
  /** every parsed fact is a record; the facts are the records kept after the checks across files */
  readonly records: number;
  readonly facts: number;
  readonly bytes: Readonly<Record<DataFile, number>>;
}

/** What the store was built from, read only when it is rebuilt. */
export interface Sources {
  readonly vocabularyFiles: readonly FoundFile[];
  readonly sources: readonly SourceEntry[];
}

/** What a store is written from: every parsed fact, and which of them are kept, in listing order. */
export interface StoreData extends Sources {
  readonly key: string;
  /** what the walk could not use (FoundFiles.skipped): part of the digest, so that fixing it rebuilds */
  readonly skipped: readonly Issue[];
  readonly vocabulary: ReadonlyMap<string, string>;
  readonly issues: readonly Issue[];
  readonly records: readonly Fact[];
  readonly kept: readonly number[];
}

export class StoreDamaged extends Error {}

export const sameFile = (a: FoundFile, b: FoundFile): boolean => a.file === b.file && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** One string for a list of files with their sizes and times: equal digests, same files unchanged. */
export function digestOf(hash: Hash, files: readonly FoundFile[], vocabularies: readonly FoundFile[], skipped: readonly Issue[]): string {
  const line = (f: FoundFile) => `${f.file}\0${f.size}\0${f.mtimeMs}\n`;
  const skip = (i: Issue) => `${i.file}\0${i.message}\n`;
  return hash(`${vocabularies.map(line).join('')}\n${files.map(line).join('')}\n${skipped.map(skip).join('')}`);
}

/** The columns file: per fact, its date range, where its head line is, its record, its topics as bits, its kind and status. */
interface Columns {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly headAt: Float64Array;
  readonly record: Uint32Array;
  readonly topicBits: Uint32Array;
  readonly kind: Uint8Array;
  readonly status: Uint8Array;
}

const topicWords = (vocabularySize: number) => Math.max(1, Math.ceil(vocabularySize / 32));

function columnsLayout(n: number, words: number) {
  const lo = 0;
  const hi = lo + 8 * n;
  const headAt = hi + 8 * n;
  const record = headAt + 8 * (n + 1);
  const topicBits = record + 4 * n;
  const kind = topicBits + 4 * n * words;
  const status = kind + n;
  return { lo, hi, headAt, record, topicBits, kind, status, end: status + n };
}

function headOf(fact: Fact): FactHead {
  const { id, title, topics, actors } = fact;
  const date = { start: fact.date.start, end: fact.date.end, precision: fact.date.precision, approximate: fact.date.approximate };
  if (fact.kind === 'treaty')
    return {
      id,
      kind: 'treaty',
      title,
      date,
      topics,
      actors,
      signed: fact.signed,
      in_force: fact.in_force,
      ended: fact.ended,
      in_force_now: fact.in_force_now,
      parties: fact.parties,
    };
  if (fact.kind === 'allegation') return { id, kind: 'allegation', title, date, topics, actors, status: fact.status, alleged_by: fact.alleged_by };
  return { id, kind: 'event', title, date, topics, actors };
}

/**
 * A JSON array written one item per line, with where each item starts: one item is read and parsed on
 * its own, and a whole file in one JSON.parse. Every item is followed by two characters, ",\n" or "\n]".
 */
function jsonItems(items: readonly unknown[]): { text: Buffer; offsets: Float64Array } {
  const offsets = new Float64Array(items.length + 1);
  const parts: Buffer[] = [Buffer.from('[')];
  let at = 1;
  for (const [i, item] of items.entries()) {
    const line = Buffer.from(`${asciiJson(item)}${i === items.length - 1 ? '\n]' : ',\n'}`, 'latin1');
    parts.push(line);
    offsets[i] = at;
    at += line.length;
  }
  offsets[items.length] = at;
  if (!items.length) parts.push(Buffer.from(']'));
  return { text: Buffer.concat(parts), offsets };
}

/**
 * JSON with every character past ASCII written as a \\u escape: the file then reads into a one-byte
 * string, which V8 decodes and parses faster than text with Persian or Cyrillic in it.
 */
const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Each fact's JSON record as a listing's --json prints it, by the same renderer, with where each starts:
 * the bundled facts print as written at build time instead of being parsed and printed again. The file
 * path in each record is relative to the bundled folder, which recordsJson puts in front.
 */
function listingItems(facts: readonly Fact[]): { text: Buffer; at: Float64Array } {
  const at = new Float64Array(facts.length + 1);
  let length = 0;
  const items = facts.map((fact, i) => {
    const item = jsonItem(toRecord({ fact, score: 0, titleMatches: [] }, false));
    at[i] = length;
    length += item.length;
    return item;
  });
  at[facts.length] = length;
  return { text: Buffer.from(items.join('')), at };
}

export interface WriteOptions {
  /** paths in the store are relative to this folder (the bundled facts) */
  readonly fileBase?: string | undefined;
  /** also write each fact's JSON record as listings print it (the bundled store) */
  readonly listing?: boolean | undefined;
  /** the fingerprint of the user's paths taken before the walk the data comes from */
  readonly fingerprint?: string | undefined;
}

/** Writes a store into `dir` whole or not at all: into a fresh folder beside it, renamed into place. Returns the word index it built. */
export function writeStore(dir: string, data: StoreData, hash: Hash, { fileBase, listing, fingerprint }: WriteOptions = {}): TokenIndex {
  const relative = (file: string) => (fileBase && file.startsWith(fileBase) ? file.slice(fileBase.length) : file);
  const withFile = (issue: Issue) => withIssueFiles(issue, relative);
  const facts = data.kept.map((r) => data.records[r]!);
  const n = facts.length;
  const topicIndex = new Map([...data.vocabulary.keys()].map((t, i) => [t, i]));
  const bitsPerFact = topicWords(topicIndex.size);

  const stored = data.records.map((f) => ({ ...f, file: relative(f.file) }));
  const records = jsonItems(stored);
  const heads = jsonItems(facts.map(headOf));
  const listed = listing ? listingItems(data.kept.map((r) => stored[r]!)) : { text: Buffer.alloc(0), at: new Float64Array(0) };
  const layout = columnsLayout(n, bitsPerFact);
  const columns = Buffer.alloc(layout.end);
  const lo = new Float64Array(columns.buffer, columns.byteOffset + layout.lo, n);
  const hi = new Float64Array(columns.buffer, columns.byteOffset + layout.hi, n);
  new Float64Array(columns.buffer, columns.byteOffset + layout.headAt, n + 1).set(heads.offsets);
  new Uint32Array(columns.buffer, columns.byteOffset + layout.record, n).set(data.kept);
  const bits = new Uint32Array(columns.buffer, columns.byteOffset + layout.topicBits, n * bitsPerFact);
  for (const [i, fact] of facts.entries()) {
    const range = factRange(fact);
    lo[i] = range.lo;
    hi[i] = range.hi;
    for (const topic of fact.topics) {
      const t = topicIndex.get(topic);
      if (t !== undefined) bits[i * bitsPerFact + (t >> 5)]! |= 1 << (t & 31);
    }
    columns[layout.kind + i] = KINDS.indexOf(fact.kind);
    columns[layout.status + i] = fact.kind === 'allegation' ? STATUSES.indexOf(fact.status) + 1 : 0;
  }
  const tokens = buildTokenIndex(facts.map(toDoc));
  const words = Array.from({ length: tokens.words.length }, (_, i) => tokens.words.at(i)!);
  // [word count][where each word's postings start][where each word starts in words.txt][postings]
  const postings = new Uint32Array(1 + 2 * (words.length + 1) + tokens.postings.length);
  postings[0] = words.length;
  postings.set(tokens.starts, 1);
  let at = 0;
  for (const [i, word] of words.entries()) {
    postings[2 + words.length + i] = at;
    at += word.length + 1;
  }
  postings[2 + 2 * words.length] = at;
  postings.set(tokens.postings, 3 + 2 * words.length);
  const sources: Sources = {
    vocabularyFiles: data.vocabularyFiles.map((f) => ({ ...f, file: relative(f.file) })),
    sources: data.sources.map((s) => ({ ...s, file: relative(s.file), issues: s.issues.map(withFile) })),
  };
  const contents: Record<DataFile, Buffer> = {
    sources: Buffer.from(JSON.stringify(sources)),
    columns,
    heads: heads.text,
    ids: Buffer.from(JSON.stringify(facts.map((f) => f.id))),
    records: records.text,
    offsets: Buffer.from(records.offsets.buffer),
    words: Buffer.from(words.map((w) => `${w}\n`).join('')),
    postings: Buffer.from(postings.buffer),
    listing: listed.text,
    listingAt: Buffer.from(listed.at.buffer),
  };
  const manifest: Manifest = {
    magic: MAGIC,
    format: FORMAT,
    key: data.key,
    digest: digestOf(hash, data.sources, data.vocabularyFiles, data.skipped),
    ...(fingerprint === undefined ? {} : { fingerprint }),
    vocabulary: [...data.vocabulary],
    issues: data.issues.map(withFile),
    records: data.records.length,
    facts: n,
    bytes: Object.fromEntries(Object.entries(contents).map(([name, buf]) => [name, buf.length])) as Record<DataFile, number>,
  };
  const temp = `${dir}.${process.pid}.${Date.now()}.tmp`;
  mkdirSync(temp, { recursive: true });
  try {
    for (const [name, buf] of Object.entries(contents)) writeFileSync(join(temp, FILES[name as DataFile]), buf);
    // the manifest last: a folder without one is never read
    writeFileSync(join(temp, 'manifest.json'), JSON.stringify(manifest));
    mkdirSync(dirname(dir), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return tokens;
}

/** Records in the manifest of the store in `dir` the fingerprint of a walk that found its files unchanged. */
export function recordFingerprint(dir: string, manifest: Manifest, fingerprint: string): void {
  const temp = join(dir, `manifest.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, JSON.stringify({ ...manifest, fingerprint }));
    renameSync(temp, join(dir, 'manifest.json'));
  } catch {
    // it is only a quicker check next time
    rmSync(temp, { force: true });
  }
}

/** Paths inside a store are relative to `fileBase` (the bundled facts) or absolute (a user cache). */
const absoluteIn = (fileBase: string | undefined) => (file: string) => (fileBase && !isAbsolute(file) ? join(fileBase, file) : file);

/** An issue with its file (and the file of `also`) mapped: made relative when written, absolute when read. */
function withIssueFiles(issue: Issue, map: (file: string) => string): Issue {
  return { ...issue, file: map(issue.file), ...(issue.also ? { also: { ...issue.also, file: map(issue.also.file) } } : {}) };
}

/** The manifest of the store in `dir`, or undefined when there is none, or it is foreign or damaged. */
export function readManifest(dir: string, fileBase?: string): Manifest | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest?.magic !== MAGIC || manifest.format !== FORMAT || typeof manifest.key !== 'string' || !Array.isArray(manifest.issues)) return undefined;
  for (const [name, file] of Object.entries(FILES)) {
    const size = statSync(join(dir, file), { throwIfNoEntry: false })?.size;
    if (size === undefined || size !== manifest.bytes?.[name as DataFile]) return undefined;
  }
  if (!fileBase) return manifest;
  return { ...manifest, issues: (manifest.issues as readonly Issue[]).map((i) => withIssueFiles(i, absoluteIn(fileBase))) };
}

/** What a store was built from, for a rebuild that parses only what changed. */
export function readSources(dir: string, fileBase?: string): Sources {
  try {
    const sources = JSON.parse(readStoreFile(join(dir, FILES.sources), 'utf8')) as Sources;
    const absolute = absoluteIn(fileBase);
    return {
      vocabularyFiles: sources.vocabularyFiles.map((f) => ({ ...f, file: absolute(f.file) })),
      sources: sources.sources.map((s) => ({ ...s, file: absolute(s.file), issues: s.issues.map((i) => withIssueFiles(i, absolute)) })),
    };
  } catch {
    throw new StoreDamaged('sources do not parse');
  }
}

/** Reads items by index from a file written by jsonItems, given where each starts. */
class ItemReader {
  private fd: number | undefined;
  private all: unknown[] | undefined;

  constructor(
    private readonly file: string,
    private readonly offsets: Float64Array,
  ) {}

  /** Items [from, to) as one read. */
  range(from: number, to: number): unknown[] {
    const buf = this.read(from, to);
    const base = this.offsets[from]!;
    const out: unknown[] = [];
    for (let i = from; i < to; i++) out.push(parseItem(buf.toString('latin1', this.offsets[i]! - base, this.offsets[i + 1]! - base - 2)));
    return out;
  }

  /**
   * Any items. A read and parse of one item costs about what parsing it within the whole file does, plus
   * a system call: most of the file is worth one read and one parse, a part of it is not.
   */
  pick(indices: readonly number[]): unknown[] {
    const count = this.offsets.length - 1;
    if (indices.length * 2 < count) return indices.map((i) => this.range(i, i + 1)[0]);
    if (!this.all) {
      const all = parseItem(readStoreFile(this.file, 'latin1'));
      if (!Array.isArray(all) || all.length !== count) throw new StoreDamaged(`${this.file} does not hold its items`);
      this.all = all;
    }
    const all = this.all;
    return indices.map((i) => all[i]);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private read(from: number, to: number): Buffer {
    const start = this.offsets[from];
    const end = this.offsets[to];
    if (start === undefined || end === undefined || !(end >= start)) throw new StoreDamaged('item index out of range');
    const buf = Buffer.allocUnsafe(end - start);
    let read: number;
    try {
      this.fd ??= openSync(this.file, 'r');
      read = readSync(this.fd, buf, 0, buf.length, start);
    } catch (error) {
      throw new StoreDamaged(`${this.file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (read !== buf.length) throw new StoreDamaged(`${this.file} is short`);
    return buf;
  }
}

/** A file of the store; any failure to read it (gone, unreadable) is damage like any other. */
function readStoreFile(file: string): Buffer;
function readStoreFile(file: string, encoding: BufferEncoding): string;
function readStoreFile(file: string, encoding?: BufferEncoding): Buffer | string {
  try {
    return encoding ? readFileSync(file, encoding) : readFileSync(file);
  } catch (error) {
    throw new StoreDamaged(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function parseItem(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StoreDamaged('an item does not parse');
  }
}

/** Reads a store's records (every parsed fact) by record index, each checked to be a fact. */
export class RecordReader {
  private readonly lines: ItemReader;
  private readonly absolute: (file: string) => string;

  constructor(dir: string, fileBase?: string) {
    this.lines = new ItemReader(join(dir, FILES.records), float64s(readStoreFile(join(dir, FILES.offsets))));
    this.absolute = absoluteIn(fileBase);
  }

  range(from: number, to: number): Fact[] {
    return from >= to ? [] : this.lines.range(from, to).map((r) => this.fact(r));
  }

  pick(indices: readonly number[]): Fact[] {
    return this.lines.pick(indices).map((r) => this.fact(r));
  }

  close(): void {
    this.lines.close();
  }

  private fact(value: unknown): Fact {
    const fact = value as { id?: unknown; file?: unknown };
    if (typeof fact?.id !== 'string' || typeof fact.file !== 'string') throw new StoreDamaged('a record is not a fact');
    // the object is this reader's own, fresh from JSON.parse: completed in place (absolute() leaves an absolute path be)
    fact.file = this.absolute(fact.file);
    return fact as Fact;
  }
}

/** Opens the store in `dir` whose manifest was read; throws StoreDamaged when a file does not hold up. */
export function openDiskStore(dir: string, manifest: Manifest, fileBase?: string): Store {
  const n = manifest.facts;
  const vocabulary = new Map(manifest.vocabulary);
  const topics = [...vocabulary.keys()];
  const words = topicWords(topics.length);
  const layout = columnsLayout(n, words);
  const raw = aligned(readStoreFile(join(dir, FILES.columns)), 8);
  if (raw.length !== layout.end) throw new StoreDamaged('columns are the wrong size');
  const at = (offset: number) => raw.byteOffset + offset;
  const c: Columns = {
    lo: new Float64Array(raw.buffer, at(layout.lo), n),
    hi: new Float64Array(raw.buffer, at(layout.hi), n),
    headAt: new Float64Array(raw.buffer, at(layout.headAt), n + 1),
    record: new Uint32Array(raw.buffer, at(layout.record), n),
    topicBits: new Uint32Array(raw.buffer, at(layout.topicBits), n * words),
    kind: new Uint8Array(raw.buffer, at(layout.kind), n),
    status: new Uint8Array(raw.buffer, at(layout.status), n),
  };
  for (let i = 0; i < n; i++) {
    if (c.kind[i]! >= KINDS.length || c.status[i]! > STATUSES.length || c.record[i]! >= manifest.records)
      throw new StoreDamaged('columns hold values out of range');
  }
  const headLines = new ItemReader(join(dir, FILES.heads), c.headAt);
  const records = new RecordReader(dir, fileBase);
  const heads = (indices: readonly number[]): FactHead[] =>
    headLines.pick(indices).map((head, k) => {
      if ((head as FactHead)?.id === undefined || (head as FactHead).kind !== KINDS[c.kind[indices[k]!]!])
        throw new StoreDamaged('a head does not match its columns');
      return head as FactHead;
    });
  let ids: string[] | undefined;
  let tokens: TokenIndex | undefined;
  return {
    ...(manifest.bytes.listingAt > 0 && fileBase !== undefined ? { recordsJson: listingReader(dir, n, fileBase) } : {}),
    vocabulary,
    issues: manifest.issues,
    size: n,
    ids: () => Promise.resolve((ids ??= readIds(dir, n))),
    select(filter: Filter): Promise<number[]> {
      // the same tests as matchesFilter, asked once per kind, status and topic rather than once per fact
      const kindOk = KINDS.map((k) => kindPasses(k, filter));
      const statusOk = [undefined, ...STATUSES].map((st) => statusPasses(st, filter));
      const wanted = new Uint32Array(words);
      for (const topic of filter.topics ?? []) {
        const t = topics.indexOf(topic);
        if (t >= 0) wanted[t >> 5]! |= 1 << (t & 31);
      }
      const byTopic = Boolean(filter.topics?.length);
      const byRange = Boolean(filter.ranges?.length);
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        if (!kindOk[c.kind[i]!] || !statusOk[c.status[i]!]) continue;
        if (byTopic) {
          let any = false;
          for (let k = 0; k < words && !any; k++) any = (c.topicBits[i * words + k]! & wanted[k]!) !== 0;
          if (!any) continue;
        }
        if (byRange && !rangePasses({ lo: c.lo[i]!, hi: c.hi[i]! }, filter)) continue;
        out.push(i);
      }
      // actors and treaty dates are not in the columns: only the rows left are read for them
      if (filter.actor === undefined && !filter.inForceAt) return Promise.resolve(out);
      const found = heads(out);
      return Promise.resolve(out.filter((_, k) => actorPasses(found[k]!, filter) && inForcePasses(found[k]!, filter)));
    },
    topicCounts(): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      for (const [t, topic] of topics.entries()) {
        let count = 0;
        for (let i = 0; i < n; i++) if (c.topicBits[i * words + (t >> 5)]! & (1 << (t & 31))) count++;
        if (count) counts.set(topic, count);
      }
      return Promise.resolve(counts);
    },
    heads: (indices) => Promise.resolve(heads(indices)),
    facts(indices) {
      ids ??= readIds(dir, n);
      const expected = ids;
      return Promise.resolve(
        records.pick(indices.map((i) => c.record[i]!)).map((fact, k) => {
          if (fact.id !== expected[indices[k]!]) throw new StoreDamaged('a record does not match its fact');
          return fact;
        }),
      );
    },
    tokens: () => Promise.resolve((tokens ??= readTokens(dir, n))),
  };
}

/** recordsJson of a store written with its listing: the records as written, each with the bundled folder put before its file. */
function listingReader(dir: string, n: number, fileBase: string): (indices: readonly number[]) => Promise<string> {
  let text: string | undefined;
  let at: Float64Array | undefined;
  // a JSON string joins as its characters do: the folder's escaped characters go before the relative path's
  const base = visible(JSON.stringify(fileBase)).slice(1, -1);
  const FILE = '"file": "';
  // async: damage found here must reach the caller as a rejection, like every other read of the store
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (indices) => {
    text ??= readStoreFile(join(dir, FILES.listing), 'utf8');
    at ??= float64s(readStoreFile(join(dir, FILES.listingAt)));
    if (at.length !== n + 1 || at[n] !== text.length) throw new StoreDamaged('the listing does not match the facts');
    const items = indices.map((i) => {
      const item = text!.slice(at![i], at![i + 1]);
      const file = item.lastIndexOf(FILE) + FILE.length;
      if (file < FILE.length) throw new StoreDamaged('a listed record has no file');
      return item.slice(0, file) + base + item.slice(file);
    });
    return jsonArray(items);
  };
}

function readIds(dir: string, n: number): string[] {
  let ids: unknown;
  try {
    ids = JSON.parse(readStoreFile(join(dir, FILES.ids), 'latin1'));
  } catch {
    throw new StoreDamaged('ids do not parse');
  }
  if (!Array.isArray(ids) || ids.length !== n) throw new StoreDamaged('ids do not match the facts');
  return ids as string[];
}

function readTokens(dir: string, facts: number): TokenIndex {
  const all = uint32s(readStoreFile(join(dir, FILES.postings)));
  const count = all[0] ?? 0;
  if (all.length < 3 + 2 * count) throw new StoreDamaged('word index is short');
  const starts = all.subarray(1, count + 2);
  const wordAt = all.subarray(count + 2, 2 * count + 3);
  const postings = all.subarray(2 * count + 3);
  const text = readStoreFile(join(dir, FILES.words), 'utf8');
  if (starts[count] !== postings.length || wordAt[count] !== text.length) throw new StoreDamaged('word index does not add up');
  let highest = 0;
  for (let i = 0; i < postings.length; i++) if (postings[i]! > highest) highest = postings[i]!;
  if (postings.length && highest >= facts * FIELD_SLOTS) throw new StoreDamaged('word index names a fact that is not there');
  const words = {
    length: count,
    at: (i: number) => (i >= 0 && i < count ? text.slice(wordAt[i], wordAt[i + 1]! - 1) : undefined),
  };
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
