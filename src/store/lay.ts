// The columns, ids and word index of the facts a plan keeps, in their listing order: what an entry held
// of a fact still kept is moved to its new place, and only facts kept for the first time are read.
import type { FactHead } from '../facts/head.js';
import type { Fact, Vocabulary } from '../facts/types.js';
import { toDoc, type Doc } from '../search/doc.js';
import { buildWordIndex, updateWordIndex, type WordIndex } from '../search/word-index.js';
import { copyRow, emptyColumns, setRow, topicWords, type Columns } from './columns.js';
import type { ItemIndex, ItemReader } from './items.js';
import type { Sources, StoredCheck } from './sources.js';

/** An entry as it was: what a plan may reuse. */
export interface Previous {
  readonly records: number;
  readonly facts: number;
  readonly dead: number;
  readonly sources: Sources;
  readonly checks: readonly (StoredCheck | null)[];
  readonly columns: Columns;
  readonly wordIndex: WordIndex;
  readonly recordsAt: ItemIndex;
  readonly headsAt: ItemIndex;
  readonly recordReader: ItemReader;
  readonly headReader: ItemReader;
}

/**
 * The columns, ids and word index of the facts kept. What the previous entry held of a fact still kept is
 * moved to its new place; a fact kept for the first time is read (it is new, or was a duplicate before).
 */
export function layFacts(
  kept: readonly number[],
  checks: readonly (StoredCheck | null)[],
  vocabulary: Vocabulary,
  fresh: (record: number) => Fact | undefined,
  previous: Previous | undefined,
  indexed?: { readonly index: WordIndex; readonly records: readonly number[] },
): { columns: Columns; ids: string[]; wordIndex: WordIndex } {
  const topics = new Map([...vocabulary.keys()].map((t, i) => [t, i]));
  const columns = emptyColumns(kept.length, topicWords(topics.size));
  const oldPlace = new Map<number, number>();
  if (previous) for (let j = 0; j < previous.columns.size; j++) oldPlace.set(previous.columns.record[j]!, j);
  const moved = new Int32Array(previous?.columns.size ?? 0).fill(-1);
  const newcomers: number[] = [];
  let last = -1;
  let ordered = true;
  for (const [i, record] of kept.entries()) {
    const j = oldPlace.get(record);
    if (j === undefined) newcomers.push(i);
    else {
      copyRow(previous!.columns, j, columns, i, record);
      moved[j] = i;
      ordered &&= j > last;
      last = j;
    }
  }
  // a fact parsed in this plan is at hand; one from the previous entry is read (its head, or its record)
  const read = <T>(positions: readonly number[], reader: ItemReader | undefined): T[] => {
    const stale = positions.filter((i) => !fresh(kept[i]!));
    const got = stale.length ? reader!.pick(stale.map((i) => kept[i]!)) : [];
    const byPosition = new Map(stale.map((i, k) => [i, got[k] as T]));
    return positions.map((i) => (fresh(kept[i]!) as T | undefined) ?? byPosition.get(i)!);
  };
  const heads = read<FactHead>(newcomers, previous?.headReader);
  newcomers.forEach((i, k) => setRow(columns, i, heads[k]!, kept[i]!, topics));
  const ids = kept.map((r) => checks[r]!.id);
  // the word index is moved only while the facts kept keep their order, as each word's postings must
  if (previous && ordered) {
    const docs = read<Fact>(newcomers, previous.recordReader).map(toDoc);
    return { columns, ids, wordIndex: updateWordIndex(previous.wordIndex, moved, buildWordIndex(docs, newcomers)) };
  }
  // facts the worker indexed keep their postings, moved to their places; the rest are indexed here
  const local = new Map(indexed?.records.map((record, l) => [record, l]));
  const movedLocal = new Int32Array(indexed?.records.length ?? 0).fill(-1);
  const here: number[] = [];
  kept.forEach((record, i) => {
    const l = local.get(record);
    if (l === undefined) here.push(i);
    else movedLocal[l] = i;
  });
  const built = buildWordIndex(docsOf(read<Fact>(here, previous?.recordReader)), here);
  return { columns, ids, wordIndex: indexed ? updateWordIndex(indexed.index, movedLocal, built) : built };
}

/** The docs of facts, made one at a time as the index asks for them. */
function* docsOf(facts: readonly Fact[]): Generator<Doc> {
  for (const fact of facts) yield toDoc(fact);
}
