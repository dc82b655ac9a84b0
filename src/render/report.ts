// `rif validate` output: one line per problem and a summary, or one JSON document.
import type { ChalkInstance } from 'chalk';
import { formatLocation, issueMessage } from '../facts/issues.js';
import type { ValidationReport } from '../facts/report.js';
import { renderJson } from './json.js';
import { visible } from '../control.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderReportText(report: ValidationReport, chalk: ChalkInstance): string {
  const lines = report.issues.map((i) => {
    const code = i.severity === 'error' ? chalk.red(i.code) : chalk.yellow(i.code);
    const message = `${i.severity === 'warning' ? 'warning: ' : ''}${issueMessage(i)}`;
    return `${visible(formatLocation(i))} ${code} ${visible(message)}`;
  });
  const counts = `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`;
  lines.push(`${plural(report.facts, 'fact')} in ${plural(report.files, 'file')}: ${report.errors ? chalk.red(counts) : counts}`);
  return `${lines.join('\n')}\n`;
}

export function renderReportJson(report: ValidationReport): string {
  return renderJson({ ok: report.errors === 0, ...report });
}
