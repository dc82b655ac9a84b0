// JSON and NDJSON: never coloured. Control characters are \u escapes: JSON.stringify writes C0 ones so,
// and visible() the rest (DEL, C1, bidi overrides), which JSON reads back as the same characters.
import { visible } from '../control.js';

export function renderJson(value: unknown): string {
  return `${visible(JSON.stringify(value, null, 2))}\n`;
}

export function renderNdjson(records: readonly unknown[]): string {
  return records.map((r) => `${visible(JSON.stringify(r))}\n`).join('');
}

/** A value as renderJson prints it as an item of an array: indented one level, without the comma. */
export function jsonItem(value: unknown): string {
  return renderJson([value]).slice('[\n'.length, -'\n]\n'.length);
}
