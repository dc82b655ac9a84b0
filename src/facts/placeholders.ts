// Pure: the values of a fact entry that are still the "<angle bracket>" placeholders `rif new` writes.
// Each is an error of its own (RIF025) in place of whatever else the value would draw (a bad date, an
// unknown topic), so that a half-filled template names exactly what is left to replace.
import type { Path } from './locate.js';

/** A whole value in angle brackets, as the template writes one; `<b>x</b>` or `a < b` are not. */
const PLACEHOLDER = /^<[^<>\n]+>$/;

const isPlaceholder = (value: unknown): value is string => typeof value === 'string' && PLACEHOLDER.test(value.trim());

/** Every placeholder in the entry, with the path to it, in the order they are written. */
export function placeholdersIn(value: unknown, path: Path = []): { path: Path; value: string }[] {
  if (isPlaceholder(value)) return [{ path, value: value.trim() }];
  if (Array.isArray(value)) return value.flatMap((item, i) => placeholdersIn(item, [...path, i]));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => placeholdersIn(item, [...path, key]));
  }
  return [];
}

/** How the field is named in a message: `sources.1.title` for the second source's title. */
export const fieldName = (path: Path): string => path.map(String).join('.');
