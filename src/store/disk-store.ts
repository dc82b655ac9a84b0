// A store read from its entry on disk: the columns at once (every command filters), the rest when asked
// for, each file and item checked against its sum before it is used. A damaged file throws StoreDamaged.
import type { FactHead } from '../facts/head.js';
import type { Issue } from '../facts/issues.js';
import { KINDS, STATUSES, type Fact } from '../facts/types.js';
import { actorPasses, inForcePasses, kindPasses, rangePasses, statusPasses, type Filter } from '../filter.js';
import type { Doc } from '../search/doc.js';
import { allPostings, postingsOf, type WordIndex } from '../search/word-index.js';
import { BlockFile } from './blocks.js';
import type { Checksum } from './checksum.js';
import { readColumns, topicWords, type Columns } from './columns.js';
import { growingFile, readSmall, smallPlace, StoreDamaged, uint32s, type GrowingName, type Manifest } from './entry.js';
import { decodeIndex, ItemReader, type ItemIndex } from './items.js';
import { decodeIds, type Ids } from './ids-file.js';
import { listingReader } from './listing.js';
import type { Previous } from './lay.js';
import type { Sources } from './sources.js';
import { decodeChecks, decodeSources } from './sources-file.js';
import type { Reads, Store } from './store.js';
import { decodeWordIndex } from './word-index-file.js';
import { absoluteIn } from './write-entry.js';

export interface DiskEntry {
  readonly store: Store;
  /** what the entry was built from (files with paths as stored) */
  sources(): Sources;
  /** what a plan may reuse of this entry, read when an edit is to be applied to it */
  previous(): Previous;
  /**
   * Reads what the command reads first (the ids of a look-up, and a search's word index) while a check
   * of the entry runs in another process: time that would otherwise be spent waiting. Damage found here
   * is found again, and dealt with, when the data is used. Rows are not read ahead: which ones a
   * listing prints is not known yet.
   */
  prefetch(reads: Reads): void;
  /** the item indices, for an update of the entry in place */
  readonly recordsAt: () => ItemIndex;
  readonly headsAt: () => ItemIndex;
  readonly docsAt: () => ItemIndex;
  close(): void;
}

/** What the run that wrote an entry still holds of it, and need not read back. */
export interface Written {
  readonly columns: Columns;
  readonly ids: readonly string[];
  readonly wordIndex: WordIndex;
}

/**
 * Opens the entry in `dir` whose manifest was read and checked; throws StoreDamaged when a file does not
 * hold up. `written` is what this run just wrote of it.
 */
export function openEntry(dir: string, manifest: Manifest, crc: Checksum, fileBase?: string, written?: Written): DiskEntry {
  const n = manifest.facts;
  const absolute = absoluteIn(fileBase);
  const vocabulary = new Map(manifest.vocabulary);
  const topics = [...vocabulary.keys()];
  const columns = written?.columns ?? readColumns(readSmall(dir, manifest, 'columns', crc), n, topicWords(topics.length), manifest.records);
  const items = (name: GrowingName) => {
    let index: ItemIndex | undefined;
    let reader: ItemReader | undefined;
    const at = () => (index ??= decodeIndex(readSmall(dir, manifest, `${name}At`, crc), manifest.records));
    return {
      at,
      reader: () => (reader ??= new ItemReader(growingFile(dir, name), at(), manifest.grown[name], crc)),
      close: () => reader?.close(),
    };
  };
  const records = items('records');
  const heads = items('heads');
  const docs = items('docs');
  let ids: readonly string[] | undefined = written?.ids;
  let idTable: Ids | undefined;
  let wordIndex = written?.wordIndex;
  let sources: Sources | undefined;
  const readSources = () => (sources ??= decodeSources(readSmall(dir, manifest, 'files', crc)));
  const readIdTable = (): Ids => (idTable ??= decodeIds(readSmall(dir, manifest, 'ids', crc), readSmall(dir, manifest, 'idsAt', crc), n));
  const readIds = (): readonly string[] => (ids ??= readIdTable().all());
  /** The id of fact i, to check what is read of it against. */
  const idAt = (i: number): string => (ids ? ids[i]! : readIdTable().at(i));
  let order: Uint32Array | undefined;
  const readOrder = (): Uint32Array => {
    order ??= uint32s(readSmall(dir, manifest, 'order', crc));
    if (order.length !== n) throw new StoreDamaged('the date order does not match the facts');
    return order;
  };
  let postings: BlockFile | undefined;
  const readWordIndex = (): WordIndex => {
    if (wordIndex) return wordIndex;
    const { file, bytes } = smallPlace(dir, manifest, 'postings');
    postings = new BlockFile(file, bytes, uint32s(readSmall(dir, manifest, 'postingSums', crc)), crc);
    const index = decodeWordIndex(readSmall(dir, manifest, 'words', crc), postings);
    // the index numbers facts by record: which fact each record is now
    const factOf = new Int32Array(manifest.records).fill(-1);
    for (let i = 0; i < n; i++) factOf[columns.record[i]!] = i;
    return (wordIndex = { ...index, factOf });
  };
  /** The index with the postings of the words `needs` names read (and checked). */
  const wordIndexFor = (needs?: (index: WordIndex) => readonly number[]): WordIndex => {
    const index = readWordIndex();
    for (const w of needs?.(index) ?? []) postingsOf(index, w);
    return index;
  };
  const headsAt = (indices: readonly number[]): FactHead[] => {
    const found = heads.reader().pick(indices.map((i) => columns.record[i]!)) as FactHead[];
    found.forEach((head, k) => {
      if (head?.id === undefined || head.kind !== KINDS[columns.kind[indices[k]!]!]) throw new StoreDamaged('a head does not match its columns');
    });
    return found;
  };
  const factsAt = (indices: readonly number[]): Fact[] => {
    return (records.reader().pick(indices.map((i) => columns.record[i]!)) as Fact[]).map((fact, k) => {
      if (typeof fact?.file !== 'string' || fact.id !== idAt(indices[k]!)) throw new StoreDamaged('a record does not match its fact');
      // the object is this reader's own, fresh from JSON.parse: completed in place (absolute() leaves an absolute path be)
      (fact as { file: string }).file = absolute(fact.file);
      return fact;
    });
  };
  const docsAt = (indices: readonly number[]): Doc[] => {
    const found = docs.reader().pick(indices.map((i) => columns.record[i]!)) as Doc[];
    found.forEach((doc, k) => {
      if (doc?.id !== idAt(indices[k]!)) throw new StoreDamaged('a search doc does not match its fact');
    });
    return found;
  };
  const store: Store = {
    ...(manifest.sums.listing && fileBase !== undefined ? { recordsJson: listingReader(dir, manifest, fileBase, crc) } : {}),
    vocabulary,
    issues: manifest.issues.map((issue): Issue => ({
      ...issue,
      file: absolute(issue.file),
      ...(issue.also ? { also: { ...issue.also, file: absolute(issue.also.file) } } : {}),
    })),
    size: n,
    ids: () => Promise.resolve(readIds()),
    select: (filter) => Promise.resolve(select(columns, topics, filter, headsAt)),
    byDate: (indices) => Promise.resolve(byDate(readOrder(), indices)),
    topicCounts: () => Promise.resolve(topicCounts(columns, topics)),
    heads: (indices) => Promise.resolve(headsAt(indices)),
    facts: (indices) => Promise.resolve(factsAt(indices)),
    docs: (indices) => Promise.resolve(docsAt(indices)),
    wordIndex: (needs) => Promise.resolve(wordIndexFor(needs)),
  };
  return {
    store,
    sources: readSources,
    prefetch(reads) {
      try {
        if (reads !== 'rows' && !ids) readIdTable();
        if (reads === 'search') readWordIndex();
      } catch (error) {
        if (!(error instanceof StoreDamaged)) throw error;
      }
    },
    recordsAt: records.at,
    headsAt: heads.at,
    docsAt: docs.at,
    previous: () => {
      const index = readWordIndex();
      return {
        records: manifest.records,
        facts: n,
        dead: manifest.dead,
        sources: readSources(),
        checks: decodeChecks(readSmall(dir, manifest, 'checks', crc), manifest.records),
        columns,
        // every posting, read (and checked) here where damage is still the plan's to deal with
        wordIndex: { ...index, postings: allPostings(index) },
        recordsAt: records.at(),
        headsAt: heads.at(),
        docsAt: docs.at(),
        recordReader: records.reader(),
        headReader: heads.reader(),
      };
    },
    close() {
      postings?.close();
      records.close();
      heads.close();
      docs.close();
    },
  };
}

/** The facts that pass a filter: the same tests as matchesFilter, asked once per kind, status and topic rather than once per fact. */
function select(c: Columns, topics: readonly string[], filter: Filter, heads: (indices: readonly number[]) => FactHead[]): number[] {
  const kindOk = KINDS.map((k) => kindPasses(k, filter));
  const statusOk = [undefined, ...STATUSES].map((st) => statusPasses(st, filter));
  const wanted = new Uint32Array(c.words);
  for (const topic of filter.topics ?? []) {
    const t = topics.indexOf(topic);
    if (t >= 0) wanted[t >> 5]! |= 1 << (t & 31);
  }
  const byTopic = Boolean(filter.topics?.length);
  const byRange = Boolean(filter.ranges?.length);
  const out: number[] = [];
  for (let i = 0; i < c.size; i++) {
    if (!kindOk[c.kind[i]!] || !statusOk[c.status[i]!]) continue;
    if (byTopic) {
      let any = false;
      for (let k = 0; k < c.words && !any; k++) any = (c.topicBits[i * c.words + k]! & wanted[k]!) !== 0;
      if (!any) continue;
    }
    if (byRange && !rangePasses({ lo: c.lo[i]!, hi: c.hi[i]! }, filter)) continue;
    out.push(i);
  }
  // actors and treaty dates are not in the columns: only the rows left are read for them
  if (filter.actor === undefined && !filter.inForceAt) return out;
  const found = heads(out);
  return out.filter((_, k) => actorPasses(found[k]!, filter) && inForcePasses(found[k]!, filter));
}

/** The indices in date order from the columns' ranges (and the ids, for ties), as sortHits orders heads. */
/** These facts (each once) in the order the entry keeps: all of them as kept, some by walking it. */
function byDate(order: Uint32Array, indices: readonly number[]): number[] {
  if (indices.length === order.length) return Array.from(order);
  const wanted = new Uint8Array(order.length);
  for (let k = 0; k < indices.length; k++) wanted[indices[k]!] = 1;
  const dated: number[] = [];
  for (let k = 0; k < order.length; k++) if (wanted[order[k]!]) dated.push(order[k]!);
  return dated;
}

function topicCounts(c: Columns, topics: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [t, topic] of topics.entries()) {
    let count = 0;
    for (let i = 0; i < c.size; i++) if (c.topicBits[i * c.words + (t >> 5)]! & (1 << (t & 31))) count++;
    if (count) counts.set(topic, count);
  }
  return counts;
}
