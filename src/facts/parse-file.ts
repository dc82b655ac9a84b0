// The text of one fact file → facts and issues, fast. js-yaml (YAML 1.2 core schema, no aliases) reads
// a file that is clean about three times faster than the position-keeping parser; the moment anything
// is off, the file is parsed again by parseFactText, which says where. A clean file's positions are
// looked up only if a check across files (a duplicate id, a dangling related id) needs one.
import { load } from 'js-yaml';
import type { Issue } from './issues.js';
import type { Position } from './locate.js';
import { checkEntry, parseFactText, type Located, type ParseContext } from './parse.js';
import type { Fact } from './types.js';

export interface FileResult {
  readonly entries: Located[];
  readonly issues: Issue[];
}

const NOWHERE: Position = Object.freeze({ line: 0, col: 0 });

/**
 * Parses one file. `reread` gives the file's text again, for positions wanted after the text was let go
 * (keeping the text of every file until the checks across files would hold the whole corpus twice).
 */
export function parseFactFile(text: string, ctx: ParseContext, reread: () => string | undefined): FileResult {
  const facts = parseFast(text, ctx);
  if (!facts) return parseFactText(text, ctx);
  return { entries: facts.map((fact, i) => lazilyLocated(fact, i, ctx, reread)), issues: [] };
}

/**
 * A tag (`!foo`, `!!str`) or an anchor (`&a`) can only start where a value starts: at a line's start,
 * or after a space or flow punctuation. js-yaml would take them and the exact parser refuses them, so a
 * file that may hold one goes to the exact parser, which tells them from text such as "Taylor & Francis"
 * (an anchor needs a name right after the `&`) or a URL's `a=1&b=2`.
 */
const TAG_OR_ANCHOR = /(?:^|[\s[{,:])(?:!|&\S)/m;

/** The facts of a file with no problem at all, or undefined when there is anything to explain. */
function parseFast(text: string, ctx: ParseContext): Fact[] | undefined {
  if (TAG_OR_ANCHOR.test(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (data === null || data === undefined || (Array.isArray(data) && ctx.expect)) return undefined;
  const items: unknown[] = Array.isArray(data) ? data : [data];
  let failed = false;
  const report = () => {
    failed = true;
  };
  const facts: Fact[] = [];
  for (const [i, value] of items.entries()) {
    const fact = checkEntry(value, Array.isArray(data) ? [i] : [], ctx, () => NOWHERE, report);
    if (failed || !fact) return undefined;
    facts.push(fact);
  }
  return facts;
}

/** An entry whose positions are found, by the position-keeping parser, only when first asked for. */
export function lazilyLocated(fact: Fact, index: number, ctx: ParseContext, reread: () => string | undefined): Located {
  let found: Located | undefined;
  const locate = (): Located | undefined => {
    if (found) return found;
    const text = reread();
    found = text === undefined ? undefined : parseFactText(text, ctx).entries[index];
    return found;
  };
  return {
    fact,
    get at() {
      return locate()?.at ?? { line: 1, col: 1 };
    },
    get fields() {
      return locate()?.fields ?? new Map<string, Position>();
    },
  };
}
