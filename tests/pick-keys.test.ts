// The picker's pure parts: keys decoded from what a terminal sends, and text fitted to columns as a
// terminal draws it (Persian with its vowel signs, Cyrillic, CJK, emoji, escape codes).
import { describe, expect, it } from 'vitest';
import { decodeKeys } from '../src/pick/keys.js';
import { columnsOf, fit } from '../src/pick/width.js';

describe('keys', () => {
  it.each([
    ['\x1b[A', [{ type: 'key', name: 'up' }]],
    ['\x1bOB', [{ type: 'key', name: 'down' }]],
    ['\x1b[1;2A', [{ type: 'key', name: 'shift-up' }]],
    ['\x1b[1;2B', [{ type: 'key', name: 'shift-down' }]],
    [
      '\x1b[5~\x1b[6~',
      [
        { type: 'key', name: 'pageup' },
        { type: 'key', name: 'pagedown' },
      ],
    ],
    [
      '\x1b[H\x1b[4~',
      [
        { type: 'key', name: 'home' },
        { type: 'key', name: 'end' },
      ],
    ],
    ['\x1b', [{ type: 'key', name: 'escape' }]],
    ['\x0e\x10\x19\x0f\x03', ['ctrl-n', 'ctrl-p', 'ctrl-y', 'ctrl-o', 'ctrl-c'].map((name) => ({ type: 'key', name }))],
    ['\t\x1b[Z\r\x7f', ['tab', 'shift-tab', 'enter', 'backspace'].map((name) => ({ type: 'key', name }))],
    [
      '\x1b[<64;10;5M\x1b[<65;3;4M',
      [
        { type: 'wheel', up: true, x: 10, y: 5 },
        { type: 'wheel', up: false, x: 3, y: 4 },
      ],
    ],
    // a click is no wheel: left out, as is Alt with a letter
    ['\x1b[<0;10;5M\x1b[<0;10;5m\x1bx', []],
    ['shahed', [{ type: 'text', text: 'shahed' }]],
    [
      'دا\x1b[Bш',
      [
        { type: 'text', text: 'دا' },
        { type: 'key', name: 'down' },
        { type: 'text', text: 'ш' },
      ],
    ],
  ])('%j', (data, keys) => {
    expect(decodeKeys(data)).toEqual(keys);
  });
});

describe('columns', () => {
  it.each([
    ['Treaty', 6],
    ['سَلام', 4],
    ['Шахед-136', 9],
    ['中文字', 6],
    ['👍🏽', 2],
    ['👨‍👩‍👧', 2],
    ['🇮🇷', 2],
    ['e\u0301', 1],
    ['\x1b[1mbold\x1b[22m', 4],
  ])('%j takes %i columns', (text, columns) => {
    expect(columnsOf(text)).toBe(columns);
  });

  it.each([
    'Treaty of Turkmenchay',
    'عهدنامه ترکمانچای سَلام',
    'Туркманчайский договор',
    '土库曼恰伊条约',
    '🚀 drones 👨‍👩‍👧 🇮🇷',
    'a\u0301b\u0301c\u0301d\u0301e\u0301f\u0301g',
  ])('%j fits 1 to 12 columns exactly', (text) => {
    for (let n = 1; n <= 12; n++) {
      expect(columnsOf(fit(text, n))).toBe(n);
      expect(columnsOf(fit(text, n, true))).toBe(n);
    }
  });

  it('a wide character that would straddle the edge is left out; a cut line ends with … and a reset', () => {
    expect(fit('中文字', 5)).toBe('中文 ');
    expect(fit('\x1b[1mTreaty of Turkmenchay\x1b[22m', 8, true)).toBe('\x1b[1mTreaty \x1b[0m…');
    expect(fit('short', 8)).toBe('short   ');
  });
});
