// The ids of a store's facts as two files: the ids, one per line, and where each starts (32-bit numbers,
// one more than the ids). A search checks the 30 facts it reads against their ids without parsing all
// of them (10,000 facts: 370 KB of JSON, about 1.5 ms and 600 KB of strings every run).
import { StoreDamaged, uint32s } from './entry.js';

export interface Ids {
  /** the id of fact i */
  at(i: number): string;
  /** every id, in fact order */
  all(): string[];
}

export function encodeIds(ids: readonly string[]): { text: Buffer; at: Uint8Array } {
  const at = new Uint32Array(ids.length + 1);
  const parts = ids.map((id) => Buffer.from(`${id}\n`));
  for (let i = 0; i < parts.length; i++) at[i + 1] = at[i]! + parts[i]!.length;
  return { text: Buffer.concat(parts), at: new Uint8Array(at.buffer) };
}

/** The ids of `n` facts from the two files, checked to hang together. */
export function decodeIds(text: Buffer, atFile: Buffer, n: number): Ids {
  const at = uint32s(atFile);
  if (at.length !== n + 1 || at[0] !== 0 || at[n] !== text.length) throw new StoreDamaged('the ids do not match the facts');
  return {
    at: (i) => {
      if (!(i >= 0 && i < n) || !(at[i + 1]! > at[i]!)) throw new StoreDamaged('an id lies outside the ids');
      return text.toString('utf8', at[i], at[i + 1]! - 1);
    },
    all: () => {
      const all = text.toString('utf8').split('\n');
      all.pop();
      if (all.length !== n) throw new StoreDamaged('the ids do not match the facts');
      return all;
    },
  };
}
