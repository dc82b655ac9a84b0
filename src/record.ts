// What the bundled record is: how many facts it holds and the date it is complete to. facts/record.yaml
// is the one place the date is written; the build checks it and writes both into dist/bundled/record.json,
// which `rif --version`, `rif stats` and `rif paths` read (one small file, no store opened).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { partialDateProblem } from './dates.js';

export const RECORD_FILE = 'record.yaml';

export interface RecordInfo {
  /** facts in the bundled record */
  readonly facts: number;
  /** the date up to which public sources were read and what they report is recorded */
  readonly as_of: string;
}

/** The as-of date written in facts/record.yaml, or a one-line problem. Pure: takes the file's text. */
export function parseRecordFile(text: string): { as_of: string } | { problem: string } {
  const match = /^as_of:\s*"?(\d{4}-\d{2}-\d{2})"?\s*$/m.exec(text);
  if (!match?.[1]) return { problem: 'needs a line as_of: "YYYY-MM-DD"' };
  const problem = partialDateProblem(match[1]);
  return problem ? { problem } : { as_of: match[1] };
}

/** The record's facts and date as the build wrote them; undefined in a checkout that was never built. */
export function readRecordInfo(storeDir: string): RecordInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(join(storeDir, 'record.json'), 'utf8')) as Partial<RecordInfo>;
    return typeof info.facts === 'number' && typeof info.as_of === 'string' ? { facts: info.facts, as_of: info.as_of } : undefined;
  } catch {
    return undefined;
  }
}

/** "324 facts, complete to 2026-11-30": how the record describes itself in one line. */
export const describeRecord = (info: RecordInfo): string => `${info.facts} facts, complete to ${info.as_of}`;
