// The sentence `rif cite` writes for a fact: its title, its date in words, a treaty's parties and dates,
// an allegation attributed. Written from the fact's own fields, never from the summary.
import { parsePartialDate } from '../dates.js';
import type { Fact, FactDate } from '../facts/types.js';

const MONTHS = Object.freeze(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

/** A partial ISO date as people write it, at its own precision: 1828, February 1828, 22 February 1828. */
export function humanDate(iso: string): string {
  const date = parsePartialDate(iso);
  // fact dates are checked when loaded; anything else is printed as it came
  if (!date) return iso;
  const month = date.month === undefined ? '' : `${MONTHS[date.month - 1]} `;
  return `${date.day === undefined ? '' : `${date.day} `}${month}${date.year}`;
}

/** A fact's date in words: "c. 1521", "June 1804 – 24 October 1813", "since November 2022". */
export function datePhrase(date: FactDate): string {
  const circa = date.approximate ? 'c. ' : '';
  if (date.end === null) return `since ${circa}${humanDate(date.start)}`;
  if (date.end === date.start) return `${circa}${humanDate(date.start)}`;
  return `${circa}${humanDate(date.start)} – ${humanDate(date.end)}`;
}

/** "A", "A and B", "A, B and C". */
const listed = (items: readonly string[]): string => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** Fact text on one line: titles and names may be folded YAML. A final period stays: it may end "U.S.". */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The nouns that make a name a description, which English writes with "the": the Russian Empire, the
 * Islamic Republic of Iran, the Kremlin, the Clinton administration. A name is judged by the head of its
 * first phrase (its last word before "of", "for", "in", "on" or a comma): "Bank of Persia" takes it, "Qajar Iran" not.
 */
const TAKES_THE = new Set(
  'administration agency bank centre center commission committee company council department duchy embassy empire federation forum government kingdom khanate kremlin ministry mirror office organisation organization railways republic service states times tsardom union university voice'.split(
    ' ',
  ),
);
/** Initials read as a name of that kind: the CIA, the IAEA, the USSR. */
const INITIALS_THE = new Set(['CIA', 'EU', 'FSB', 'GRU', 'IAEA', 'IRGC', 'KGB', 'NSA', 'SVR', 'UN', 'USSR']);

/** A name as a sentence uses it: with "the" where English puts one ("the Russian Federation", "the CIA", "Qajar Iran"). */
export function withArticle(name: string): string {
  const text = oneLine(name);
  const head = text.replace(/\s*\(.*$/, '');
  // already has an article or a determiner, or is a phrase in lower case ("an EU official", "unnamed sources")
  if (/^(the|a|an)\s/i.test(head) || /^[^A-Z]/.test(head) || /^Unnamed\b/.test(head)) return text;
  if (INITIALS_THE.has(head)) return `the ${text}`;
  const phrase = head.split(/,|\s+(?:of|for|in|on)\s+/)[0]!;
  const noun = phrase.split(/\s+/).at(-1)!.toLowerCase();
  return TAKES_THE.has(noun) && !/'s\s/.test(phrase) ? `the ${text}` : text;
}

/** A treaty's parties, as its title does not already name them: "between the Russian Empire and Qajar Iran". */
function betweenParties(title: string, parties: readonly string[]): string {
  if (parties.length < 2 || /\bbetween\b/i.test(title)) return '';
  return ` between ${listed(parties.map(withArticle))}`;
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
