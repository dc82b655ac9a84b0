// `rif show`: one fact in full, as a card of labelled fields.
import type { ChalkInstance } from 'chalk';
import type { Fact } from '../facts/types.js';
import { formatDate } from './cells.js';
import { hyperlink } from './hyperlink.js';
import { visible } from '../control.js';
import { width, wrap } from './text.js';

export interface DetailOptions {
  /** the width to wrap to; 0 leaves lines unwrapped (plain text in a pipe) */
  readonly columns: number;
  readonly chalk: ChalkInstance;
  /** titles of related facts by id; a missing id is shown as not loaded */
  readonly titles: ReadonlyMap<string, string>;
  /** addresses as OSC 8 links: on a terminal that draws them */
  readonly hyperlinks?: boolean;
}

const LABEL = 14;
/** Prose is wrapped to at most this many columns, however wide the terminal: longer lines read badly. */
const PROSE_WIDTH = 100;
/** A value narrower than this beside its label or id goes on the lines under it instead. */
const MIN_BESIDE = 24;

/** A source as the card heads it: publisher — title (English title) — date; the English title beside the title it renders. */
export function sourceHeading(source: Fact['sources'][number]): string {
  const title = [source.title, source.title_en && `(${source.title_en})`].filter(Boolean).join(' ');
  return [source.publisher, title, source.published].filter(Boolean).join(' — ');
}

/** The card's labelled fields under the heading, in order, with what each shows (empty ones are left out). */
export function headFields(fact: Fact): [label: string, value: string | null | undefined][] {
  const fields: [string, string | null | undefined][] = [
    ['Date', formatDate(fact.date, true)],
    ['Date note', fact.date.note],
  ];
  if (fact.kind === 'treaty')
    fields.push(
      ['Signed', fact.signed],
      ['In force', fact.in_force ?? 'not recorded'],
      ['Ended', fact.ended ?? (fact.in_force_now ? 'not ended: in force' : 'not recorded')],
      ['Parties', fact.parties.join(', ')],
      ['Duration', fact.duration],
    );
  if (fact.kind === 'allegation')
    fields.push(
      ['Status', fact.status],
      ['Alleged by', fact.alleged_by.join(', ')],
      ['Denied by', fact.denied_by.join(', ')],
      ['Confirmed by', fact.confirmed_by.join(', ')],
    );
  return fields;
}

/** The card's lists of names: topics, actors, places and aliases. */
export const nameFields = (fact: Fact): [label: string, value: string][] => [
  ['Topics', fact.topics.join(', ')],
  ['Actors', fact.actors.join(', ')],
  ['Places', fact.places.join(', ')],
  ['Aliases', fact.aliases.join(', ')],
];

export function renderDetail(fact: Fact, options: DetailOptions): string {
  const { chalk } = options;
  const columns = options.columns > 0 ? Math.min(options.columns, PROSE_WIDTH) : 0;
  const out: string[] = [];
  /** `text` wrapped to the width at `indent`, its first line after `first` (which is `indent` wide) */
  const block = (text: string, indent: number, first = '', style = (line: string) => line) => {
    const lines =
      columns > 0
        ? wrap(visible(text), Math.max(1, columns - indent))
        : visible(text)
            .split('\n')
            .map((t) => ({ text: t }));
    lines.forEach((l, i) => out.push(`${i === 0 && first ? first : ' '.repeat(indent)}${style(l.text)}`));
  };
  /** a label and its value beside it, or under it when there is too little room beside */
  const labelled = (label: string, value: string, gap: number, indent = 2) => {
    const head = label.padEnd(gap);
    if (columns === 0 || columns - gap >= MIN_BESIDE) return block(value, gap, head);
    out.push(head.trimEnd());
    block(value, indent + 2);
  };
  const field = (label: string, value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') return;
    // the label is bold; padding it after colouring keeps the escape codes out of the measure
    const at = out.length;
    labelled(label, value, LABEL, 0);
    out[at] = out[at]!.replace(label, chalk.bold(label));
  };
  const section = (label: string) => out.push('', chalk.bold(label));

  block(fact.title, 0, '', (line) => chalk.bold.underline(line));
  block(`${fact.kind} · ${fact.id}`, 0, '', (line) => chalk.dim(line));
  out.push('');
  for (const [label, value] of headFields(fact)) field(label, value);
  section('Summary');
  block(fact.summary, 2, '  ');
  if (fact.kind === 'treaty' && fact.provisions.length) {
    section('Provisions');
    fact.provisions.forEach((p, i) => block(p, 6, `  ${String(i + 1).padStart(2)}. `));
  }
  if (fact.kind === 'allegation' && fact.history.length) {
    section('Status history');
    for (const h of fact.history) labelled(`  ${h.date}`, `${h.status} by ${h.by.join(', ')}${h.note ? ` — ${h.note}` : ''}`, 14);
  }
  if (fact.quotes.length) {
    section('Quotes');
    for (const q of fact.quotes) {
      block(`“${q.text}”`, 2, '  ');
      block(`— ${q.speaker}${q.date ? `, ${q.date}` : ''}${q.note ? ` (${q.note})` : ''}`, 4, '    ');
    }
  }
  if (fact.note) {
    section('Note');
    block(fact.note, 2, '  ');
  }
  out.push('');
  for (const [label, value] of nameFields(fact)) field(label, value);
  if (fact.related.length) {
    section('Related');
    const idWidth = Math.max(...fact.related.map((r) => width(visible(r))));
    for (const id of fact.related) labelled(`  ${visible(id)}`, options.titles.get(id) ?? '(not loaded)', idWidth + 4);
  }
  section('Sources');
  fact.sources.forEach((s, i) => {
    const n = `[${i + 1}]`;
    block(sourceHeading(s), n.length + 3, `  ${n} `);
    // an address is never broken, however long: it must copy whole
    out.push(`${' '.repeat(n.length + 3)}${options.hyperlinks ? hyperlink(s.url, visible(s.url)) : visible(s.url)}`);
  });
  out.push('');
  // a path, like an address, is never broken
  const file = visible(fact.file);
  if (columns === 0 || LABEL + width(file) <= columns) out.push(`${chalk.bold('File'.padEnd(LABEL))}${file}`);
  else out.push(chalk.bold('File'), `  ${file}`);
  return `${out.join('\n')}\n`;
}
