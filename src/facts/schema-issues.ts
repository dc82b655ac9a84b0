// zod's validation issues → our coded issues, each at the position of the field concerned.
import type * as z from 'zod/mini';
import { didYouMean } from '../suggest.js';
import { SCHEMAS } from './schema.js';
import type { IssueCode, Report } from './issues.js';
import type { At, Path } from './locate.js';
import type { Kind } from './types.js';

/** An allegation missing these fields gets its own code: it would be stated without attribution. */
const ALLEGATION_ATTRIBUTION = new Set(['status', 'alleged_by']);

/** One of zod's issues as ours; `kind` is undefined when the entry was checked against the fields all kinds share. */
export function reportZodIssue(zi: z.core.$ZodIssue, prefix: Path, kind: Kind | undefined, value: Record<string, unknown>, at: At, report: Report): void {
  const path = [...prefix, ...(zi.path as (string | number)[])];
  const field = zi.path.map(String).join('.');
  if (zi.code === 'unrecognized_keys') {
    for (const key of zi.keys) {
      const known = Object.keys(kind ? SCHEMAS[kind].shape : {});
      const hint = kind === 'treaty' && ['date', 'start', 'end'].includes(key) ? ' (a treaty is dated by "signed")' : didYouMean(key, known);
      report('RIF002', at([...path, key], true), `unknown field "${key}" for ${kind === 'event' ? 'an' : 'a'} ${kind ?? 'fact'}${hint}`);
    }
    return;
  }
  if (zi.code === 'custom' && typeof zi.params?.['code'] === 'string') {
    report(zi.params['code'] as IssueCode, at(path), zi.message);
    return;
  }
  const missing = valueAt(value, zi.path as (string | number)[]) === undefined;
  const attribution = kind === 'allegation' && zi.path.length === 1 && ALLEGATION_ATTRIBUTION.has(String(zi.path[0]));
  if (missing || (zi.code === 'too_small' && zi.origin === 'array')) {
    const code: IssueCode = attribution ? 'RIF015' : 'RIF003';
    const what = missing ? `missing required field "${field}"` : `field "${field}" ${zi.message}`;
    report(code, at(path), attribution ? `${what}: an allegation states its status and who alleged it` : what);
    return;
  }
  if (zi.code === 'invalid_value') {
    report('RIF004', at(path), `field "${field}" must be one of ${zi.values.map(String).join(', ')}`);
    return;
  }
  if (zi.code === 'invalid_type' || zi.code === 'invalid_union') {
    const expected = zi.code === 'invalid_type' ? article(zi.expected) : 'a date or a year';
    report('RIF004', at(path), `field "${field}" should be ${expected}, not ${describe(valueAt(value, zi.path as (string | number)[]))}`);
    return;
  }
  report('RIF004', at(path), `field "${field}": ${zi.message}`);
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty (null)';
  if (value instanceof Date) return 'a timestamp';
  if (ArrayBuffer.isView(value)) return 'binary data';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'the text' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = value;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
