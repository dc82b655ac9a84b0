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
} as const);

export type IssueCode = keyof typeof ISSUE_CODES;

export interface Issue {
  readonly code: IssueCode;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Records an issue at a position; the parser's helpers report through one of these. */
export type Report = (code: IssueCode, pos: { line: number; col: number }, message: string) => void;

export function formatIssue(issue: Issue, displayPath: (file: string) => string = (f) => f): string {
  return `${displayPath(issue.file)}:${issue.line}:${issue.col} ${issue.code} ${issue.message}`;
}
