// Build step: the bundled facts, checked by the exact loader, written as the store in dist/bundled/.
// Fails the build on any problem in them: the bundled facts ship clean or not at all.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../src/facts/issues.js';
import { loadFacts } from '../src/facts/load.js';
import { parseRecordFile, RECORD_FILE, type RecordInfo } from '../src/record.js';
import { planBundled } from '../src/store/bundled-plan.js';
import { checksum } from '../src/store/checksum.js';
import { hasher } from '../src/store/hash.js';
import { writeEntry } from '../src/store/write-entry.js';

export async function compileFacts(root: string): Promise<number> {
  const factsDir = join(root, 'facts') + '/';
  const exact = loadFacts({ bundledDir: factsDir, includeBundled: true, userPaths: [], cwd: undefined });
  for (const issue of exact.issues) process.stderr.write(`${formatIssue(issue, (f) => f.slice(root.length))}\n`);
  const record = parseRecordFile(readFileSync(join(factsDir, RECORD_FILE), 'utf8'));
  if ('problem' in record) process.stderr.write(`facts/${RECORD_FILE}: ${record.problem}\n`);
  if (exact.issues.length || 'problem' in record) return 1;
  const plan = await planBundled(factsDir, hasher());
  // the fast reader must find what the exact one found: the store is what every command reads
  if (plan.issues.length || plan.kept.length !== exact.facts.length) {
    process.stderr.write(
      `the compiled store holds ${plan.kept.length} facts and ${plan.issues.length} problems; the exact loader found ${exact.facts.length} and none\n`,
    );
    return 1;
  }
  const out = join(root, 'dist', 'bundled');
  writeEntry(out, plan, undefined, { fileBase: factsDir, listing: true }, checksum);
  const info: RecordInfo = { facts: plan.kept.length, as_of: record.as_of };
  writeFileSync(join(out, 'record.json'), `${JSON.stringify(info)}\n`);
  process.stdout.write(`compiled ${plan.kept.length} bundled facts into dist/bundled/\n`);
  return 0;
}
