import { describe, expect, it } from 'vitest';
import { makeChalk } from '../src/render/color.js';
import { factColumns } from '../src/render/hits.js';
import { renderTable, truncate } from '../src/render/table.js';
import { visible } from '../src/control.js';
import stringWidth from 'string-width';
import { width, wrap } from '../src/render/text.js';

describe('wrap', () => {
  it.each([
    ['a b c', 3, ['a b', 'c']],
    ['Treaty of Turkmenchay', 10, ['Treaty of', 'Turkmencha', 'y']],
    ['treaty-of-turkmenchay', 12, ['treaty-of-', 'turkmenchay']],
    ['one\ntwo three', 20, ['one', 'two three']],
    ['', 5, ['']],
    ['日本語の条約', 6, ['日本語', 'の条約']],
  ])('%j at %i columns → %j', (text, max, lines) => {
    const out = wrap(text, max);
    expect(out.map((l) => l.text)).toEqual(lines);
    for (const l of out) expect(width(l.text)).toBeLessThanOrEqual(max);
  });

  it('keeps every character, and each line knows where it starts', () => {
    const text = 'Reported 2022 Russia-Iran deal for Shahed drones and its price';
    for (const max of [4, 7, 13, 30]) {
      const lines = wrap(text, max);
      expect(
        lines
          .map((l) => l.text)
          .join('')
          .replace(/[\s-]/g, ''),
      ).toBe(text.replace(/[\s-]/g, ''));
      for (const l of lines) expect(text.slice(l.offset, l.offset + l.text.length)).toBe(l.text);
    }
  });
});

describe('renderTable', () => {
  const columns = factColumns(['date', 'kind', 'id', 'title']);
  const cells = [
    ['1804-06 – 1813-10-24', 'event', 'russo-persian-war-1804-1813', 'Russo-Persian War of 1804-1813, fought over Georgia and the khanates'],
    ['1813-10-24', 'treaty', 'treaty-of-gulistan', 'Treaty of Gulistan'],
  ];
  const table = (width: number, wrap: boolean) => renderTable(columns, cells, { chalk: makeChalk(0), width, wrap });

  it('compact: one line per row, free text cut with …, ids, dates and headers whole', () => {
    expect(table(80, false)).toBe(
      [
        'date                  kind    id                           title',
        '────────────────────  ──────  ───────────────────────────  ─────────────────────',
        '1804-06 – 1813-10-24  event   russo-persian-war-1804-1813  Russo-Persian War of…',
        '1813-10-24            treaty  treaty-of-gulistan           Treaty of Gulistan',
        '',
      ].join('\n'),
    );
  });

  it('compact and narrow: the least needed columns are left out, and a line says which', () => {
    expect(table(60, false)).toBe(
      [
        'id                           title',
        '───────────────────────────  ───────────────────────────────',
        'russo-persian-war-1804-1813  Russo-Persian War of 1804-1813…',
        'treaty-of-gulistan           Treaty of Gulistan',
        'date, kind: not shown at 60 columns (--fields chooses)',
        '',
      ].join('\n'),
    );
  });

  it('the grid wraps a date between its words, never inside one, and keeps every word', () => {
    const text = table(60, true);
    expect(text).toContain('│ 1804-06 –  │');
    expect(text).toContain('│ 1813-10-24 │');
    for (const line of text.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    for (const word of cells
      .flatMap((row) => [row[0], row[2], row[3]])
      .join(' ')
      .split(' '))
      expect(text).toContain(word);
    expect(text).toContain('kind: not shown at 60 columns (--fields chooses)');
  });

  it('a header is never cut: its column is at least as wide as its longest word', () => {
    const text = renderTable(factColumns(['in_force', 'id']), [['', 'x']], { chalk: makeChalk(0), width: 30, wrap: false });
    expect(text.split('\n')[0]).toBe('in force  id');
  });

  it('truncate cuts to the width with …, counting wide characters', () => {
    expect(truncate('Treaty of Gulistan', 10)).toBe('Treaty of…');
    expect(truncate('土库曼恰伊条约', 7)).toBe('土库曼…');
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('visible', () => {
  it('escapes characters that would drive the terminal, keeps text and Persian joiners', () => {
    expect(visible('a\u001b[2Jb\u0007')).toBe('a\\u001b[2Jb\\u0007');
    expect(visible('می\u200cخواهم')).toBe('می\u200cخواهم');
  });
});

describe('width', () => {
  it('counts every character below U+1100 as string-width does, whether or not it takes the short way', () => {
    for (let c = 0; c < 0x1100; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      expect([c, width(text)]).toEqual([c, stringWidth(text)]);
    }
  });

  it('counts wide, emoji, combined and coloured text as string-width does', () => {
    for (const text of ['Туркманчай', 'ترکمانچای', '中国 Iran', 'drone 🛩️ deal', 'e\u0301', '\u001b[31mred\u001b[39m', '©\uFE0F 2026', '1\uFE0F\u20E3'])
      expect([text, width(text)]).toEqual([text, stringWidth(text)]);
  });
});

describe('no colour', () => {
  it('gives back what chalk gives back at level 0, whatever the styles chained, and says level 0', async () => {
    const { Chalk } = await import('chalk');
    const [ours, chalks] = [makeChalk(0), new Chalk({ level: 0 })];
    const calls: [string, unknown[]][] = [
      ['dim', ['x']],
      ['bold', ['a', 'b']],
      ['red', [3]],
      ['bold', ['']],
      ['cyan', []],
    ];
    for (const [style, args] of calls) expect(ours[style as 'dim'](...(args as string[]))).toBe(chalks[style as 'dim'](...(args as string[])));
    expect(ours.bold.yellow('shahed')).toBe(chalks.bold.yellow('shahed'));
    expect(ours.bold.underline('a', 'b')).toBe('a b');
    expect(ours('plain')).toBe(chalks('plain'));
    expect(ours.level).toBe(0);
    // with colour, chalk itself
    expect(makeChalk(1).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
