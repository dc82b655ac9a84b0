// Pure: the text of one fact file → normalized facts and coded issues with positions.
import type { Document, LineCounter } from 'yaml';
import { didYouMean } from '../suggest.js';
import { factDate } from './fact-date.js';
import { checkDates, lenientFact } from './partial.js';
import { ALL_FIELDS, SCHEMAS, SHARED_SCHEMA, type RawFact } from './schema.js';
import { reportZodIssue } from './schema-issues.js';
import { toFact } from './to-fact.js';
import { KINDS, type Fact, type Kind, type Vocabulary } from './types.js';
import type { Issue, IssueCode, Report } from './issues.js';
import { locate, type At, type Path, type Position } from './locate.js';
import { fieldName, placeholdersIn } from './placeholders.js';
import { readYaml } from './read-yaml.js';
import { yaml } from './yaml-lib.js';

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
  /** entries with problems, as far as they can still be checked across facts and for warnings (rif validate) */
  readonly partial: Located[];
}

export interface ParseContext {
  readonly file: string;
  readonly vocabulary: Vocabulary;
  /** for the bundled layout facts/<kind>/<id>.yaml: what the folder and file name say */
  readonly expect?: { readonly kind?: string; readonly id?: string };
}

export function parseFactText(text: string, ctx: ParseContext): ParseResult {
  const { doc, counter, issues } = readYaml(text, ctx.file);
  if (!doc) return { entries: [], issues, partial: [] };
  const at = (path: Path, key = false): Position => locate(doc, counter, path, key);
  const report = (code: IssueCode, pos: Position, message: string) =>
    issues.push({ code, file: ctx.file, line: pos.line, col: pos.col, message });

  const data = doc.toJS() as unknown;
  if (data === null || data === undefined) {
    report('RIF004', { line: 1, col: 1 }, 'the file is empty: expected a fact (a mapping) or a list of facts');
    return { entries: [], issues, partial: [] };
  }
  const items: { value: unknown; path: Path }[] = Array.isArray(data)
    ? (data as unknown[]).map((value, i) => ({ value, path: [i] }))
    : [{ value: data, path: [] }];
  if (Array.isArray(data) && ctx.expect) {
    report('RIF004', at([]), 'a bundled fact file holds exactly one fact (a mapping), not a list');
    return { entries: [], issues, partial: [] };
  }

  const entries: Located[] = [];
  const partial: Located[] = [];
  for (const { value, path } of items) {
    const before = issues.length;
    const { fact, partial: part } = checkFields(value, path, ctx, at, report);
    if (fact && issues.length === before) entries.push({ fact, at: at(path), fields: fieldPositions(doc, counter, path) });
    else if (part ?? fact) partial.push({ fact: (part ?? fact)!, at: at(path), fields: fieldPositions(doc, counter, path) });
  }
  return { entries, issues, partial };
}

/** One entry of a fact file → the fact, or undefined with its problems reported. */
export function checkEntry(value: unknown, path: Path, ctx: ParseContext, at: At, report: Report): Fact | undefined {
  return checkFields(value, path, ctx, at, report).fact;
}

/**
 * One entry checked whole: every problem reported, not only the first kind of problem found. A kind that
 * is missing or unknown is reported and the entry is still checked against the fields all kinds share;
 * a field of the wrong type does not stop its topics, its id and its dates from being checked. Returns
 * the fact when there was no problem, and else what of the entry can still be checked across facts.
 */
function checkFields(value: unknown, path: Path, ctx: ParseContext, at: At, reportAny: Report): { fact?: Fact; partial?: Fact } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reportAny('RIF004', at(path), 'a fact must be a mapping of fields (id, kind, title, …)');
    return {};
  }
  // a placeholder left from rif new is reported as that, and as nothing else (not as a bad date too)
  const held = new Set<string>();
  for (const found of placeholdersIn(value)) {
    const pos = at([...path, ...found.path]);
    held.add(`${pos.line}:${pos.col}`);
    reportAny('RIF025', pos, `field "${fieldName(found.path)}" is still the placeholder "${found.value}": replace it, or delete the line if the field is optional`);
  }
  const report: Report = (code, pos, message) => {
    if (!held.has(`${pos.line}:${pos.col}`)) reportAny(code, pos, message);
  };
  const fields = value as Record<string, unknown>;
  const kind = knownKind(fields['kind'], path, at, report);
  if (kind !== undefined && ctx.expect?.kind !== undefined && ctx.expect.kind !== kind) {
    report('RIF007', at([...path, 'kind']), `kind "${kind}" is filed under folder "${ctx.expect.kind}"; move it to facts/${kind}/`);
  }
  const result = kind ? SCHEMAS[kind].safeParse(value) : SHARED_SCHEMA.safeParse(value);
  if (!result.success) for (const zi of result.error.issues) reportZodIssue(zi, path, kind, fields, at, report);
  if (!kind) {
    for (const key of Object.keys(fields)) {
      if (!ALL_FIELDS.has(key)) report('RIF002', at([...path, key], true), `unknown field "${key}"${didYouMean(key, ALL_FIELDS)}`);
    }
  }
  if (typeof fields['id'] === 'string' && ctx.expect?.id !== undefined && ctx.expect.id !== fields['id']) {
    report('RIF006', at([...path, 'id']), `id "${fields['id']}" differs from the file name "${ctx.expect.id}.yaml"`);
  }
  for (const [i, topic] of (Array.isArray(fields['topics']) ? fields['topics'] : []).entries()) {
    if (typeof topic === 'string' && !ctx.vocabulary.has(topic.trim())) {
      report('RIF012', at([...path, 'topics', i]), `unknown topic "${topic}"${didYouMean(topic, ctx.vocabulary.keys())}; topics are listed in facts/topics.yaml`);
    }
  }
  if (!kind || !result.success) {
    if (kind) checkDates(fields, kind, path, at, report);
    return { partial: lenientFact(fields, kind, ctx.file) };
  }
  const raw = result.data as RawFact;
  const date = factDate(raw, path, at, report);
  return date ? { fact: toFact(raw, date, ctx.file) } : { partial: lenientFact(fields, kind, ctx.file) };
}

/** The kind, when it is one; a missing or unknown kind is reported. */
function knownKind(kind: unknown, path: Path, at: At, report: Report): Kind | undefined {
  if (kind === undefined) {
    report('RIF003', at(path), 'missing required field "kind" (event, treaty or allegation)');
    return undefined;
  }
  if (typeof kind === 'string' && (KINDS as readonly string[]).includes(kind)) return kind as Kind;
  const shown = typeof kind === 'string' ? kind : JSON.stringify(kind);
  report('RIF004', at([...path, 'kind']), `kind ${JSON.stringify(kind)} must be one of ${KINDS.join(', ')}${didYouMean(shown, KINDS)}`);
  return undefined;
}

function fieldPositions(doc: Document, counter: LineCounter, path: Path): Map<string, Position> {
  const { isMap, isSeq } = yaml();
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

