import { describe, expect, it } from 'vitest';
import { fitWidths } from '../src/render/table.js';
import { visible } from '../src/control.js';
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

describe('fitWidths', () => {
  it('leaves a table alone when it fits or the width is unknown', () => {
    expect(fitWidths([10, 20], 80)).toEqual([10, 20]);
    expect(fitWidths([10, 200], 0)).toEqual([10, 200]);
  });

  // chrome for 3 columns: 4 borders + 6 padding = 10
  it('shrinks free text to a comfortable width before touching rigid columns', () => {
    expect(fitWidths([10, 22, 60], 70, [true, true, false], [10, 22, 12])).toEqual([10, 22, 28]);
  });

  it('then shrinks rigid columns to their longest word', () => {
    expect(fitWidths([20, 22, 40], 66, [true, true, false], [10, 22, 12])).toEqual([10, 22, 24]);
  });

  it('then free text to a readable floor, never breaking a rigid word while text can give', () => {
    expect(fitWidths([20, 22, 40], 56, [true, true, false], [10, 22, 12])).toEqual([10, 22, 14]);
  });

  it('fits the total exactly when it must shrink', () => {
    const w = fitWidths([30, 30, 30], 50, [false, false, false]);
    expect(w.reduce((a, b) => a + b, 0) + 10).toBe(50);
  });
});

describe('visible', () => {
  it('escapes characters that would drive the terminal, keeps text and Persian joiners', () => {
    expect(visible('a\u001b[2Jb\u0007')).toBe('a\\u001b[2Jb\\u0007');
    expect(visible('می\u200cخواهم')).toBe('می\u200cخواهم');
  });
});
