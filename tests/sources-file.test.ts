import { describe, expect, it } from 'vitest';
import type { Issue } from '../src/facts/issues.js';
import { StoreDamaged } from '../src/store/entry.js';
import type { Sources, StoredCheck } from '../src/store/sources.js';
import { decodeChecks, decodeSources, encodeChecks, encodeSources } from '../src/store/sources-file.js';

const issue: Issue = { code: 'RIF012', file: '/facts/b.yaml', line: 3, col: 5, message: 'unknown topic "x"' };
const state = { size: 120, mtimeMs: 1733590000123.4565, ctimeMs: 1733590000999.25, ino: 2 ** 40 + 3, dev: 66306 };
const sources: Sources = {
  bundled: 2,
  vocabularies: [{ file: '/facts/topics.yaml', ...state, hash: 'a'.repeat(40) }],
  files: [
    { file: '/facts/a.yaml', ...state, hash: '0123456789abcdef0123456789abcdef01234567', first: 2, count: 3, issues: [] },
    { file: '/facts/ünï cödé.yaml', ...state, size: 0, hash: '', racy: true, first: 5, count: 0, issues: [issue] },
  ],
  skipped: [{ ...issue, code: 'RIF017', file: '/facts/fifo.yaml', message: 'not a regular file' }],
};
const checks: (StoredCheck | null)[] = [
  { id: 'alpha', file: '/facts/a.yaml', index: 0, related: [], summary: '0011223344556677' },
  null,
  { id: 'beta', file: '/facts/a.yaml', index: 2, related: ['alpha', 'gamma'], summary: '8899aabbccddeeff', at: { id: [4, 5] } },
  { id: 'gamma', file: '/facts/ünï cödé.yaml', index: 0, related: [], summary: 'ffffffffffffffff' },
];

describe('the sources and checks files', () => {
  it('give back what was written, paths passed through the given function', () => {
    const same = (s: string) => s;
    expect(decodeSources(encodeSources(sources, same, (i) => i))).toEqual(sources);
    expect(decodeChecks(encodeChecks(checks, same), checks.length)).toEqual(checks);
    const relative = (s: string) => s.replace('/facts/', '');
    expect(decodeSources(encodeSources(sources, relative, (i) => ({ ...i, file: relative(i.file) }))).files.map((f) => [f.file, f.issues[0]?.file])).toEqual([
      ['a.yaml', undefined],
      ['ünï cödé.yaml', 'b.yaml'],
    ]);
  });

  it('are empty for an entry of no files and no records', () => {
    const none: Sources = { bundled: 0, vocabularies: [], files: [], skipped: [] };
    expect(
      decodeSources(
        encodeSources(
          none,
          (s) => s,
          (i) => i,
        ),
      ),
    ).toEqual(none);
    expect(
      decodeChecks(
        encodeChecks([], (s) => s),
        0,
      ),
    ).toEqual([]);
  });

  it('are damage when cut short, padded, or not for these records', () => {
    const bytes = encodeSources(
      sources,
      (s) => s,
      (i) => i,
    );
    expect(() => decodeSources(bytes.subarray(0, bytes.length - 8))).toThrow(StoreDamaged);
    expect(() => decodeSources(Buffer.concat([bytes, Buffer.alloc(8)]))).toThrow(StoreDamaged);
    expect(() => decodeSources(Buffer.alloc(bytes.length))).toThrow(StoreDamaged);
    expect(() =>
      decodeChecks(
        encodeChecks(checks, (s) => s),
        3,
      ),
    ).toThrow(StoreDamaged);
  });
});
