// Properties (fast-check) of the pure core: the date parser and range filter, and the loader.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { daysInMonth, firstDay, formatPartialDate, lastDay, overlaps, parsePartialDate, partialDateProblem, type DayRange } from '../src/dates.js';
import { boundsRange, factRange, rangePasses } from '../src/filter.js';
import { loadFacts, readVocabularies } from '../src/facts/load.js';
import { parseFactFile } from '../src/facts/parse-file.js';
import { parseFactText } from '../src/facts/parse.js';
import { BUNDLED_DIR } from '../src/paths.js';
import { romanize } from '../src/search/cyrillic.js';
import { toDoc } from '../src/search/doc.js';
import { SEARCH_FIELDS } from '../src/search/options.js';
import { parseQuery } from '../src/search/query.js';
import { search } from '../src/search/rank.js';
import { splitWords } from '../src/search/words.js';
import { memoryStore } from '../src/store/store.js';
import { tempDir } from './helpers.js';

/** The oracle for a month's length: the proleptic Gregorian calendar as UTC dates count it (a test may use Date; src may not). */
function oracleDays(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const year = fc.integer({ min: 0, max: 9999 });
const month = fc.integer({ min: 1, max: 12 });
/** a valid day-precision date, as text */
const dayText = fc.tuple(year, month, fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(d, oracleDays(y, m)), 2)}`);
/** a valid date at any precision, as text */
const dateText = fc.oneof(
  year.map((y) => pad(y, 4)),
  fc.tuple(year, month).map(([y, m]) => `${pad(y, 4)}-${pad(m, 2)}`),
  dayText,
);
/** a day range as the store keeps them: from a date's first day to another's last */
const dayRange: fc.Arbitrary<DayRange> = fc.tuple(dateText, dateText).map(([a, b]) => {
  const [x, y] = [parsePartialDate(a)!, parsePartialDate(b)!];
  return firstDay(x) <= lastDay(y) ? { lo: firstDay(x), hi: lastDay(y) } : { lo: firstDay(y), hi: lastDay(x) };
});

describe('dates (properties)', () => {
  it('every valid date parses and formats back to the same text', () => {
    fc.assert(fc.property(dateText, (text) => formatPartialDate(parsePartialDate(text)!) === text));
  });

  it('a YYYY-MM-DD text is accepted exactly when the calendar has that day', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const exists = m >= 1 && m <= 12 && d >= 1 && d <= oracleDays(y, m);
        return (partialDateProblem(text) === undefined) === exists && (parsePartialDate(text) !== undefined) === exists;
      }),
      { numRuns: 2000 },
    );
  });

  it('any other text is refused with a reason, never thrown on', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 14 }), (text) => {
        const valid = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text) && partialDateProblem(text) === undefined;
        return valid === (parsePartialDate(text) !== undefined) && (valid || typeof partialDateProblem(text) === 'string');
      }),
    );
  });

  it('a partial date expands to the first and last day it can mean', () => {
    fc.assert(
      fc.property(year, month, (y, m) => {
        const monthDate = parsePartialDate(`${pad(y, 4)}-${pad(m, 2)}`)!;
        const yearDate = parsePartialDate(pad(y, 4))!;
        return (
          firstDay(monthDate) === y * 10000 + m * 100 + 1 &&
          lastDay(monthDate) === y * 10000 + m * 100 + oracleDays(y, m) &&
          daysInMonth(y, m) === oracleDays(y, m) &&
          firstDay(yearDate) === y * 10000 + 101 &&
          lastDay(yearDate) === y * 10000 + 1231
        );
      }),
    );
  });

  it('overlap is symmetric, reflexive, and true exactly when some day lies in both ranges', () => {
    fc.assert(
      fc.property(dayRange, dayRange, (a, b) => {
        const both = Math.max(a.lo, b.lo);
        const inBoth = a.lo <= both && both <= a.hi && b.lo <= both && both <= b.hi;
        return overlaps(a, b) === overlaps(b, a) && overlaps(a, a) && overlaps(a, b) === inBoth;
      }),
    );
  });
});

describe('range filter (properties)', () => {
  const fact = (start: string, end: string | null) => ({ date: { start, end, precision: 'day' as const, approximate: false, note: null } });

  it('--from and --to are inclusive: a fact on either bound passes, one a day outside does not', () => {
    fc.assert(
      fc.property(dayText, dayText, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const filter = { ranges: [boundsRange(from, to)] };
        const inside = rangePasses(factRange(fact(from, from)), filter) && rangePasses(factRange(fact(to, to)), filter);
        const range = factRange(fact(from, to));
        return inside && rangePasses(range, filter) && !rangePasses({ lo: range.hi + 1, hi: range.hi + 1 }, { ranges: [{ lo: range.lo, hi: range.hi }] });
      }),
    );
  });

  it('a coarse bound covers its whole period: --to 1828 keeps all of 1828, --from 1828-02 all of February', () => {
    fc.assert(
      fc.property(year, month, (y, m) => {
        const to = boundsRange(undefined, pad(y, 4));
        const from = boundsRange(`${pad(y, 4)}-${pad(m, 2)}`, undefined);
        return to.hi === y * 10000 + 1231 && to.lo === -Infinity && from.lo === y * 10000 + m * 100 + 1 && from.hi === Infinity;
      }),
    );
  });

  it('a span that has not ended passes every filter that starts after it began', () => {
    fc.assert(
      fc.property(dayText, dayText, (start, later) => {
        fc.pre(later >= start);
        return rangePasses(factRange(fact(start, null)), { ranges: [boundsRange(later, undefined)] });
      }),
    );
  });
});

describe('loader (properties)', () => {
  const vocabulary = readVocabularies([join(BUNDLED_DIR, 'topics.yaml')], []);
  const ctx = { file: '/facts/x.yaml', vocabulary };
  const isIssue = (issue: { code: string; file: string; line: number; col: number; message: string }) =>
    /^RIF\d{3}$/.test(issue.code) && issue.line >= 1 && issue.col >= 1 && issue.message.length > 0 && !issue.message.includes('\n');

  it('any bytes in a fact file give facts or coded issues with a position, and nothing is thrown', () => {
    const dir = tempDir();
    let n = 0;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const file = join(dir, `f${n++}.yaml`);
        writeFileSync(file, bytes);
        const result = loadFacts({ bundledDir: BUNDLED_DIR, includeBundled: false, userPaths: [file], cwd: undefined });
        return result.issues.every(isIssue) && result.facts.length + result.issues.length > 0;
      }),
      { numRuns: 300 },
    );
  });

  it('any text made of YAML punctuation gives facts or coded issues, and the fast path agrees with the exact parser', () => {
    const yamlish = fc.string({ unit: fc.constantFrom(...'{}[]:-,&*!|>\'"%@`#? \n\tabc1\u00a0\ufeff'), maxLength: 120 });
    fc.assert(
      fc.property(yamlish, (text) => {
        const exact = parseFactText(text, ctx);
        const fast = parseFactFile(text, ctx, () => text);
        return (
          exact.issues.every(isIssue) &&
          fast.issues.every(isIssue) &&
          JSON.stringify(fast.entries.map((e) => e.fact)) === JSON.stringify(exact.entries.map((e) => e.fact))
        );
      }),
      { numRuns: 500 },
    );
  });

  it('a valid fact with any one field replaced by any value is accepted or refused alike by both parsers', () => {
    const base = {
      id: 'sample-fact',
      kind: 'event',
      title: 'Sample',
      start: '1828-02-22',
      summary: 'A sample fact.',
      topics: ['war'],
      actors: ['Russian Empire'],
      sources: [{ url: 'https://example.org/a', publisher: 'Example' }],
    };
    expect(parseFactText(stringify(base), ctx)).toMatchObject({ issues: [], entries: [{ fact: { id: 'sample-fact' } }] });
    const field = fc.constantFrom(...Object.keys(base), 'end', 'status', 'related', '__proto__', 'constructor', 'toString');
    fc.assert(
      fc.property(field, fc.jsonValue({ maxDepth: 3 }), (key, value) => {
        const text = stringify({ ...base, [key]: value });
        const exact = parseFactText(text, ctx);
        const fast = parseFactFile(text, ctx, () => text);
        const same = JSON.stringify(fast.entries.map((e) => e.fact)) === JSON.stringify(exact.entries.map((e) => e.fact));
        return same && exact.issues.every(isIssue) && (exact.entries.length === 1) === (exact.issues.length === 0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('search (properties)', () => {
  const { facts, vocabulary } = loadFacts({ bundledDir: BUNDLED_DIR, includeBundled: true, userPaths: [], cwd: BUNDLED_DIR });
  const store = memoryStore(facts, vocabulary, []);
  const found = async (query: string) => new Set((await search(store, parseQuery(query))).hits.map((h) => h.index));
  const docs = facts.map(toDoc);
  /** every word of every field of every fact, as the index splits them, with the fact that holds it */
  const words = docs.flatMap((doc, fact) =>
    SEARCH_FIELDS.flatMap((field) => {
      const value = doc[field.name];
      return (typeof value === 'string' ? [value] : value).flatMap((text) => splitWords(text).whole.map((word) => ({ fact, field: field.name, word })));
    }),
  );

  it('any word of any field of a fact, searched alone, finds that fact among every result', async () => {
    expect(words.length).toBeGreaterThan(100_000);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: words.length - 1 }), async (k) => {
        const { fact, field, word } = words[k]!;
        // a word the query syntax would read as a scope or an exclusion (page:eb1911, -1) is typed in quotes
        const typed = /[:"]|^-/.test(word) ? `"${word}"` : word;
        expect((await found(typed)).has(fact), `${typed} (${field} of ${facts[fact]!.id})`).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  const cyrillic = fc.string({
    unit: fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ'.split('')),
    minLength: 2,
    maxLength: 12,
  });
  /** Cyrillic words of the facts: their aliases and the titles of their sources */
  const russian = [...new Set(facts.flatMap((f) => [...f.aliases, ...f.sources.map((s) => s.title ?? '')]).flatMap((t) => t.match(/[\u0400-\u04ff]+/g) ?? []))];

  it('a query in Cyrillic finds what its Latin transliteration finds', async () => {
    expect(russian.length).toBeGreaterThan(50);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(cyrillic, fc.constantFrom(...russian)), { minLength: 1, maxLength: 3 }), async (query) => {
        const text = query.join(' ');
        expect([...(await found(text))].sort()).toEqual([...(await found(romanize(text).text))].sort());
      }),
      { numRuns: 150 },
    );
  });
});

describe('letters and numbers of any script (properties)', () => {
  // any code point, and text mixing the scripts and marks of the record
  const char = fc.oneof(
    fc.constantFrom(...'aZ09 -–.,«»\'"ßéЁё€шاى۱٣ـًّ\u0301\u200c\u{1d400}\u{1f600}\ud800'),
    fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  );
  const text = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));

  it('trimMarks, wordParts and isWordOnly say what the \\p{L} and \\p{N} patterns say', async () => {
    const { isWordOnly, trimMarks, wordParts } = await import('../src/search/chars.js');
    fc.assert(
      fc.property(text, (t) => {
        expect(trimMarks(t)).toBe(t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
        expect(wordParts(t)).toEqual(t.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
        expect(isWordOnly(t)).toBe(/^[\p{L}\p{N}]+$/u.test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('isLetter, isNumber and some agree with the patterns, code point by code point', async () => {
    const { isLetter, isNumber, some } = await import('../src/search/chars.js');
    fc.assert(
      fc.property(text, (t) => {
        expect(some(t, isLetter)).toBe(/\p{L}/u.test(t));
        expect(some(t, isNumber)).toBe(/\p{N}/u.test(t));
      }),
      { numRuns: 3000 },
    );
    for (const c of [0x41, 0x5a, 0x61, 0x7a, 0x30, 0x39, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x0451, 0x06f1, 0xd800, 0x1d400]) {
      expect(isLetter(c), c.toString(16)).toBe(/\p{L}/u.test(String.fromCodePoint(c)));
    }
  });
});

describe('closeness (properties)', () => {
  it('reads the words of ASCII text by its patterns as the word splitter does: the same terms at the same positions', async () => {
    const { bitsAt, termsAt, termWords } = await import('../src/search/closeness.js');
    const words = ['fuel', 'bushehr', 'plant', 'russia', 'russian', 's', '300', 's-300', 'shahed', '136', 'a'];
    const terms = termWords([new Set(['fuel']), new Set(['bushehr', 'russia', 'russian']), new Set(['300', 's-300']), new Set(['shahed', 'a'])]);
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...'-.,;:()[]"\'/&%$# \t\n'.split('')), fc.constantFrom('Fuel', 'BUSHEHR', 'x', '9'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(bitsAt(text, terms)).toEqual(termsAt(text, terms).map((p) => p.terms));
      }),
      { numRuns: 3000 },
    );
  });

  it('passes over a text only when it holds the words of fewer terms than can count (one; two of several), which then add nothing', async () => {
    const { bitsAt, closeness, holdsTerms, termWords } = await import('../src/search/closeness.js');
    const words = ['fuel', 'fuels', 'bushehr', 'russia', 'russian', '300', 's-300', 'a', 'c++', 'u.s'];
    const terms = termWords([new Set(['fuel', 'fuels']), new Set(['bushehr', 'russia', 'russian']), new Set(['300', 's-300', 'c++']), new Set(['a', 'u.s'])]);
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...'-.,;:()[]"\'/&+ \t'.split('')), fc.constantFrom('Fuel', 'RUSSIANS', 'x', '9'));
    const distinct = (bits: readonly number[]) => {
      let all = 0;
      for (const b of bits) all |= b;
      return all.toString(2).replace(/0/g, '').length;
    };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        // sound: a text passed over holds fewer than two terms where the words are split
        if (!holdsTerms(text.toLowerCase(), terms.held, 2)) expect(distinct(bitsAt(text, terms))).toBeLessThan(2);
        if (!holdsTerms(text.toLowerCase(), terms.held, 1)) expect(distinct(bitsAt(text, terms))).toBe(0);
        // and a text that holds none adds nothing beyond what the id adds
        const doc = {
          id: 'x',
          title: text,
          aliases: [],
          actors: [],
          places: [],
          years: '',
          topics: [],
          summary: text,
          quotes: [],
          provisions: [],
          notes: [],
          sources: [],
        };
        if (distinct(bitsAt(text, terms)) < 2) expect(closeness(doc, terms)).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });
});
