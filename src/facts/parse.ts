// Pure: the text of one fact file → normalized facts and coded issues with positions.
import { LineCounter, parseDocument, visit, isMap, type Document } from 'yaml';
import type { z } from 'zod';
import { coarser, firstDay, lastDay, parsePartialDate } from '../dates.js';
import { didYouMean } from '../suggest.js';
import { SCHEMAS, type RawFact } from './schema.js';
import { KINDS, type Fact, type FactDate, type Kind, type Vocabulary } from './types.js';
import type { Issue, IssueCode } from './issues.js';
import { locate, type Path, type Position } from './locate.js';

export interface Located {
  readonly fact: Fact;
  readonly at: Position;
  /** positions of the fact's top-level fields, for problems found later (related ids, duplicates) */
  readonly fields: ReadonlyMap<string, Position>;
}

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

export const YAML_OPTIONS = Object.freeze({
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  merge: false,
  prettyErrors: false,
  strict: true,
} as const);

const ALLEGATION_ATTRIBUTION = new Set(['status', 'alleged_by']);

export function parseFactText(text: string, ctx: ParseContext): ParseResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: counter });
  const issues: Issue[] = [];
  const at = (path: Path, key = false): Position => locate(doc, counter, path, key);
  const report = (code: IssueCode, pos: Position, message: string) =>
    issues.push({ code, file: ctx.file, line: pos.line, col: pos.col, message });

  issues.push(...syntaxIssues(doc, counter, text, ctx.file));
  if (issues.length) return { entries: [], issues };

  visit(doc, {
    Alias(_, node) {
      const { line, col } = counter.linePos(node.range?.[0] ?? 0);
      report('RIF001', { line, col }, `aliases (*${node.source}) are not allowed in fact files; write the value out`);
    },
  });
  if (issues.length) return { entries: [], issues };

  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    report('RIF004', { line: 1, col: 1 }, 'the file is empty: expected a fact (a mapping) or a list of facts');
    return { entries: [], issues };
  }
  const items: { value: unknown; path: Path }[] = Array.isArray(data)
    ? data.map((value, i) => ({ value, path: [i] }))
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

/** YAML syntax errors as RIF001 issues. An error found at the end of the file (an unclosed quote)
 * is placed on the last character, where the reader will look for it. */
export function syntaxIssues(doc: Document, counter: LineCounter, text: string, file: string): Issue[] {
  const last = Math.max(0, text.trimEnd().length - 1);
  return doc.errors.map((error) => {
    const { line, col } = counter.linePos(Math.min(error.pos[0], last));
    return { code: 'RIF001' as const, file, line, col, message: error.message.split('\n')[0]! };
  });
}

type Report = (code: IssueCode, pos: Position, message: string) => void;
type At = (path: Path, key?: boolean) => Position;

function checkEntry(value: unknown, path: Path, ctx: ParseContext, at: At, report: Report): Fact | undefined {
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
    report('RIF004', at([...path, 'kind']), `kind ${JSON.stringify(kind)} must be one of ${KINDS.join(', ')}${didYouMean(String(kind), KINDS)}`);
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
  const raw = result.data as RawFact;
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

function reportZodIssue(zi: z.core.$ZodIssue, prefix: Path, kind: Kind, value: Record<string, unknown>, at: At, report: Report): void {
  const path = [...prefix, ...(zi.path as (string | number)[])];
  const field = zi.path.map(String).join('.');
  if (zi.code === 'unrecognized_keys') {
    for (const key of zi.keys) {
      const hint = kind === 'treaty' && ['date', 'start', 'end'].includes(key) ? ' (a treaty is dated by "signed")' : didYouMean(key, Object.keys(SCHEMAS[kind].shape));
      report('RIF002', at([...path, key], true), `unknown field "${key}" for a ${kind}${hint}`);
    }
    return;
  }
  if (zi.code === 'custom' && typeof zi.params?.['code'] === 'string') {
    report(zi.params['code'] as IssueCode, at(path), zi.message);
    return;
  }
  const missing = valueAt(value, zi.path as (string | number)[]) === undefined;
  const attribution = kind === 'allegation' && zi.path.length === 1 && ALLEGATION_ATTRIBUTION.has(String(zi.path[0]));
  if (missing || (zi.code === 'too_small' && zi.origin === 'array')) {
    const code: IssueCode = attribution ? 'RIF015' : 'RIF003';
    const what = missing ? `missing required field "${field}"` : `field "${field}" ${zi.message}`;
    report(code, at(path), attribution ? `${what}: an allegation states its status and who alleged it` : what);
    return;
  }
  if (zi.code === 'invalid_value') {
    report('RIF004', at(path), `field "${field}" must be one of ${zi.values.map(String).join(', ')}`);
    return;
  }
  if (zi.code === 'invalid_type' || zi.code === 'invalid_union') {
    const expected = zi.code === 'invalid_type' ? zi.expected : 'a date or a year';
    report('RIF004', at(path), `field "${field}" should be ${article(expected)}, not ${describe(valueAt(value, zi.path as (string | number)[]))}`);
    return;
  }
  report('RIF004', at(path), `field "${field}": ${zi.message}`);
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty (null)';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'the text' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = value;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function factDate(raw: RawFact, path: Path, at: At, report: Report): FactDate | undefined {
  const approximate = raw.approximate ?? false;
  const note = raw.date_note ?? null;
  if (raw.kind === 'treaty') {
    const signed = parsePartialDate(raw.signed)!;
    const order: [string, string | undefined][] = [['in_force', raw.in_force], ['ended', raw.ended]];
    let previous: { name: string; last: number } = { name: 'signed', last: firstDay(signed) };
    for (const [name, text] of order) {
      if (text === undefined) continue;
      const date = parsePartialDate(text)!;
      if (lastDay(date) < previous.last) {
        report('RIF011', at([...path, name]), `${name} ${text} comes before ${previous.name} ${(raw as Record<string, unknown>)[previous.name]}`);
        return undefined;
      }
      previous = { name, last: firstDay(date) };
    }
    return { start: raw.signed, end: raw.signed, precision: signed.precision, approximate, note };
  }
  if (raw.date !== undefined && (raw.start !== undefined || raw.end !== undefined)) {
    report('RIF004', at([...path, raw.start !== undefined ? 'start' : 'end'], true), 'give either "date" or "start"/"end", not both');
    return undefined;
  }
  if (raw.date !== undefined) {
    return { start: raw.date, end: raw.date, precision: parsePartialDate(raw.date)!.precision, approximate, note };
  }
  if (raw.start === undefined) {
    report('RIF003', at(path), `missing required field "date" (or "start" and "end" for a span)`);
    return undefined;
  }
  const start = parsePartialDate(raw.start)!;
  if (raw.end === undefined) return { start: raw.start, end: null, precision: start.precision, approximate, note };
  const end = parsePartialDate(raw.end)!;
  if (lastDay(end) < firstDay(start)) {
    report('RIF010', at([...path, 'end']), `end ${raw.end} comes before start ${raw.start}`);
    return undefined;
  }
  return { start: raw.start, end: raw.end, precision: coarser(start.precision, end.precision), approximate, note };
}

function toFact(raw: RawFact, date: FactDate, file: string): Fact {
  const base = {
    id: raw.id,
    title: raw.title,
    summary: raw.summary,
    date,
    note: raw.note ?? null,
    topics: raw.topics ?? [],
    actors: raw.actors ?? [],
    places: raw.places ?? [],
    aliases: raw.aliases ?? [],
    related: raw.related ?? [],
    quotes: (raw.quotes ?? []).map((q) => ({ text: q.text, speaker: q.speaker, date: q.date ?? null, note: q.note ?? null })),
    sources: raw.sources.map((s) => ({ url: s.url, publisher: s.publisher, title: s.title ?? null })),
    file,
  };
  switch (raw.kind) {
    case 'event':
      return { ...base, kind: 'event' };
    case 'treaty':
      return {
        ...base,
        kind: 'treaty',
        signed: raw.signed,
        in_force: raw.in_force ?? null,
        ended: raw.ended ?? null,
        parties: raw.parties ?? [],
        duration: raw.duration ?? null,
        provisions: raw.provisions ?? [],
      };
    case 'allegation':
      return {
        ...base,
        kind: 'allegation',
        status: raw.status,
        alleged_by: raw.alleged_by,
        denied_by: raw.denied_by ?? [],
        confirmed_by: raw.confirmed_by ?? [],
        history: (raw.history ?? []).map((h) => ({ date: h.date, status: h.status, by: h.by, note: h.note ?? null })),
      };
  }
}

function fieldPositions(doc: Document, counter: LineCounter, path: Path): Map<string, Position> {
  const positions = new Map<string, Position>();
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      if (key && typeof key.value === 'string' && key.range) positions.set(key.value, counter.linePos(key.range[0]));
    }
  }
  return positions;
}

