// The queries users type (tests/fixtures/queries.yaml and queries-2.yaml, from the product brief): each must
// find its fact in the top 3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES, rifJson, ROOT, tempDir } from './helpers.js';

interface Expectation {
  q: string;
  kind?: string;
  years?: [number, number];
  match?: string;
  text?: string;
}

type Rec = {
  id: string;
  kind: string;
  title: string;
  aliases: string[];
  summary: string;
  quotes: { text: string }[];
  actors: string[];
  places: string[];
  date: { start: string; end: string | null };
};

const files = ['queries.yaml', 'queries-2.yaml'];
const queries = files.flatMap((file) => (parse(readFileSync(join(FIXTURES, file), 'utf8')) as Expectation[]).map((e) => ({ ...e, file })));

function satisfies(r: Rec, e: Expectation): boolean {
  if (e.kind && r.kind !== e.kind) return false;
  if (e.years) {
    const from = Number(r.date.start.slice(0, 4));
    const to = r.date.end === null ? 9999 : Number(r.date.end.slice(0, 4));
    if (to < e.years[0] || from > e.years[1]) return false;
  }
  const names = [r.title, r.id, ...r.aliases].join('\n');
  if (e.match && !new RegExp(e.match, 'i').test(names)) return false;
  if (e.text && !new RegExp(e.text, 'i').test([names, r.summary, ...r.quotes.map((q) => q.text), ...r.actors, ...r.places].join('\n'))) return false;
  return true;
}

const cache = { env: { XDG_CACHE_HOME: tempDir() } };
describe.each([
  ['the bundled facts', [] as string[], {}],
  ['the same facts loaded as a user directory', ['--no-bundled', '--facts', join(ROOT, 'facts')], {}],
  ['the same facts read back from the cache', ['--no-bundled', '--facts', join(ROOT, 'facts')], cache],
])('the queries on %s', (_, extra, terminal) => {
  it('come from both files', () => {
    expect(files.map((f) => queries.filter((e) => e.file === f).length)).toEqual([20, 25]);
  });

  it.each(queries.map((e) => [e.q, e.file, e] as const))('"%s" (%s) finds its fact in the top 3', async (q, _file, e) => {
    const hits = await rifJson<Rec[]>(['search', q, '--limit', '3', ...extra], terminal);
    const found = hits.some((h) => satisfies(h, e));
    expect(found, `top 3 for ${JSON.stringify(e)}: ${hits.map((h) => h.id).join(', ')}`).toBe(true);
  });
});
