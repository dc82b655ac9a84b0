// Help text fitted to the terminal. commander wraps its lists of options itself (to the same width); this
// fits the rest, the text each command adds after them: paragraphs are filled again, and an example or
// an option whose line is too long keeps its description in a column of its own, or under it.
import { width, wrap } from './text.js';

/** A description narrower than this beside its term goes under the term instead. */
const MIN_DESCRIPTION = 32;

const TERM_AND_TEXT = /^(\s+)(\S(?:.*?\S)?)(\s{2,})(\S.*)$/;
/** "Examples:", "Exit codes:": a heading, kept on its line */
const HEADING = /^[A-Z][\w ]{0,20}:$/;
const atMargin = (line: string): boolean => line.trim() !== '' && !/^\s/.test(line) && !HEADING.test(line);

/** An indented line as a term and its description (an option, an example), or undefined. */
function item(line: string): { indent: string; term: string; column: number; text: string } | undefined {
  const m = TERM_AND_TEXT.exec(line);
  if (!m) return undefined;
  const [, indent, term, gap, text] = m as unknown as [string, string, string, string, string];
  return { indent, term, column: width(indent + term + gap), text };
}

/** An item's description beside its term, wrapped in its column, or on the lines under the term. */
function fitItem(line: string, found: NonNullable<ReturnType<typeof item>>, max: number, under: boolean): string[] {
  const { indent, term, column, text } = found;
  if (!under)
    return width(line) <= max
      ? [line]
      : wrap(text, max - column).map((l, i) => (i === 0 ? line.slice(0, line.length - text.length) : ' '.repeat(column)) + l.text);
  const at = indent.length + 4;
  return [indent + term, ...wrap(text, Math.max(1, max - at)).map((l) => ' '.repeat(at) + l.text)];
}

/** A line that is no item: wrapped at its indent. */
function fitLine(line: string, max: number): string[] {
  if (width(line) <= max) return [line];
  const indent = /^\s*/.exec(line)![0];
  return wrap(line.trim(), Math.max(1, max - indent.length - 2)).map((l, i) => (i === 0 ? indent : `${indent}  `) + l.text);
}

/**
 * Indented lines, as a block: the items' descriptions stay beside their terms when every one that is too
 * long still has room there; otherwise every description in the block goes under its term, so that the
 * block reads one way.
 */
function fitBlock(lines: readonly string[], max: number): string[] {
  const items = lines.map(item);
  const under = lines.some((line, i) => width(line) > max && items[i] !== undefined && max - items[i].column < MIN_DESCRIPTION);
  return lines.flatMap((line, i) => (items[i] ? fitItem(line, items[i], max, under) : fitLine(line, max)));
}

/** `text` with no line wider than `max`: prose filled again, indented items wrapped beside or under their term. */
export function fitHelp(text: string, max: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    // a paragraph: lines that start at the margin, up to a blank, an indented line or a heading
    const run = (test: (line: string) => boolean): string[] => {
      let end = i;
      while (end < lines.length && test(lines[end]!)) end++;
      const taken = lines.slice(i, end);
      i = end;
      return taken;
    };
    if (atMargin(lines[i]!)) {
      const paragraph = run(atMargin);
      out.push(...(paragraph.some((l) => width(l) > max) ? wrap(paragraph.join(' '), max).map((l) => l.text) : paragraph));
    } else if (/^\s+\S/.test(lines[i]!)) {
      out.push(
        ...fitBlock(
          run((line) => /^\s+\S/.test(line)),
          max,
        ),
      );
    } else {
      out.push(...fitLine(lines[i]!, max));
      i++;
    }
  }
  return out.join('\n');
}
