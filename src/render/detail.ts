// `rif show`: one fact in full, as a card of labelled fields.
import type { ChalkInstance } from 'chalk';
import type { Fact } from '../facts/types.js';
import { formatDate } from './cells.js';
import { visible } from '../control.js';
import { wrap } from './text.js';

export interface DetailOptions {
  /** wrap width; 0 leaves lines unwrapped (pipes) */
  readonly columns: number;
  readonly chalk: ChalkInstance;
  /** titles of related facts by id; a missing id is shown as not loaded */
  readonly titles: ReadonlyMap<string, string>;
}

const LABEL = 14;

export function renderDetail(fact: Fact, options: DetailOptions): string {
  const { chalk, columns } = options;
  const out: string[] = [];
  const block = (text: string, indent: number, first = '') => {
    const room = columns > 0 ? columns - indent : Infinity;
    const lines = Number.isFinite(room)
      ? wrap(visible(text), Math.max(20, room))
      : visible(text)
          .split('\n')
          .map((t) => ({ text: t }));
    lines.forEach((l, i) => out.push(`${i === 0 && first ? first : ' '.repeat(indent)}${l.text}`));
  };
  const field = (label: string, value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') return;
    block(value, LABEL, chalk.bold(label.padEnd(LABEL)));
  };
  const list = (label: string, values: readonly string[]) => field(label, values.join(', '));
  const section = (label: string) => out.push('', chalk.bold(label));

  out.push(chalk.bold.underline(visible(fact.title)));
  out.push(chalk.dim(`${fact.kind} · ${visible(fact.id)}`), '');
  field('Date', formatDate(fact.date, true));
  field('Date note', fact.date.note);
  if (fact.kind === 'treaty') {
    field('Signed', fact.signed);
    field('In force', fact.in_force ?? 'not recorded');
    field('Ended', fact.ended ?? (fact.in_force_now ? 'not ended: in force' : 'not recorded'));
    list('Parties', fact.parties);
    field('Duration', fact.duration);
  }
  if (fact.kind === 'allegation') {
    field('Status', fact.status);
    list('Alleged by', fact.alleged_by);
    list('Denied by', fact.denied_by);
    list('Confirmed by', fact.confirmed_by);
  }
  section('Summary');
  block(fact.summary, 2, '  ');
  if (fact.kind === 'treaty' && fact.provisions.length) {
    section('Provisions');
    fact.provisions.forEach((p, i) => block(p, 6, `  ${String(i + 1).padStart(2)}. `));
  }
  if (fact.kind === 'allegation' && fact.history.length) {
    section('Status history');
    for (const h of fact.history) block(`${h.status} by ${h.by.join(', ')}${h.note ? ` — ${h.note}` : ''}`, 14, `  ${h.date.padEnd(12)}`);
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
  list('Topics', fact.topics);
  list('Actors', fact.actors);
  list('Places', fact.places);
  list('Aliases', fact.aliases);
  if (fact.related.length) {
    section('Related');
    const idWidth = Math.max(...fact.related.map((r) => r.length));
    for (const id of fact.related) block(options.titles.get(id) ?? '(not loaded)', idWidth + 4, `  ${id.padEnd(idWidth)}  `);
  }
  section('Sources');
  fact.sources.forEach((s, i) => {
    const n = `[${i + 1}]`;
    block([s.publisher, s.title, s.title_en && `(${s.title_en})`, s.published].filter(Boolean).join(' — '), n.length + 3, `  ${n} `);
    // a url is left whole, however long, so that it can be copied
    out.push(`${' '.repeat(n.length + 3)}${visible(s.url)}`);
  });
  out.push('');
  field('File', fact.file);
  return `${out.join('\n')}\n`;
}
