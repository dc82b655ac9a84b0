// Validation problems are data with a stable code; the prose may change, the codes may not.

export const ISSUE_CODES = Object.freeze({
  RIF001: 'YAML syntax error',
  RIF002: 'unknown field',
  RIF003: 'missing required field',
  RIF004: 'wrong type or value',
  RIF005: 'invalid id',
  RIF006: 'file name differs from id',
  RIF007: 'folder differs from kind',
  RIF008: 'duplicate id',
  RIF009: 'invalid date',
  RIF010: 'end before start',
  RIF011: 'treaty dates out of order',
  RIF012: 'unknown topic',
  RIF013: 'related id not found',
  RIF014: 'source url is not http(s)',
  RIF015: 'allegation without status or accuser',
  RIF016: 'summary repeats another fact',
  RIF017: 'file cannot be read',
  RIF018: 'no aliases',
  RIF019: 'treaty with a single source',
  RIF020: 'summary over 80 words',
  RIF021: 'control character in text',
  RIF022: 'source without a title',
  RIF023: 'source without a publisher',
  RIF024: 'invalid source date',
  RIF025: 'placeholder left from rif new',
} as const);

export type IssueCode = keyof typeof ISSUE_CODES;

/** Codes that are advice, not errors: `rif validate` reports them, loading ignores them. */
const WARNING_CODES: ReadonlySet<IssueCode> = new Set(['RIF018', 'RIF019', 'RIF020', 'RIF022', 'RIF023']);

export type Severity = 'error' | 'warning';
export const severityOf = (code: IssueCode): Severity => (WARNING_CODES.has(code) ? 'warning' : 'error');

export interface Location {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export interface Issue extends Location {
  readonly code: IssueCode;
  readonly message: string;
  /** the other place involved, e.g. where a duplicate id was first defined */
  readonly also?: Location;
}

/** Records an issue at a position; the parser's helpers report through one of these. */
export type Report = (code: IssueCode, pos: { line: number; col: number }, message: string) => void;

export const formatLocation = (at: Location, displayPath: (file: string) => string = (f) => f) => `${displayPath(at.file)}:${at.line}:${at.col}`;

/** The message with the other location, if any, written out. */
export const issueMessage = (issue: Issue, displayPath?: (file: string) => string) =>
  issue.also ? `${issue.message} (first at ${formatLocation(issue.also, displayPath)})` : issue.message;

export function formatIssue(issue: Issue, displayPath?: (file: string) => string): string {
  return `${formatLocation(issue, displayPath)} ${issue.code} ${issueMessage(issue, displayPath)}`;
}
