// What filters read of every fact, as typed columns: its date range, its topics as bits, its kind and
// status, and which record holds it. One file, used as read: `rif list --topic nuclear` over 100,000
// facts tests bits, not objects.
import type { FactHead } from '../facts/head.js';
import { KINDS, STATUSES } from '../facts/types.js';
import { factRange } from '../filter.js';
import { StoreDamaged } from './entry.js';

export interface Columns {
  readonly size: number;
  /** 32-bit words of topic bits per fact */
  readonly words: number;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** the record number of each fact */
  readonly record: Uint32Array;
  readonly topicBits: Uint32Array;
  readonly kind: Uint8Array;
  /** 0 for a fact that is not an allegation, else 1 + its place in STATUSES */
  readonly status: Uint8Array;
  readonly bytes: Buffer;
}

export const topicWords = (vocabularySize: number): number => Math.max(1, Math.ceil(vocabularySize / 32));

function layout(n: number, words: number) {
  const hi = 8 * n;
  const record = hi + 8 * n;
  const topicBits = record + 4 * n;
  const kind = topicBits + 4 * n * words;
  const status = kind + n;
  return { hi, record, topicBits, kind, status, end: status + n };
}

function view(bytes: Buffer, n: number, words: number): Columns {
  const at = layout(n, words);
  const base = bytes.byteOffset;
  return {
    size: n,
    words,
    lo: new Float64Array(bytes.buffer, base, n),
    hi: new Float64Array(bytes.buffer, base + at.hi, n),
    record: new Uint32Array(bytes.buffer, base + at.record, n),
    topicBits: new Uint32Array(bytes.buffer, base + at.topicBits, n * words),
    kind: new Uint8Array(bytes.buffer, base + at.kind, n),
    status: new Uint8Array(bytes.buffer, base + at.status, n),
    bytes,
  };
}

/** Columns for n facts, zeroed, to be filled by setRow or copyRow. */
export const emptyColumns = (n: number, words: number): Columns => view(Buffer.alloc(layout(n, words).end), n, words);

/** Fills row i from a fact (or its head), stored as record `record`; topics outside `topics` have no bit. */
export function setRow(c: Columns, i: number, fact: FactHead, record: number, topics: ReadonlyMap<string, number>): void {
  const range = factRange(fact);
  c.lo[i] = range.lo;
  c.hi[i] = range.hi;
  c.record[i] = record;
  for (const topic of fact.topics) {
    const t = topics.get(topic);
    if (t !== undefined) c.topicBits[i * c.words + (t >> 5)]! |= 1 << (t & 31);
  }
  c.kind[i] = KINDS.indexOf(fact.kind);
  c.status[i] = fact.kind === 'allegation' ? STATUSES.indexOf(fact.status) + 1 : 0;
}

/** Row j of `from` as row i of `to`, held as record `record`. */
export function copyRow(from: Columns, j: number, to: Columns, i: number, record: number): void {
  to.lo[i] = from.lo[j]!;
  to.hi[i] = from.hi[j]!;
  to.record[i] = record;
  to.topicBits.set(from.topicBits.subarray(j * from.words, (j + 1) * from.words), i * to.words);
  to.kind[i] = from.kind[j]!;
  to.status[i] = from.status[j]!;
}

/**
 * The columns as read from a file (which passed its checksum), every kind, status and record number
 * checked to be one a fact can have. The dates are not looked at one by one: each was made by
 * factRange, start before end, and reading a 64-bit float in a loop that runs interpreted boxes it
 * (10,000 facts: 320 KB of garbage).
 */
export function readColumns(bytes: Buffer, n: number, words: number, records: number): Columns {
  if (bytes.length !== layout(n, words).end) throw new StoreDamaged('columns are the wrong size');
  // typed views need aligned memory; a file read into Node's shared pool may not be
  const c = view(bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes), n, words);
  for (let i = 0; i < n; i++) {
    if (c.kind[i]! >= KINDS.length || c.status[i]! > STATUSES.length || c.record[i]! >= records) {
      throw new StoreDamaged('columns hold values out of range');
    }
  }
  return c;
}
