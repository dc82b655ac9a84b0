// The bundled corpus as a product: its size, its span, its vocabulary, and what it must cover (issue 3).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../src/facts/load.js';
import { FIXTURES, rifJson, ROOT } from './helpers.js';
import { nearDuplicateNames } from './near-names.js';

interface Subject {
  subject: string;
  facts: string[];
}

const subjects = parse(readFileSync(join(FIXTURES, 'coverage.yaml'), 'utf8')) as Subject[];
const { facts, vocabulary, issues } = loadFacts({ bundledDir: join(ROOT, 'facts'), includeBundled: true, userPaths: [], cwd: ROOT });
const byId = new Map(facts.map((f) => [f.id, f]));
const year = (date: string) => Number(date.slice(0, 4));

describe('the bundled corpus', () => {
  it('loads without problems', () => {
    expect(issues).toEqual([]);
  });

  it('holds at least 300 facts: at least 60 treaties and agreements and 30 allegations', () => {
    const count = (kind: string) => facts.filter((f) => f.kind === kind).length;
    expect(facts.length).toBeGreaterThanOrEqual(300);
    expect(count('treaty')).toBeGreaterThanOrEqual(60);
    expect(count('allegation')).toBeGreaterThanOrEqual(30);
  });

  // an era's floor holds whichever era a boundary year (1917, 1991) is counted in
  it.each([
    ['before 1800', 0, 1799, 25],
    ['1800-1917', 1800, 1916, 50],
    ['1917-1991', 1918, 1990, 65],
    ['1991-2021', 1992, 2021, 80],
    ['2022 to now', 2022, 9999, 75],
  ])('holds at least the floor of facts starting %s', (_, from, to, floor) => {
    expect(facts.filter((f) => year(f.date.start) >= from && year(f.date.start) <= to).length).toBeGreaterThanOrEqual(floor);
  });

  it('every source is citable: a title, a publisher and the date it was checked', () => {
    for (const f of facts) {
      for (const s of f.sources) expect([s.title, s.publisher, s.accessed].every(Boolean), `${f.id}: ${s.url}`).toBe(true);
    }
  });

  it('says how current it is: no fact starts after the date in facts/record.yaml', () => {
    const asOf = /^as_of: "(\d{4}-\d{2}-\d{2})"$/m.exec(readFileSync(join(ROOT, 'facts', 'record.yaml'), 'utf8'))![1]!;
    expect(facts.filter((f) => f.date.start > asOf).map((f) => f.id)).toEqual([]);
    // and the date is earned: the latest fact starts within a month of it
    const last = facts
      .map((f) => f.date.start)
      .sort()
      .at(-1)!;
    expect(Date.parse(asOf) - Date.parse(last)).toBeLessThanOrEqual(31 * 86_400_000);
  });

  it('docs/coverage.md names only facts that exist, and every fact of the record', () => {
    const text = readFileSync(join(ROOT, 'docs', 'coverage.md'), 'utf8');
    const rows = text.split('\n').filter((l) => /^\| \d{4}/.test(l));
    const named = new Set<string>();
    for (const row of rows) {
      const last = row.slice(0, -1).split('|').at(-1)!.trim();
      const ids = [...last.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!);
      // each item names the fact that holds it, or says why it is left out
      expect(ids.length > 0 || /^left out/i.test(last), row).toBe(true);
      for (const id of ids) named.add(id);
    }
    expect([...named].filter((id) => !byId.has(id))).toEqual([]);
    expect(facts.filter((f) => !named.has(f.id)).map((f) => f.id)).toEqual([]);
  });

  it('runs from the 16th century to 2026, with no gap over 25 years from 1700 on', () => {
    const starts = [...new Set(facts.map((f) => year(f.date.start)))].sort((a, b) => a - b);
    expect(starts[0]).toBeLessThan(1600);
    expect(starts.at(-1)).toBe(2026);
    const gaps = starts
      .filter((y) => y >= 1700)
      .map((y, i, all) => [all[i - 1] ?? y, y] as const)
      .filter(([a, b]) => b - a > 25);
    expect(gaps).toEqual([]);
  });

  it('uses every topic at least 3 times, and no topic outside the vocabulary', () => {
    const uses = new Map([...vocabulary.keys()].map((t) => [t, 0]));
    for (const f of facts) for (const t of f.topics) uses.set(t, (uses.get(t) ?? 0) + 1);
    expect([...uses].filter(([, n]) => n < 3)).toEqual([]);
    expect(uses.size).toBe(vocabulary.size);
  });

  it('every allegation names who alleged it; every treaty cites two sources', () => {
    for (const f of facts) {
      if (f.kind === 'allegation') expect(f.alleged_by.length, f.id).toBeGreaterThan(0);
      if (f.kind === 'treaty') expect(f.sources.length, f.id).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('one spelling per actor', () => {
  /** Every name a list gives: actors, parties, who alleged, denied or confirmed, and who spoke in the history. */
  const names = facts.flatMap((f) => [
    ...f.actors,
    ...(f.kind === 'treaty' ? f.parties : []),
    ...(f.kind === 'allegation' ? [...f.alleged_by, ...f.denied_by, ...f.confirmed_by, ...f.history.flatMap((h) => h.by)] : []),
  ]);

  it('no two names in the record look like one actor written two ways', () => {
    expect(names.length).toBeGreaterThan(1000);
    expect(nearDuplicateNames(names)).toEqual([]);
  });

  it.each([
    ['a transliteration', ['Dmitry Polyanskiy', 'Dmitry Polyansky (Russia, deputy ambassador to the UN)']],
    ['a doubled letter', ['Vasily Nebenzia', 'Vassily Nebenzia']],
    ['ei and ey', ['Alexei Miller', 'Alexey Miller']],
    ['gh and q', ['Aqa Mohammad Khan Qajar', 'Agha Mohammad Khan Qajar']],
    ['a hyphen', ['Ali Bahadori Jahromi', 'Ali Bahadori-Jahromi']],
    ['a space', ['Mohammad Reza Farzin', 'Mohammadreza Farzin']],
    ['an apostrophe', ["Sho'a' al-Saltaneh", "Sho'a al-Saltaneh"]],
    ['a title', ['Elizabeth Petrovna', 'Empress Elizabeth Petrovna']],
    ['case in a description', ['Sergei Ryabkov (Russian Deputy Foreign Minister)', 'Sergei Ryabkov (Russian deputy foreign minister)']],
    ['of a place', ['Tudeh Party', 'Tudeh Party of Iran']],
    ['initials', ['IAEA', 'International Atomic Energy Agency']],
    ['initials of some words', ['UN Security Council', 'United Nations Security Council']],
    ['a body named two ways', ['Russian Foreign Ministry', 'Ministry of Foreign Affairs of the Russian Federation']],
    ['a state department', ['US State Department (spying capability only)', 'US Department of State']],
  ])('flags %s: %j', (_, pair) => expect(nearDuplicateNames(pair)).toHaveLength(1));

  it.each([
    ['regnal numbers', ['Nicholas I', 'Nicholas II', 'Ivan III', 'Ivan IV', 'Ivan VI']],
    ['a name inside another', ['Iran', 'Iran Air', 'Iran Air Cargo', 'Gazprom', 'Gazprom Neft']],
    ['two ministries of one state', ['Russian Ministry of Defence', 'Russian Ministry of Finance']],
    ['names one letter apart that are two people', ['John Kerry', 'John Kirby', 'Reza Khan', 'Reza Shah Pahlavi']],
    ['one actor with what each list adds', ['Dmitry Peskov', 'Dmitry Peskov (Kremlin spokesman)', 'Reuters, citing Russian and Iranian sources']],
    ['a parent body in brackets', ['Iran Hormoz Company', 'Iran Hormoz Company (AEOI)']],
  ])('does not flag %s', (_, names) => expect(nearDuplicateNames(names)).toEqual([]));
});

describe('coverage of the subjects the corpus must include', () => {
  it.each(subjects.map((s) => [s.subject, s.facts] as const))('%s', (_, ids) => {
    expect(ids.filter((id) => !byId.has(id))).toEqual([]);
  });
});

describe('names and transliterations readers type find the fact first', () => {
  it.each([
    ['Turkmenchay', 'treaty-of-turkmenchay'],
    ['Torkamanchay', 'treaty-of-turkmenchay'],
    ['Turkmanchai', 'treaty-of-turkmenchay'],
    ['Golestan', 'treaty-of-gulistan'],
    ['Gulistan', 'treaty-of-gulistan'],
    ['JCPOA', 'jcpoa-2015'],
    ['INSTC', 'instc-agreement-2000'],
    ['Resht treaty', 'treaty-of-resht-1732'],
    ['Gyandzha', 'treaty-of-ganja-1735'],
    ['Geran-2', 'iranian-drones-to-russia'],
    ['SCO', 'iran-joins-sco-2023'],
    // native script: Russian in Cyrillic, Persian in Persian letters
    ['Туркманчай', 'treaty-of-turkmenchay'],
    ['Гюлистанский договор', 'treaty-of-gulistan'],
    ['Бушерская АЭС', 'bushehr-completion-contract-1995'],
    ['СВПД', 'jcpoa-2015'],
    ['Герань-2', 'iranian-drones-to-russia'],
    ['Тегеранская конференция', 'tehran-conference-1943'],
    ['Грибоедов', 'griboyedov-embassy-massacre'],
    ['Мехабадская республика', 'republic-of-mahabad-1946'],
    ['ترکمانچای', 'treaty-of-turkmenchay'],
    ['عهدنامه گلستان', 'treaty-of-gulistan'],
    ['نیروگاه اتمی بوشهر', 'bushehr-completion-contract-1995'],
    ['برجام', 'jcpoa-2015'],
    ['شاهد ۱۳۶', 'iranian-drones-to-russia'],
    ['حزب توده', 'tudeh-party-founded-1941'],
    ['پیمان آخال', 'treaty-of-akhal'],
    ['کنوانسیون آکتائو', 'caspian-sea-convention-2018'],
    // Persian typed with the Arabic letter forms ي and ك still finds it
    ['تركمانچاي', 'treaty-of-turkmenchay'],
  ])('%s', async (query, id) => {
    const hits = await rifJson<{ id: string }[]>(['search', query, '--limit', '3']);
    expect(hits.map((h) => h.id)).toContain(id);
  });

  it('IRGC finds facts about the IRGC', async () => {
    const hits = await rifJson<{ actors: string[]; aliases: string[] }[]>(['search', 'IRGC', '--limit', '3']);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect([...h.actors, ...h.aliases].join(' ')).toMatch(/IRGC|Revolutionary Guard/);
  });
});
