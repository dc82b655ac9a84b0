// A citation as every style writes it: the facts with their sentences, and the sources they cite, each
// source once, with its key. What Markdown, plain text, BibTeX, biblatex, RIS, CSL-JSON and the CSL
// styles all write from.
import type { Fact, Source } from '../facts/types.js';

/** A source as cited: the first fact to cite its page gives its text, and every fact citing it shares it. */
export interface CitedSource extends Source {
  /** the citation key (BibTeX key, CSL id, RIS ID): readable, unique across the record, the same on every run */
  readonly key: string;
  /** the plain-text reference number, in order of first citation */
  readonly number: number;
  /** what it is cited for: `rif <id>: <sentence>` for each fact citing it */
  readonly note: string;
}

export interface CitedFact {
  readonly fact: Fact;
  readonly sentence: string;
  /**
   * The date the fact's entry was issued, as a dataset's entry is dated by the dataset's version: the
   * bundled record's as-of date for a bundled fact; for one of the user's, the latest date its
   * sources were checked, else the record's date. Null without either.
   */
  readonly issued: string | null;
  /** the sources chosen for it (--sources, --max-sources), in its own order, each once */
  readonly sources: readonly CitedSource[];
}

export interface Citation {
  readonly facts: readonly CitedFact[];
  /** every source chosen once, in order of first citation */
  readonly sources: readonly CitedSource[];
  /** rif's version, which the entry of each fact names */
  readonly version: string;
}

/** A title in square brackets describes a page that shows none: it is printed as a description, never quoted. */
export const isDescription = (title: string): boolean => /^\[[^]*\]$/.test(title.trim());

/** The title as a reference gives it: a title in another language followed by its English rendering in brackets. */
export const fullTitle = (source: Source): string | null =>
  source.title === null ? null : `${oneLine(source.title)}${source.title_en ? ` [${oneLine(source.title_en)}]` : ''}`;

/**
 * A title as references cite it: on one line, without a final full stop of its own ("… 1802-1839.",
 * "… after the Soviet Collapse.'"), since every style puts its own punctuation after a title (Chicago's
 * "Collapse,’”", never "Collapse.,’”"). The stop of an abbreviation ("Blast the U.S.") and an ellipsis stay.
 */
export const citedTitle = (title: string): string => oneLine(title).replace(/(?<=(?:^|\s)[^\s.]*[\p{L}\p{N}]{2})\.(?=['’"”]?$)/u, '');

/** Text on one line: titles and names may be folded YAML. A final period stays: it may end "U.S.". */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
