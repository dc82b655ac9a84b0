// The sentence `rif cite` writes for a fact: its title, its date in words, a treaty's parties and dates,
// an allegation attributed. Written from the fact's own fields, never from the summary.
import type { Fact } from '../facts/types.js';
import { datePhrase, humanDate } from './cite-dates.js';
import { withArticle } from './cite-names.js';
import { oneLine } from './cited-source.js';

/** "A", "A and B", "A, B and C". */
const listed = (items: readonly string[]): string => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/**
 * Whether a title ends in a phrase set off by a comma ("Treaty of Resht (Rasht), 1732"), which a comma
 * must close; not a comma in brackets ("(Moscow, 2008)") or in a list ("Establishment, Commerce and Navigation").
 */
function endsInAside(title: string): boolean {
  const parts = title.replace(/\([^)]*\)/g, '').split(',');
  return parts.length > 1 && !/\band\b/.test(parts.at(-1)!);
}

/**
 * A treaty's parties, as its title does not already name them: "between the Russian Empire and Qajar
 * Iran". A title that says "between" or "with" names them (Gazprom's 2008 agreements with Iran).
 */
function betweenParties(title: string, parties: readonly string[]): string {
  if (parties.length < 2 || /\b(?:between|with)\b/i.test(title)) return '';
  return `${endsInAside(title) ? ',' : ''} between ${listed(parties.map(withArticle))}`;
}

/**
 * The sentence that states a fact, from its own fields: the title (the fact files write it as a neutral
 * headline) with the date, never the summary, whose first sentence often leans on the next ("This
 * was…") or leaves the date out. A treaty's parties follow its title in the fact's order, with their
 * articles, unless the title names them already. An allegation's title is quoted, never asserted, and
 * the sentence says who made it, who denied or confirmed it, and its status.
 */
export function citationSentence(fact: Fact): string {
  return oneLine(sentenceOf(fact));
}

function sentenceOf(fact: Fact): string {
  const title = oneLine(fact.title);
  switch (fact.kind) {
    case 'event':
      return `${title}, ${datePhrase(fact.date)}.`;
    case 'treaty': {
      const circa = fact.date.approximate ? 'c. ' : '';
      const parts = [`${title}${betweenParties(title, fact.parties)}`, `signed ${circa}${humanDate(fact.signed)}`];
      if (fact.in_force) parts.push(`in force from ${humanDate(fact.in_force)}`);
      if (fact.ended) parts.push(`ended ${humanDate(fact.ended)}`);
      else if (fact.in_force_now) parts.push('still in force');
      return `${parts.join(', ')}.`;
    }
    case 'allegation': {
      const names = (who: readonly string[]) => listed(who.map(withArticle));
      const who = [
        ...(fact.alleged_by.length ? [`alleged by ${names(fact.alleged_by)}`] : []),
        ...(fact.denied_by.length ? [`denied by ${names(fact.denied_by)}`] : []),
        ...(fact.confirmed_by.length ? [`confirmed by ${names(fact.confirmed_by)}`] : []),
        `status: ${fact.status}`,
      ];
      return `Allegation, ${datePhrase(fact.date)}: “${title}”, ${who.join('; ')}.`;
    }
  }
}
