import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../src/facts/load.js';
import { buildIndex, queryWords, search } from '../src/search/index.js';
import { ROOT } from './helpers.js';

const { facts } = loadFacts({ bundledDir: join(ROOT, 'facts'), includeBundled: true, userPaths: [] });
const index = buildIndex(facts);
const top = (q: string, n = 1) => search(index, q).slice(0, n).map((h) => h.fact.id);

describe('search ranking on the bundled facts', () => {
  it.each([
    ['bushher', /bushehr/],
    ['turkmanchai', /^treaty-of-turkmenchay$/],
    ['torkamanchay', /^treaty-of-turkmenchay$/],
    ['golestan', /^treaty-of-gulistan$/],
    ['griboedov', /griboyedov/],
    ['Geran-2', /drone/],
    ['JCPOA', /^jcpoa-2015$/],
  ])('"%s" puts the right fact first', (q, expected) => {
    expect(top(q)[0]).toMatch(expected);
  });

  it('scores are between 0 and 1 and sorted best first', () => {
    const hits = search(index, 'caspian');
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0);
    for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('a near-miss word is not a match: "shahed" does not find every fact naming a Shah', () => {
    const ids = search(index, 'shahed').map((h) => h.fact.id);
    expect(ids.every((id) => /drone|shahed|alabuga/.test(id) || facts.find((f) => f.id === id)!.aliases.join(' ').includes('Shahed'))).toBe(true);
  });

  it('marks where the title matched', () => {
    const hit = search(index, 'gulistan').find((h) => h.fact.id === 'treaty-of-gulistan')!;
    expect(hit.titleMatches.length).toBeGreaterThan(0);
    const [a, b] = hit.titleMatches[0]!;
    expect(hit.fact.title.slice(a, b + 1).toLowerCase()).toContain('gulistan');
  });

  it('a short word must match exactly: "lst" is not "Gulistan" with a typo', () => {
    expect(search(index, 'lst')).toEqual([]);
    expect(top('yak')[0]).toBe('yak-130-delivery-2023');
  });

  it('nonsense finds nothing', () => {
    expect(search(index, 'qqqzzzxxx')).toEqual([]);
  });
});

describe('query words', () => {
  it.each([
    ['What was the Shahed drone deal?', ['shahed', 'drone', 'deal']],
    ['us withdrawal from the nuclear deal', ['withdrawal', 'nuclear', 'deal']],
    ['the', ['the']],
    ['  S-300, ', ['s-300']],
    ['ك ي', ['ک', 'ی']],
  ])('%j → %j', (q, words) => {
    expect(queryWords(q)).toEqual(words);
  });
});
