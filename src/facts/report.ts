// Pure: what `rif validate` reports — the issues inside the checked paths, in file order, with counts.
import { severityOf, type Issue, type Severity } from './issues.js';

interface ReportedIssue extends Issue {
  readonly severity: Severity;
}

export interface ValidationReport {
  readonly files: number;
  readonly facts: number;
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly ReportedIssue[];
}

export interface ReportInput {
  /** every file read, in load order */
  readonly files: readonly string[];
  /** the file of each fact that loaded */
  readonly factFiles: readonly string[];
  readonly issues: readonly Issue[];
  /** whether a file is one the user asked to check (the others only give context) */
  readonly inScope: (file: string) => boolean;
}

export function buildReport(input: ReportInput): ValidationReport {
  const order = new Map(input.files.map((f, i) => [f, i]));
  const rank = (file: string) => order.get(file) ?? -1; // topics.yaml is read first
  const issues = input.issues
    .filter((i) => input.inScope(i.file))
    .map(({ file, line, col, code, message, also }) => ({ file, line, col, code, severity: severityOf(code), message, ...(also ? { also } : {}) }))
    .sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
  const errors = issues.filter((i) => i.severity === 'error').length;
  return {
    files: input.files.filter(input.inScope).length,
    facts: input.factFiles.filter(input.inScope).length,
    errors,
    warnings: issues.length - errors,
    issues,
  };
}
