// The bundled facts' JSON records as a listing's --json prints them, compiled at build time by the same
// renderer: `rif list --json` joins them instead of parsing and printing 900 KB again. The file path in
// each record is relative to the bundled folder, which is put in front at run time.
import { visible } from '../control.js';
import type { Fact } from '../facts/types.js';
import { jsonItem } from '../render/json.js';
import { toRecord } from '../render/record.js';
import type { Checksum } from './checksum.js';
import { float64s, readSmall, StoreDamaged, type Manifest } from './entry.js';

/** A fact's record as a listing's --json prints it. */
const recordOf = (fact: Fact): string => jsonItem(toRecord({ fact, score: 0, titleMatches: [] }, false));

/** What the listing prints for these facts, made from them: what a damaged listing is replaced by. */
export const listingParts = (facts: readonly Fact[]): readonly Uint8Array[] => [
  Buffer.from(facts.length ? `[\n${facts.map(recordOf).join(',\n')}\n]\n` : '[]\n'),
];

/** The key before the file's path in a record, which the bundled folder is put after. */
const FILE = '"file": "';

/**
 * Each fact's record as printed, one after another in UTF-8; and `at`, the byte where each starts (and
 * where the last ends), then the byte where the path of each one's file starts.
 */
export function compileListing(facts: readonly Fact[]): { text: Buffer; at: Buffer } {
  const n = facts.length;
  const at = new Float64Array(2 * n + 1);
  let length = 0;
  const items = facts.map((fact, i) => {
    const item = recordOf(fact);
    at[i] = length;
    at[n + 1 + i] = length + Buffer.byteLength(item.slice(0, item.lastIndexOf(FILE) + FILE.length));
    length += Buffer.byteLength(item);
    return item;
  });
  at[n] = length;
  return { text: Buffer.from(items.join('')), at: Buffer.from(at.buffer) };
}

/**
 * What renderJson prints for the records of these facts, the bundled folder put before each file: UTF-8,
 * as stored, in parts (views of the stored bytes) printed one after the other.
 */
export function listingReader(
  dir: string,
  manifest: Manifest,
  fileBase: string,
  crc: Checksum,
): (indices: readonly number[]) => Promise<readonly Uint8Array[]> {
  let bytes: Buffer | undefined;
  let at: Float64Array | undefined;
  // a JSON string joins as its characters do: the folder's escaped characters go before the relative path's
  const base = Buffer.from(visible(JSON.stringify(fileBase)).slice(1, -1));
  // the items joined as renderJson joins an array's (tests/e2e.test.ts holds the two to the same bytes)
  const [open, comma, close] = ['[\n', ',\n', '\n]\n'].map((t) => Buffer.from(t));
  const n = manifest.facts;
  // async: damage found here must reach the caller as a rejection, like every other read of the store
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (indices) => {
    bytes ??= readSmall(dir, manifest, 'listing', crc);
    at ??= float64s(readSmall(dir, manifest, 'listingAt', crc));
    if (at.length !== 2 * n + 1 || at[n] !== bytes.length) throw new StoreDamaged('the listing does not match the facts');
    if (!indices.length) return [Buffer.from('[]\n')];
    // the bytes as stored, never decoded to text and encoded again (1.8 MB for rif list --json), as
    // plain views: a Buffer's subarray() builds a Buffer through JavaScript, three times a record
    const stored = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const parts: Uint8Array[] = [open!];
    indices.forEach((i, k) => {
      const start = at![i]!;
      const file = at![n + 1 + i]!;
      const end = at![i + 1]!;
      if (!(start <= file && file <= end)) throw new StoreDamaged('a listed record has no file');
      if (k) parts.push(comma!);
      parts.push(stored.subarray(start, file), base, stored.subarray(file, end));
    });
    parts.push(close!);
    return parts;
  };
}
