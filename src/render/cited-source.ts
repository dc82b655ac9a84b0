// A source as a citation cites it: what every citation style (Markdown, plain, BibTeX, CSL-JSON) writes from.
import type { Source } from '../facts/types.js';

/** A source as cited: the first fact to cite its page gives its text, and every fact citing it shares it. */
export interface CitedSource extends Source {
  /** the BibTeX key and CSL id: from the page's address alone, so the same on every run */
  readonly key: string;
  /** the Markdown footnote label, `<id>-<n>`: the n-th source of the first fact citing it */
  readonly label: string;
  /** the plain-text reference number, in order of first citation */
  readonly number: number;
  /** what it is cited for: `rif <id>: <sentence>` for each fact citing it */
  readonly note: string;
}
