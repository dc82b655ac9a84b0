// The bundled facts as store data, read by the exact loader: at build time into dist/bundled/, and at
// run time only when a checkout has not been built yet.
import { statSync } from 'node:fs';
import { loadFacts } from '../facts/load.js';
import type { StoreData } from './disk.js';
import type { Hash } from './hash.js';

export function compileBundled(dir: string, hash: Hash): StoreData {
  const result = loadFacts({ bundledDir: dir, includeBundled: true, userPaths: [] });
  const key = hash(JSON.stringify([result.facts.map((f) => ({ ...f, file: '' })), [...result.vocabulary]]));
  return {
    key,
    vocabulary: result.vocabulary,
    vocabularyFiles: [],
    skipped: [],
    sources: result.files.map((file) => {
      const stat = statSync(file);
      const first = result.facts.findIndex((f) => f.file === file);
      return { file, size: stat.size, mtimeMs: stat.mtimeMs, first: Math.max(0, first), count: first < 0 ? 0 : 1, issues: [] };
    }),
    issues: result.issues,
    records: result.facts,
    kept: result.facts.map((_, i) => i),
  };
}
