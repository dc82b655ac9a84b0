// RIS, the tagged format Zotero, EndNote, Mendeley and most reference managers import: a record for each
// fact (an encyclopedia entry of the record, ID its id) and one per source (a web page, ID its key).
import { visible } from '../control.js';
import { parsePartialDate } from '../dates.js';
import { fullTitle, oneLine, type Citation, type CitedFact, type CitedSource } from './cited-source.js';

type Line = readonly [tag: string, value: string];

const line = (tag: string, value: string | null | undefined): Line[] => (value ? [[tag, oneLine(value)]] : []);

/** A partial date as RIS writes one: YYYY/MM/DD/, with the parts it does not know left empty (2001//, 2001/12/). */
function risDate(iso: string | null): string | null {
  const date = iso ? parsePartialDate(iso) : undefined;
  if (!date) return null;
  const two = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${String(date.year).padStart(4, '0')}/${two(date.month)}/${two(date.day)}/`;
}

/**
 * Each line `XX  - value` (two spaces, a hyphen and a space, after ER too: `ER  - `) ending in CRLF, as
 * the RIS specification writes them; a record starts with TY and ends with ER. Control characters are
 * written as \u escapes before the line ends are added, so that only they are carriage returns.
 */
const record = (type: string, lines: readonly Line[]): string => [['TY', type], ...lines, ['ER', '']].map(([t, v]) => `${t}  - ${visible(v)}\r\n`).join('');

/**
 * A web page (ELEC): its title, the publisher as the website's name (T2, Zotero's Website Title), the
 * year (PY) and date (DA) it was published, the access date (Y2) and the address (UR); N1 says what rif
 * cites it for.
 */
function sourceRecord(source: CitedSource): string {
  return record('ELEC', [
    ['ID', source.key],
    ...line('TI', fullTitle(source)),
    ...line('T2', source.publisher),
    ...line('PY', source.published && String(parsePartialDate(source.published)?.year ?? '')),
    ...line('DA', risDate(source.published)),
    ...line('Y2', risDate(source.accessed)),
    ['UR', source.url],
    ['N1', oneLine(source.note)],
  ]);
}

function factRecord(cited: CitedFact, citation: Citation): string {
  return record('ENCYC', [
    ['ID', cited.fact.id],
    ...line('TI', cited.fact.title),
    ['T2', 'Russia–Iran facts'],
    ['PB', 'rif'],
    ['ET', citation.version],
    ...line('PY', cited.issued && String(parsePartialDate(cited.issued)?.year ?? '')),
    ...line('DA', risDate(cited.issued)),
    ['N1', `${cited.sentence} Sources: ${cited.sources.map((s) => s.key).join(', ')}.`],
  ]);
}

/** RIS text, a blank line between records, every line ending in CRLF. */
export function renderRis(citation: Citation): string {
  return [...citation.facts.map((f) => factRecord(f, citation)), ...citation.sources.map(sourceRecord)].join('\r\n');
}
