// Pure: the text of one fact file → normalized facts and coded issues with positions.
import { isMap, isSeq, type Document, type LineCounter } from 'yaml';
import { didYouMean } from '../suggest.js';
import { factDate } from './fact-date.js';
import { SCHEMAS, type RawFact } from './schema.js';
import { reportZodIssue } from './schema-issues.js';
import { toFact } from './to-fact.js';
import { KINDS, type Fact, type Kind, type Vocabulary } from './types.js';
import type { Issue, IssueCode, Report } from './issues.js';
import { locate, type At, type Path, type Position } from './locate.js';
import { readYaml } from './read-yaml.js';

export interface Located {
  readonly fact: Fact;
  readonly at: Position;
  /** positions of the fact's top-level fields, for problems found later (related ids, duplicates) */
  readonly fields: ReadonlyMap<string, Position>;
}

/** Where a fact's field (or one source, `sources.N`) is written, or the fact itself when it is absent: where to point an issue. */
export const fieldAt = (entry: Located, field: string): Position => entry.fields.get(field) ?? entry.at;

export interface ParseResult {
  readonly entries: Located[];
  readonly issues: Issue[];
}

export interface ParseContext {
  readonly file: string;
  readonly vocabulary: Vocabulary;
  /** for the bundled layout facts/<kind>/<id>.yaml: what the folder and file name say */
  readonly expect?: { readonly kind?: string; readonly id?: string };
}

export function parseFactText(text: string, ctx: ParseContext): ParseResult {
  const { doc, counter, issues } = readYaml(text, ctx.file);
  if (!doc) return { entries: [], issues };
  const at = (path: Path, key = false): Position => locate(doc, counter, path, key);
  const report = (code: IssueCode, pos: Position, message: string) =>
    issues.push({ code, file: ctx.file, line: pos.line, col: pos.col, message });

  const data = doc.toJS() as unknown;
  if (data === null || data === undefined) {
    report('RIF004', { line: 1, col: 1 }, 'the file is empty: expected a fact (a mapping) or a list of facts');
    return { entries: [], issues };
  }
  const items: { value: unknown; path: Path }[] = Array.isArray(data)
    ? (data as unknown[]).map((value, i) => ({ value, path: [i] }))
    : [{ value: data, path: [] }];
  if (Array.isArray(data) && ctx.expect) {
    report('RIF004', at([]), 'a bundled fact file holds exactly one fact (a mapping), not a list');
    return { entries: [], issues };
  }

  const entries: Located[] = [];
  for (const { value, path } of items) {
    const before = issues.length;
    const fact = checkEntry(value, path, ctx, at, report);
    if (fact && issues.length === before) entries.push({ fact, at: at(path), fields: fieldPositions(doc, counter, path) });
  }
  return { entries, issues };
}

/** One entry of a fact file → the fact, or undefined with its problems reported. */
export function checkEntry(value: unknown, path: Path, ctx: ParseContext, at: At, report: Report): Fact | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report('RIF004', at(path), 'a fact must be a mapping of fields (id, kind, title, …)');
    return undefined;
  }
  const kind = (value as Record<string, unknown>)['kind'];
  if (kind === undefined) {
    report('RIF003', at(path), 'missing required field "kind" (event, treaty or allegation)');
    return undefined;
  }
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    report('RIF004', at([...path, 'kind']), `kind ${JSON.stringify(kind)} must be one of ${KINDS.join(', ')}${didYouMean(typeof kind === 'string' ? kind : JSON.stringify(kind), KINDS)}`);
    return undefined;
  }
  if (ctx.expect?.kind !== undefined && ctx.expect.kind !== kind) {
    report('RIF007', at([...path, 'kind']), `kind "${kind}" is filed under folder "${ctx.expect.kind}"; move it to facts/${kind}/`);
  }
  const result = SCHEMAS[kind as Kind].safeParse(value);
  if (!result.success) {
    for (const zi of result.error.issues) reportZodIssue(zi, path, kind as Kind, value as Record<string, unknown>, at, report);
    return undefined;
  }
  const raw: RawFact = result.data;
  if (ctx.expect?.id !== undefined && ctx.expect.id !== raw.id) {
    report('RIF006', at([...path, 'id']), `id "${raw.id}" differs from the file name "${ctx.expect.id}.yaml"`);
  }
  for (const [i, topic] of (raw.topics ?? []).entries()) {
    if (!ctx.vocabulary.has(topic)) {
      report('RIF012', at([...path, 'topics', i]), `unknown topic "${topic}"${didYouMean(topic, ctx.vocabulary.keys())}; topics are listed in facts/topics.yaml`);
    }
  }
  const date = factDate(raw, path, at, report);
  return date ? toFact(raw, date, ctx.file) : undefined;
}

function fieldPositions(doc: Document, counter: LineCounter, path: Path): Map<string, Position> {
  const positions = new Map<string, Position>();
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      if (key && typeof key.value === 'string' && key.range) positions.set(key.value, counter.linePos(key.range[0]));
      // each source on its own, so advice about one source points at it ("sources.2")
      if (key?.value === 'sources' && isSeq(pair.value)) {
        for (const [i, item] of pair.value.items.entries()) {
          const range = (item as { range?: [number, number, number] } | null)?.range;
          if (range) positions.set(`sources.${i}`, counter.linePos(range[0]));
        }
      }
    }
  }
  return positions;
}

