// Build step: the bundled facts, checked by the exact loader, written as the store in dist/bundled/.
// Fails the build on any problem in them: the bundled facts ship clean or not at all.
import { join } from 'node:path';
import { formatIssue } from '../src/facts/issues.js';
import { compileBundled } from '../src/store/compile.js';
import { writeStore } from '../src/store/disk.js';
import { hasher } from '../src/store/hash.js';

export async function compileFacts(root: string): Promise<number> {
  const factsDir = join(root, 'facts') + '/';
  const hash = hasher();
  const data = compileBundled(factsDir, hash);
  for (const issue of data.issues) process.stderr.write(`${formatIssue(issue, (f) => f.slice(root.length))}\n`);
  if (data.issues.length) return 1;
  writeStore(join(root, 'dist', 'bundled'), data, hash, { fileBase: factsDir, listing: true });
  process.stdout.write(`compiled ${data.kept.length} bundled facts into dist/bundled/\n`);
  return 0;
}
