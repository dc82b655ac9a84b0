// What issue 16 asked of search, as a user runs it on the bundled facts: every word a fact shows, word
// forms, figures, questions, Cyrillic, the query syntax and the way out of a dead end.
import { describe, expect, it } from 'vitest';
import { rif, rifJson } from './helpers.js';

const ids = async (query: string, ...flags: string[]) => (await rifJson<{ id: string }[]>(['search', query, ...flags])).map((r) => r.id);

describe('words that rif show prints are searched', () => {
  it.each([
    ['primakov', 'russian-missile-technology-allegations-1997'], // a denier
    ['yeltsin', 'russian-missile-technology-allegations-1997'], // the allegation he denied
    ['capitulations', 'soviet-iranian-treaty-of-friendship-1921'], // a provision
    ['fsb', 'russian-missile-technology-allegations-1997'],
    ['c4ads', 'alabuga-drone-factory'], // a note and a source's publisher
    ['tass', 'tass-bureau-closed-1983'],
    ['kurur', 'treaty-of-turkmenchay'],
  ])('%s finds %s', async (query, id) => {
    expect(await ids(query, '--all')).toContain(id);
  });

  it('a match in the title outranks one in a source title', async () => {
    const [first] = await ids('tass');
    expect(first).toBe('tass-bureau-closed-1983');
  });

  it('one word in the titles of several facts puts the fact it is the subject of first, ahead on score', async () => {
    // both titles and both alias lists hold Shahed ("Shahed-136" on both); the deal's id says it is its subject
    const hits = await rifJson<{ id: string; score: number }[]>(['search', 'shahed', '--limit', '2']);
    expect(hits.map((h) => h.id)).toEqual(['shahed-drone-deal-2022', 'eu-uk-sanctions-iranian-drones-2022']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });
});

describe('word forms, joined names, model numbers and figures', () => {
  it.each([
    ['vote', 'votes'],
    ['delivered', 'delivering'],
    ['hand over', 'handover'],
    ['abbasmirza', 'abbas mirza'],
    ['s300', 's-300'],
    ['s 300', 's-300'],
    ['su35', 'su-35'],
    ['mig29', 'mig-29'],
    ['shahed136', 'shahed-136'],
    ['1.7 bn', '$1.7 billion'],
  ])('%j finds what %j finds first', async (a, b) => {
    const [best] = await ids(b);
    expect(await ids(a, '--limit', '3')).toContain(best);
  });

  it.each([
    ['20 million roubles', 'treaty-of-turkmenchay'],
    ['$800 million s-300', 's-300-contract-2007'],
    ['25 billion reactors', 'iran-hormoz-nuclear-plant-agreement-2025'],
    ['48 su-35s', 'su-35-deal-reports'],
  ])('the figure in %j finds %s in the top 3', async (query, id) => {
    expect(await ids(query, '--limit', '3')).toContain(id);
  });

  it.each([
    ['when did russia hand over bushehr', 'bushehr-handover-2013'],
    ['did russia vote for un sanctions on iran', 'un-sanctions-resolutions-2006-2010'],
  ])('the question %j puts %s first', async (query, id) => {
    expect((await ids(query))[0]).toBe(id);
  });
});

describe('other scripts', () => {
  it.each([
    ['Примаков', 'primakov'],
    ['Молотов', 'molotov'],
    ['Шахед', 'shakhed'],
  ])('%s finds what %s finds, in the same order', async (cyrillic, latin) => {
    const found = await ids(cyrillic, '--all');
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(await ids(latin, '--all'));
  });

  it('Шахед finds the Shahed drone deal', async () => {
    expect(await ids('Шахед', '--limit', '3')).toContain('shahed-drone-deal-2022');
  });

  it('a Persian name that no alias carries finds nothing, and says so', async () => {
    expect(await rif(['search', 'سلیمانی'])).toMatchObject({ code: 1, stdout: '' });
  });
});

describe('the query syntax', () => {
  it('"a phrase" finds its words together; the words apart are not enough', async () => {
    const phrase = await ids('"drone deal"', '--all');
    expect(phrase).toContain('shahed-drone-deal-2022');
    const apart = await ids('deal drone', '--all');
    expect(apart.length).toBeGreaterThan(phrase.length);
  });

  it('-word leaves out the facts that hold it', async () => {
    const all = await ids('bushehr', '--all');
    const without = await ids('bushehr -fuel', '--all');
    expect(all).toContain('bushehr-fuel-loading-2010');
    expect(without).not.toContain('bushehr-fuel-loading-2010');
    expect(without.length).toBeGreaterThan(0);
  });

  it.each([
    ['actor:primakov', (r: Record<string, unknown>) => JSON.stringify(r).includes('Primakov')],
    ['place:tabriz', (r: Record<string, unknown>) => (r['places'] as string[]).some((p) => /tabriz/i.test(p))],
    ['source:tass', (r: Record<string, unknown>) => JSON.stringify(r['sources']).toLowerCase().includes('tass')],
    ['kind:treaty caspian', (r: Record<string, unknown>) => r['kind'] === 'treaty'],
    ['status:denied', (r: Record<string, unknown>) => r['status'] === 'denied'],
    ['topic:nuclear bushehr', (r: Record<string, unknown>) => (r['topics'] as string[]).includes('nuclear')],
    ['year:1828', (r: Record<string, unknown>) => String((r['date'] as { start: string }).start) <= '1828-12-31'],
    ['caspian -kind:event', (r: Record<string, unknown>) => r['kind'] !== 'event'],
  ])('%s returns only facts that pass it', async (query, holds) => {
    const records = await rifJson(['search', query, '--all']);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(holds(r), String(r['id'])).toBe(true);
  });

  it('a query of filters alone lists what passes, in date order', async () => {
    const records = await rifJson<{ id: string; signed: string }[]>(['search', 'kind:treaty year:1828']);
    expect(records.map((r) => r.id)).toEqual(['treaty-of-turkmenchay', 'turkmenchay-commercial-treaty-1828']);
  });

  it('a word with - in a pipeline of flags is an unknown option, with a hint', async () => {
    const out = await rif(['search', 'drones', '-ukraine']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/unknown option '-ukraine'.*put the query after --/);
  });
});

describe('a dead end', () => {
  it('says which flag left out how many facts', async () => {
    expect(await rif(['search', 'griboyedov', '--kind', 'treaty', '--from', '1900'])).toMatchObject({
      code: 1,
      stderr: 'rif: no facts match "griboyedov"; 1 fact matches without --from 1900\n',
    });
  });

  it('says which scope and which left-out word', async () => {
    const out = await rif(['search', 'griboyedov kind:treaty -turkmenchay']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/facts? match(es)? without kind:treaty.*facts? match(es)? without -turkmenchay/);
  });

  it('suggests the nearest indexed words', async () => {
    expect((await rif(['search', 'moltof'])).stderr).toBe('rif: no facts match "moltof"; did you mean molotov, bolton?\n');
  });
});
