// The columns, ids and word index of the facts a plan keeps, in their listing order: what an entry held
// of a fact still kept is moved to its new place, and only facts kept for the first time are read.
import type { FactHead } from '../facts/head.js';
import type { Fact, Vocabulary } from '../facts/types.js';
import { toDoc, type Doc } from '../search/doc.js';
import { allPostings, appendWordIndex, buildWordIndex, FIELD_SLOTS, type WordIndex } from '../search/word-index.js';
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
  readonly docsAt: ItemIndex;
  readonly recordReader: ItemReader;
  readonly headReader: ItemReader;
}

/**
 * The columns, ids and word index of the facts kept. What the previous entry held of a fact still kept is
 * moved to its new place; a fact kept for the first time is read (it is new, or was a duplicate before).
 * The word index covers every record: the previous entry's index, then the new records' postings, those
 * from the first `indexed` part on taken as the parse indexed them (each part's facts numbered from 0,
 * its first at record `first`).
 */
export function layFacts(
  kept: readonly number[],
  checks: readonly (StoredCheck | null)[],
  vocabulary: Vocabulary,
  appended: { readonly facts: readonly Fact[]; readonly first: number },
  previous: Previous | undefined,
  indexed: readonly { readonly index: WordIndex; readonly first: number }[],
): { columns: Columns; ids: string[]; wordIndex: WordIndex } {
  const topics = new Map([...vocabulary.keys()].map((t, i) => [t, i]));
  const columns = emptyColumns(kept.length, topicWords(topics.size));
  const oldPlace = new Map<number, number>();
  if (previous) for (let j = 0; j < previous.columns.size; j++) oldPlace.set(previous.columns.record[j]!, j);
  const fresh = (record: number): Fact | undefined => appended.facts[record - appended.first];
  const newcomers: number[] = [];
  for (const [i, record] of kept.entries()) {
    const j = oldPlace.get(record);
    if (j === undefined) newcomers.push(i);
    else copyRow(previous!.columns, j, columns, i, record);
  }
  // a fact parsed in this plan is at hand; one kept for the first time from the previous entry is read
  const stale = newcomers.filter((i) => !fresh(kept[i]!));
  const read = stale.length ? (previous!.headReader.pick(stale.map((i) => kept[i]!)) as FactHead[]) : [];
  const heads = new Map(stale.map((i, k) => [i, read[k]!]));
  for (const i of newcomers) setRow(columns, i, fresh(kept[i]!) ?? heads.get(i)!, kept[i]!, topics);
  const ids = kept.map((r) => checks[r]!.id);

  const unindexed = (indexed[0]?.first ?? appended.first + appended.facts.length) - appended.first;
  let wordIndex = buildWordIndex(docsOf(appended.facts.slice(0, unindexed)), appended.first);
  if (previous) wordIndex = appendWordIndex(previous.wordIndex, wordIndex);
  for (const part of indexed) wordIndex = appendWordIndex(wordIndex, shifted(part.index, part.first));
  const factOf = new Int32Array(appended.first + appended.facts.length).fill(-1);
  kept.forEach((record, i) => (factOf[record] = i));
  return { columns, ids, wordIndex: { ...wordIndex, factOf } };
}

/** An index built from slot 0, moved to start at slot `first`. */
function shifted(index: WordIndex, first: number): WordIndex {
  const postings = allPostings(index).slice();
  for (let p = 0; p < postings.length; p++) postings[p]! += first * FIELD_SLOTS;
  return { ...index, postings };
}

/** The docs of facts, made one at a time as the index asks for them. */
function* docsOf(facts: readonly Fact[]): Generator<Doc> {
  for (const fact of facts) yield toDoc(fact);
}
