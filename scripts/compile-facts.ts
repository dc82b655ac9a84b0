// Build step: the bundled facts, checked by the exact loader, written as the store in dist/bundled/.
// Fails the build on any problem in them: the bundled facts ship clean or not at all.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../src/facts/issues.js';
import { compileBundled } from '../src/store/compile.js';
import { writeStore } from '../src/store/disk.js';
import { hasher } from '../src/store/hash.js';
import { parseRecordFile, RECORD_FILE, type RecordInfo } from '../src/record.js';

export function compileFacts(root: string): number {
  const factsDir = join(root, 'facts') + '/';
  const hash = hasher();
  const data = compileBundled(factsDir, hash);
  for (const issue of data.issues) process.stderr.write(`${formatIssue(issue, (f) => f.slice(root.length))}\n`);
  const record = parseRecordFile(readFileSync(join(factsDir, RECORD_FILE), 'utf8'));
  if ('problem' in record) process.stderr.write(`facts/${RECORD_FILE}: ${record.problem}\n`);
  if (data.issues.length || 'problem' in record) return 1;
  const out = join(root, 'dist', 'bundled');
  writeStore(out, data, hash, { fileBase: factsDir, listing: true });
  const info: RecordInfo = { facts: data.kept.length, as_of: record.as_of };
  writeFileSync(join(out, 'record.json'), `${JSON.stringify(info)}\n`);
  process.stdout.write(`compiled ${data.kept.length} bundled facts into dist/bundled/\n`);
  return 0;
}
