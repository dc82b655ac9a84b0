// Pure: the text of a YAML file → one document with positions, or RIF001 issues saying why not. The one
// way rif reads YAML exactly (fact files and topics.yaml): YAML 1.2 core whatever a %YAML line says, one
// document, no anchors, aliases or tags, and nesting bounded before the composer (which recurses, and
// can exhaust the stack and then the heap of the process on a file of brackets) ever sees the text.
import type { Document, LineCounter } from 'yaml';
import type { Issue } from './issues.js';
import { yaml } from './yaml-lib.js';

const YAML_OPTIONS = Object.freeze({
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  merge: false,
  resolveKnownTags: false,
  prettyErrors: false,
  strict: true,
} as const);

/** A fact needs five levels (a list of facts, a fact, its sources, a source, a value); this is ample. */
const MAX_NESTING = 64;

export interface YamlRead {
  /** undefined when the text could not be read as one document */
  readonly doc: Document | undefined;
  readonly counter: LineCounter;
  readonly issues: Issue[];
}

export function readYaml(text: string, file: string): YamlRead {
  const { Composer, LineCounter, Parser, visit } = yaml();
  const counter = new LineCounter();
  const issue = (offset: number, message: string): Issue => ({ code: 'RIF001', file, ...positionOf(text, offset), message });

  const deep = tooDeepAt(text, MAX_NESTING);
  if (deep !== undefined) return { doc: undefined, counter, issues: [issue(deep, `nested more than ${MAX_NESTING} levels deep; a fact file needs no more than a few`)] };

  let doc: Document | undefined;
  const issues: Issue[] = [];
  for (const next of new Composer(YAML_OPTIONS).compose(new Parser(counter.addNewLine).parse(text), true, text.length)) {
    if (doc) {
      issues.push(issue(next.range[0], 'a second YAML document starts here; a fact file holds one document (a fact or a list of facts)'));
      break;
    }
    doc = next;
  }
  if (!doc) return { doc, counter, issues };

  // an error found at the end of the file (an unclosed quote) is placed on its last character, where the reader will look
  const last = Math.max(0, text.trimEnd().length - 1);
  // an unknown tag is a warning to the parser; every tag gets its own message below
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')];
  for (const problem of problems) issues.push(issue(Math.min(problem.pos[0], last), problem.message.split('\n')[0]!));
  visit(doc, {
    Alias(_, node) {
      issues.push(issue(node.range?.[0] ?? 0, `aliases (*${node.source}) are not allowed in fact files; write the value out`));
    },
    Node(_, node) {
      const at = node.range?.[0] ?? 0;
      if (node.anchor) issues.push(issue(marked(text, '&', at), `anchors (&${node.anchor}) are not allowed in fact files; write each value out`));
      if (node.tag) issues.push(issue(marked(text, '!', at), `tags (${node.tag.replace('tag:yaml.org,2002:', '!!')}) are not allowed in fact files; write the plain value`));
    },
  });
  return { doc: issues.length ? undefined : doc, counter, issues: sortByPlace(issues) };
}

/** line and col (1-based) of an offset, as the parser's LineCounter gives them */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** Where the anchor or tag `mark` of a node starting at `at` is written: on its line, before the value. */
function marked(text: string, mark: string, at: number): number {
  let found = text.lastIndexOf(mark, at);
  while (found > 0 && text[found - 1] === mark) found--; // !!str
  return found >= 0 && !/[\r\n]/.test(text.slice(found, at)) ? found : at;
}

const sortByPlace = (issues: Issue[]) => issues.sort((a, b) => a.line - b.line || a.col - b.col);

/** Lexer tokens that mark where a scalar or document begins and hold no text of their own. */
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * The offset where nesting first goes deeper than `limit`, found with the lexer alone (a loop, no
 * recursion), or undefined. Flow collections count each bracket; block collections are bounded by the
 * indentation of a line plus the `- ` and `? ` indicators on it (`- - - x` nests three sequences).
 */
function tooDeepAt(text: string, limit: number): number | undefined {
  let offset = 0;
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let lineStart = true;
  let scalarNext = false;
  const { CST, Lexer } = yaml();
  for (const token of new Lexer().lex(text)) {
    const here = offset;
    if (!MARKERS.has(token)) offset += token.length;
    if (scalarNext) {
      // a scalar's text, whatever its first character looks like
      scalarNext = false;
      lineStart = false;
      continue;
    }
    switch (CST.tokenType(token)) {
      case 'scalar':
        scalarNext = true;
        if (flow === 0 && indent + indicators > limit) return here;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        if (++flow > limit) return here;
        lineStart = false;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        break;
      case 'newline':
        lineStart = true;
        indent = 0;
        indicators = 0;
        break;
      case 'space':
        if (lineStart) indent = token.length;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        lineStart = false;
        if (flow === 0 && indent + ++indicators > limit) return here;
        break;
      default:
        lineStart = false;
    }
  }
  return undefined;
}
