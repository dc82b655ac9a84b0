import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/dates.js';
import { boundsRange, matchesFilter, rangePasses, type Filter } from '../src/filter.js';
import { parseFactText } from '../src/facts/parse.js';
import type { Fact } from '../src/facts/types.js';
import { sortHits } from '../src/sort.js';

const vocabulary = new Map([
  ['war', ''],
  ['nuclear', ''],
  ['trade', ''],
  ['territory', ''],
]);
const src = 'sources: [{ url: "https://example.org/s", publisher: P }]';
const text = `
- { id: war-1804, kind: event, title: War of 1804, start: "1804-06-22", end: "1813-10-24", summary: a, topics: [war, territory], actors: [Russian Empire, Qajar Iran], ${src} }
- { id: gulistan, kind: treaty, title: Gulistan, signed: "1813-10-24", summary: b, topics: [territory], parties: [Russian Empire, Qajar Iran], actors: [Nikolai Rtishchev], ${src} }
- { id: drones, kind: allegation, title: Drones, start: "2022-07", summary: c, topics: [war], status: confirmed, alleged_by: [US], actors: [IRGC], ${src} }
- { id: deal, kind: allegation, title: Deal, date: "2022", summary: d, status: alleged, alleged_by: [Reporters], ${src} }
- { id: bushehr, kind: event, title: Bushehr, date: "2013-09-23", summary: e, topics: [nuclear], actors: [Rosatom], ${src} }
`;
const facts: Fact[] = parseFactText(text, { file: 'f.yaml', vocabulary }).entries.map((e) => e.fact);
const ids = (filter: Filter) => facts.filter((f) => matchesFilter(f, filter)).map((f) => f.id);

describe('filters', () => {
  it('parsed the test facts', () => expect(facts).toHaveLength(5));

  it.each([
    ['--from 1810 matches the 1804-1813 war by overlap', { ranges: [boundsRange('1810', undefined)] }, ['war-1804', 'gulistan', 'drones', 'deal', 'bushehr']],
    ['--to 1813-10-23 stops a day before Gulistan', { ranges: [boundsRange(undefined, '1813-10-23')] }, ['war-1804']],
    ['--from and --to are inclusive to the day', { ranges: [boundsRange('1813-10-24', '1813-10-24')] }, ['war-1804', 'gulistan']],
    ['--to a month includes its last day', { ranges: [boundsRange(undefined, '1813-10')] }, ['war-1804', 'gulistan']],
    ['an open span reaches the present', { ranges: [parsePeriod('2025')!] }, ['drones']],
    ['--in 1990s matches nothing from then', { ranges: [parsePeriod('1990s')!] }, []],
    ['--in 19th-century', { ranges: [parsePeriod('19th-century')!] }, ['war-1804', 'gulistan']],
    ['--topic is any of the topics', { topics: ['nuclear', 'territory'] }, ['war-1804', 'gulistan', 'bushehr']],
    ['--kind', { kinds: ['allegation'] }, ['drones', 'deal']],
    ['--status only ever matches allegations', { statuses: ['alleged'] }, ['deal']],
    ['--actor is a case-insensitive substring', { actor: 'qajar' }, ['war-1804', 'gulistan']],
    ['--actor also searches treaty parties', { actor: 'russian emp' }, ['war-1804', 'gulistan']],
    ['--actor matches people', { actor: 'RTISH' }, ['gulistan']],
    ['every range must hold (--from/--to with --in)', { ranges: [boundsRange('1800', '1900'), parsePeriod('2022')!] }, []],
    ['filters combine', { kinds: ['event'], topics: ['war'], ranges: [boundsRange('1800', '1900')] }, ['war-1804']],
  ] as [string, Filter, string[]][])('%s', (_, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});

describe('range predicate', () => {
  it('no ranges lets every fact pass', () => {
    expect(rangePasses({ lo: 18280222, hi: 18280222 }, {})).toBe(true);
    expect(rangePasses({ lo: 18280222, hi: 18280222 }, { ranges: [] })).toBe(true);
  });
});

describe('sorting', () => {
  const hits = facts.map((fact, i) => ({ fact, score: [0.2, 0.9, 0.5, 0.5, 0.1][i]!, titleMatches: [] }));
  it.each([
    ['date', false, ['war-1804', 'gulistan', 'bushehr', 'deal', 'drones']],
    ['date', true, ['drones', 'deal', 'bushehr', 'gulistan', 'war-1804']],
    ['relevance', false, ['gulistan', 'deal', 'drones', 'war-1804', 'bushehr']],
    ['title', false, ['bushehr', 'deal', 'drones', 'gulistan', 'war-1804']],
  ] as const)('by %s (reversed: %s)', (key, reverse, expected) => {
    expect(sortHits(hits, key, reverse).map((h) => h.fact.id)).toEqual(expected);
  });
});
