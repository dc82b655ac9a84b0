// The normalized fact record: what commands, renderers and `--json` all work from.
import type { Precision } from '../dates.js';

export const KINDS = Object.freeze(['event', 'treaty', 'allegation'] as const);
export type Kind = (typeof KINDS)[number];

export const STATUSES = Object.freeze(['alleged', 'confirmed', 'denied', 'disputed'] as const);
export type Status = (typeof STATUSES)[number];

/** When a fact happened, at the precision the sources give. `end` equals `start` for a single date. */
export interface FactDate {
  readonly start: string;
  /** null for a span that has not ended */
  readonly end: string | null;
  readonly precision: Precision;
  readonly approximate: boolean;
  readonly note: string | null;
}

export interface Source {
  readonly url: string;
  /** the page's own title, in its own language and script */
  readonly title: string | null;
  /** an English rendering of a title in another language */
  readonly title_en: string | null;
  readonly publisher: string | null;
  /** the page's date, to the precision it gives */
  readonly published: string | null;
  /** when the source was checked against the fact */
  readonly accessed: string | null;
}

export interface Quote {
  readonly text: string;
  readonly speaker: string;
  readonly date: string | null;
  readonly note: string | null;
}

export interface StatusChange {
  readonly date: string;
  readonly status: Status;
  readonly by: readonly string[];
  readonly note: string | null;
}

interface FactBase {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly date: FactDate;
  readonly note: string | null;
  readonly topics: readonly string[];
  readonly actors: readonly string[];
  readonly places: readonly string[];
  readonly aliases: readonly string[];
  readonly related: readonly string[];
  readonly quotes: readonly Quote[];
  readonly sources: readonly Source[];
  /** where the fact was loaded from (an absolute path) */
  readonly file: string;
}

export interface EventFact extends FactBase {
  readonly kind: 'event';
}

export interface TreatyFact extends FactBase {
  readonly kind: 'treaty';
  readonly signed: string;
  readonly in_force: string | null;
  /** null when it has not ended (in_force_now) or when its end is not recorded */
  readonly ended: string | null;
  /** the sources say it is still in force */
  readonly in_force_now: boolean;
  readonly parties: readonly string[];
  readonly duration: string | null;
  readonly provisions: readonly string[];
}

export interface AllegationFact extends FactBase {
  readonly kind: 'allegation';
  readonly status: Status;
  readonly alleged_by: readonly string[];
  readonly denied_by: readonly string[];
  readonly confirmed_by: readonly string[];
  readonly history: readonly StatusChange[];
}

export type Fact = EventFact | TreatyFact | AllegationFact;

/** A search hit: the fact (or its head, for a listing), its relevance (0-1, higher is better) and where the title matched. */
export interface Hit<F = Fact> {
  readonly fact: F;
  readonly score: number;
  readonly titleMatches: readonly (readonly [number, number])[];
}

/** The topic vocabulary: topic name → one-line meaning, in file order. */
export type Vocabulary = ReadonlyMap<string, string>;
