// Undecorated, stable outputs for pipes and documents: tab-separated lines, CSV, a Markdown table.

/** One line per row, fields separated by tabs, no header: made for cut, awk and sort. */
export function renderTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.join('\t')}\n`).join('');
}

const csvField = (text: string) => (/[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text);

/** RFC 4180: a header row, CRLF line ends, fields quoted where needed. */
export function renderCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

const mdCell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

export function renderMarkdown(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |\n`;
  return line(headers) + line(headers.map(() => '---')) + rows.map(line).join('');
}
