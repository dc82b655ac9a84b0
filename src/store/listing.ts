// The bundled facts' JSON records as a listing's --json prints them, compiled at build time by the same
// renderer: `rif list --json` joins them instead of parsing and printing 900 KB again. The file path in
// each record is relative to the bundled folder, which is put in front at run time.
import { visible } from '../control.js';
import type { Fact } from '../facts/types.js';
import { jsonArray, jsonItem } from '../render/json.js';
import { toRecord } from '../render/record.js';
import type { Checksum } from './checksum.js';
import { float64s, readSmall, StoreDamaged, type Manifest } from './entry.js';

/** Each fact's record as printed, one after another, and where each starts. */
export function compileListing(facts: readonly Fact[]): { text: Buffer; at: Buffer } {
  const at = new Float64Array(facts.length + 1);
  let length = 0;
  const items = facts.map((fact, i) => {
    const item = jsonItem(toRecord({ fact, score: 0, titleMatches: [] }, false));
    at[i] = length;
    length += item.length;
    return item;
  });
  at[facts.length] = length;
  return { text: Buffer.from(items.join('')), at: Buffer.from(at.buffer) };
}

/** What renderJson prints for the records of these facts, the bundled folder put before each file. */
export function listingReader(dir: string, manifest: Manifest, fileBase: string, crc: Checksum): (indices: readonly number[]) => Promise<string> {
  let text: string | undefined;
  let at: Float64Array | undefined;
  // a JSON string joins as its characters do: the folder's escaped characters go before the relative path's
  const base = visible(JSON.stringify(fileBase)).slice(1, -1);
  const FILE = '"file": "';
  const n = manifest.facts;
  // async: damage found here must reach the caller as a rejection, like every other read of the store
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (indices) => {
    text ??= readSmall(dir, manifest, 'listing', crc).toString('utf8');
    at ??= float64s(readSmall(dir, manifest, 'listingAt', crc));
    if (at.length !== n + 1 || at[n] !== text.length) throw new StoreDamaged('the listing does not match the facts');
    const items = indices.map((i) => {
      const item = text!.slice(at![i], at![i + 1]);
      const file = item.lastIndexOf(FILE) + FILE.length;
      if (file < FILE.length) throw new StoreDamaged('a listed record has no file');
      return item.slice(0, file) + base + item.slice(file);
    });
    return jsonArray(items);
  };
}
