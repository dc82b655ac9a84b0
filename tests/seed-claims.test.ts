// Every claim of the seed article maps to bundled facts; where sources qualify a claim, a fact warns the writer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../src/facts/load.js';
import { FIXTURES, ROOT } from './helpers.js';

interface Claim {
  claim: string;
  facts: string[];
  warned?: boolean;
}

const claims = parse(readFileSync(join(FIXTURES, 'seed-claims.yaml'), 'utf8')) as Claim[];
const { facts } = loadFacts({ bundledDir: join(ROOT, 'facts'), includeBundled: true, userPaths: [], cwd: ROOT });
const byId = new Map(facts.map((f) => [f.id, f]));

describe('seed article claims', () => {
  it('lists all 32 claims', () => {
    expect(claims.map((c) => c.claim.split(' ')[0])).toEqual(Array.from({ length: 32 }, (_, i) => `S${i + 1}`));
  });

  it.each(claims.map((c) => [c.claim, c] as const))('%s', (_, c) => {
    for (const id of c.facts) expect(byId.has(id), `fact ${id}`).toBe(true);
    if (c.warned) {
      const warning = c.facts.some((id) => /^The AP explainer of 17 January 2025 says/.test(byId.get(id)?.note ?? ''));
      expect(warning, 'a fact whose note begins "The AP explainer of 17 January 2025 says" (the article the seed article rewrites)').toBe(true);
    }
  });
});
