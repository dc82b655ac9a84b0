import { describe, expect, it } from 'vitest';
import { coarser, firstDay, formatPartialDate, lastDay, overlaps, parsePartialDate, parsePeriod, partialDateProblem } from '../src/dates.js';

describe('partial dates', () => {
  it.each(['1828', '1828-02', '1828-02-22', '2000-02-29', '0999-12-31'])('accepts %s and formats it back unchanged', (text) => {
    expect(partialDateProblem(text)).toBeUndefined();
    expect(formatPartialDate(parsePartialDate(text)!)).toBe(text);
  });

  it.each([
    ['2015-02-30', 'does not exist'],
    ['1900-02-29', 'does not exist'],
    ['2015-13', 'month 13'],
    ['2015-00-10', 'month 00'],
    ['2015-04-31', 'does not exist'],
    ['15', 'not a date'],
    ['1828-2-22', 'not a date'],
    ['1828-02-22T10:00', 'not a date'],
    ['', 'not a date'],
    ['x1828', 'not a date'],
    ['21828', 'not a date'],
    [' 1828', 'not a date'],
  ])('rejects %s (%s)', (text, why) => {
    expect(partialDateProblem(text)).toContain(why);
    expect(parsePartialDate(text)).toBeUndefined();
  });

  it.each([
    ['1828', 18280101, 18281231, 'year'],
    ['1828-02', 18280201, 18280229, 'month'],
    ['1900-02', 19000201, 19000228, 'month'],
    ['1828-02-22', 18280222, 18280222, 'day'],
  ])('%s covers %i to %i at %s precision', (text, lo, hi, precision) => {
    const date = parsePartialDate(text)!;
    expect([firstDay(date), lastDay(date), date.precision]).toEqual([lo, hi, precision]);
  });

  it('a span is known to its coarser end', () => {
    expect(coarser('day', 'month')).toBe('month');
    expect(coarser('year', 'day')).toBe('year');
    expect(coarser('day', 'day')).toBe('day');
  });
});

describe('periods', () => {
  it.each([
    ['2015', 20150101, 20151231],
    ['2015-07', 20150701, 20150731],
    ['1990s', 19900101, 19991231],
    ['19th-century', 18000101, 18991231],
    ['21st century', 20000101, 20991231],
    ['1st century', 101, 991231],
    [' 1990s ', 19900101, 19991231],
  ])('%s is %i to %i', (text, lo, hi) => {
    expect(parsePeriod(text)).toEqual({ lo, hi });
  });

  it.each(['199s', 'last year', '2015-13', '0th-century', '11990s', '1990sx', '119th century', 'x19th-century', '19th-centuryx'])(
    '%s is not a period',
    (text) => {
      expect(parsePeriod(text)).toBeUndefined();
    },
  );
});

describe('overlap', () => {
  it.each([
    [[18040622, 18131024], [18100101, Infinity], true],
    [[18040622, 18131024], [18140101, Infinity], false],
    [[18131024, 18131024], [18131024, 18131024], true],
    [[20221101, Infinity], [20250101, 20251231], true],
    [[18000101, 18001231], [18010101, 18011231], false],
  ])('%j and %j overlap: %s', (a, b, expected) => {
    const ra = { lo: a[0]!, hi: a[1]! };
    const rb = { lo: b[0]!, hi: b[1]! };
    expect(overlaps(ra, rb)).toBe(expected);
    expect(overlaps(rb, ra)).toBe(expected);
  });
});
