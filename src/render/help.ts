// Help text fitted to the terminal. commander wraps its lists of options itself (to the same width); this
// fits the rest, the text each command adds after them: paragraphs are filled again, and an example or
// an option whose line is too long keeps its description in a column of its own, or under it.
import { width, wrap } from './text.js';

/** A description narrower than this beside its term goes under the term instead. */
const MIN_DESCRIPTION = 24;

const TERM_AND_TEXT = /^(\s+)(\S(?:.*?\S)?)(\s{2,})(\S.*)$/;
/** "Examples:", "Exit codes:": a heading, kept on its line */
const HEADING = /^[A-Z][\w ]{0,20}:$/;
const atMargin = (line: string): boolean => line.trim() !== '' && !/^\s/.test(line) && !HEADING.test(line);

/** One indented line that is too long: its description beside the term, or under it when the room is too small. */
function fitLine(line: string, max: number): string[] {
  const item = TERM_AND_TEXT.exec(line);
  if (item) {
    const [, indent, term, gap, text] = item as unknown as [string, string, string, string, string];
    const column = width(indent + term + gap);
    if (max - column >= MIN_DESCRIPTION) {
      return wrap(text, max - column).map((l, i) => (i === 0 ? indent + term + gap : ' '.repeat(column)) + l.text);
    }
    const under = indent.length + 4;
    return [indent + term, ...wrap(text, Math.max(1, max - under)).map((l) => ' '.repeat(under) + l.text)];
  }
  const indent = /^\s*/.exec(line)![0];
  return wrap(line.trim(), Math.max(1, max - indent.length - 2)).map((l, i) => (i === 0 ? indent : `${indent}  `) + l.text);
}

/** `text` with no line wider than `max`: prose filled again, indented items wrapped beside or under their term. */
export function fitHelp(text: string, max: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    // a paragraph: lines that start at the margin, up to a blank, an indented line or a heading
    if (atMargin(line)) {
      let end = i;
      while (end < lines.length && atMargin(lines[end]!)) end++;
      const paragraph = lines.slice(i, end);
      if (paragraph.some((l) => width(l) > max)) out.push(...wrap(paragraph.join(' '), max).map((l) => l.text));
      else out.push(...paragraph);
      i = end;
      continue;
    }
    out.push(...(width(line) > max ? fitLine(line, max) : [line]));
    i++;
  }
  return out.join('\n');
}
