// `rif show --format markdown`: the card as a Markdown section to paste into notes, the same fields in
// the same order as on the terminal.
import { visible } from '../control.js';
import type { Fact } from '../facts/types.js';
import { headFields, nameFields, sourceHeading } from './detail.js';

/** Text on one line, with the characters Markdown (and pandoc) would read as markup escaped. */
const md = (text: string): string => visible(text.replace(/[\t\r\n]+/g, ' ')).replace(/[\\`*_[\]<>#|$^@]/g, '\\$&');
/** An address inside <…>, where Markdown takes it whole, with only the characters that would end it escaped. */
const link = (url: string): string => `<${visible(url).replace(/[<>\s]/g, encodeURIComponent)}>`;

export function renderDetailMarkdown(fact: Fact, titles: ReadonlyMap<string, string>): string {
  const out: string[] = [`## ${md(fact.title)}`, '', `*${fact.kind}* · \`${visible(fact.id)}\``, ''];
  const field = (label: string, value: string | null | undefined) => {
    if (value) out.push(`- **${label}:** ${md(value)}`);
  };
  const section = (label: string, lines: readonly string[]) => {
    if (lines.length) out.push('', `### ${label}`, '', ...lines);
  };
  for (const [label, value] of [...headFields(fact), ...nameFields(fact)]) field(label, value);
  section('Summary', [md(fact.summary)]);
  if (fact.kind === 'treaty')
    section(
      'Provisions',
      fact.provisions.map((p, i) => `${i + 1}. ${md(p)}`),
    );
  if (fact.kind === 'allegation') {
    section(
      'Status history',
      fact.history.map((h) => `- ${h.date}: ${h.status} by ${md(h.by.join(', '))}${h.note ? ` — ${md(h.note)}` : ''}`),
    );
  }
  section(
    'Quotes',
    fact.quotes.map((q) => `- “${md(q.text)}” — ${md(q.speaker)}${q.date ? `, ${q.date}` : ''}${q.note ? ` (${md(q.note)})` : ''}`),
  );
  if (fact.note) section('Note', [md(fact.note)]);
  section(
    'Related',
    fact.related.map((id) => `- \`${visible(id)}\` ${md(titles.get(id) ?? '(not loaded)')}`),
  );
  section(
    'Sources',
    fact.sources.map((s, i) => `${i + 1}. ${md(sourceHeading(s))} ${link(s.url)}`),
  );
  return `${out.join('\n')}\n`;
}
