// The fact file `rif new` writes: every field of a kind, each with a comment saying what it holds, the
// values to replace in angle brackets. Pure: takes the kind, the id, today and the schema's path.
import type { Kind } from './types.js';

export interface TemplateOptions {
  readonly kind: Kind;
  readonly id: string;
  /** today, YYYY-MM-DD: the sources' access date */
  readonly today: string;
  /** the JSON Schema of a fact file, for the yaml-language-server line */
  readonly schema: string;
}

/** A placeholder: text to replace, in angle brackets, quoted so that the file is YAML as it stands. */
const todo = (what: string): string => `"<${what}>"`;

/** Lines of `key: value`, each comment on the line above its field, indented as the field is. */
function lines(rows: readonly (readonly [line: string, comment?: string])[]): string[] {
  return rows.flatMap(([line, comment]) => {
    const indent = /^[ -]*/.exec(line)![0].replace(/-/g, ' ');
    return comment ? [`${indent}# ${comment}`, line] : [line];
  });
}

const DATES: Readonly<Record<Kind, readonly (readonly [string, string?])[]>> = Object.freeze({
  event: [
    [`date: ${todo('YYYY-MM-DD')}`, 'when it happened: YYYY-MM-DD, YYYY-MM or YYYY; for a span, delete it and fill start and end'],
    [`# start: ${todo('YYYY-MM-DD')}`, 'a span: its first day (or month, or year)'],
    [`# end: ${todo('YYYY-MM-DD')}`, 'a span: its last day; leave it out while it goes on'],
  ],
  treaty: [
    [`signed: ${todo('YYYY-MM-DD')}`, 'the day it was signed (YYYY-MM or YYYY when that is all the sources give)'],
    [`in_force: ${todo('YYYY-MM-DD')}`, 'the day it came into force; delete the line if the sources do not say'],
    [`ended: ${todo('YYYY-MM-DD')}`, 'the day it ended; delete the line while it is in force or when its end is not known'],
    ['in_force_now: false', 'true when the sources say it is still in force (then no ended)'],
  ],
  allegation: [
    [`date: ${todo('YYYY-MM-DD')}`, 'when it is said to have happened; for something that went on, delete it and fill start and end'],
    [`# start: ${todo('YYYY-MM-DD')}`, 'a span: its first day (or month, or year)'],
    [`# end: ${todo('YYYY-MM-DD')}`, 'a span: its last day; leave it out while it goes on'],
  ],
});

const OWN: Readonly<Record<Kind, readonly (readonly [string, string?])[]>> = Object.freeze({
  event: [],
  treaty: [
    ['parties:', 'the parties, in the order the treaty names them'],
    [`  - ${todo('first party, e.g. Russian Federation')}`],
    [`  - ${todo('second party, e.g. Islamic Republic of Iran')}`],
    [`duration: ${todo('how long it was to last, e.g. 20 years, renewed every 5')}`, 'delete the line if the text does not say'],
    ['provisions:', 'what it provides, one line each, with its article where you have it'],
    [`  - ${todo('a provision (Art. 1)')}`],
  ],
  allegation: [
    [`status: ${todo('alleged, confirmed, denied or disputed')}`, 'where the claim stands today'],
    ['alleged_by:', 'who made the claim'],
    [`  - ${todo('who alleged it')}`],
    ['denied_by: []', 'who denied it: [Name, Name]'],
    ['confirmed_by: []', 'who confirmed it: [Name, Name]'],
    ['history:', 'how its status changed, oldest first'],
    [`  - date: ${todo('YYYY-MM-DD')}`],
    [`    status: ${todo('alleged, confirmed, denied or disputed')}`],
    [`    by: [${todo('who')}]`],
    [`    note: ${todo('what was said, and where')}`, 'delete the line if there is nothing to add'],
  ],
});

export function factTemplate({ kind, id, today, schema }: TemplateOptions): string {
  const rows: (readonly [string, string?])[] = [
    [`id: ${id}`, 'kebab-case and unique across the record; in a folder named after its kind, also the file name'],
    [`kind: ${kind}`],
    [`title: ${todo(kind === 'allegation' ? 'the claim as a neutral headline, attributed: Reported …, US says …' : 'a neutral headline')}`, 'as a reference book would title it'],
    ...DATES[kind],
    ['approximate: false', 'true when the date is only roughly known'],
    [`date_note: ${todo('calendars (Old Style, Solar Hijri) or sources that disagree')}`, 'delete the line if there is nothing to say'],
    [`summary: ${todo('two to four sentences in your own words, neutral')}`],
    ...OWN[kind],
    [`topics: [${todo('topic')}]`, 'from the vocabulary: rif topics lists them'],
    [`actors: [${todo('a person, state or body that took part')}]`],
    [`places: [${todo('where it happened')}]`],
    [`aliases: [${todo('another name or spelling a reader might search for')}]`],
    ['related: []', 'ids of other facts: [treaty-of-gulistan]'],
    ['quotes: []', 'words someone said: - text, speaker, date, note'],
    [`note: ${todo('caveats, or where the sources differ')}`, 'delete the line if there is nothing to say'],
    ['sources:', 'at least one; the best first (rif cite cites the first two)'],
    [`  - url: ${todo('https://… the page')}`],
    [`    title: ${todo("the page's own title, in its language and script")}`, 'in [brackets], a description of a page that shows none'],
    [`    title_en: ${todo('an English rendering of a title in another language')}`, 'delete the line if the title is English'],
    [`    publisher: ${todo('who published the page')}`],
    [`    published: ${todo('YYYY-MM-DD')}`, "the page's own date; delete the line if it has none"],
    [`    accessed: "${today}"`, 'when you checked the source against the fact'],
  ];
  return [
    `# yaml-language-server: $schema=${schema}`,
    `# A new ${kind} for rif. Replace each value in "<angle brackets>", delete the optional lines you do not need,`,
    '# then check the file with: rif validate FILE',
    ...lines(rows),
    '',
  ].join('\n');
}
