// The bundled facts as a store plan: at build time, to be written to dist/bundled/, and in a checkout that
// was not built yet. Loaded only then, since it brings the YAML parsers and the schema.
import { join, resolve } from 'node:path';
import { findBundledFiles, VOCABULARY_FILE } from '../facts/files.js';
import type { Issue } from '../facts/issues.js';
import { readVocabularies } from '../facts/load.js';
import type { Hash } from './hash.js';
import { planEntry, type Plan } from './plan.js';

/** The bundled facts as a store plan: at build time (to be written to dist/bundled/), and for an unbuilt checkout. */
export async function planBundled(dir: string, hash: Hash): Promise<Plan> {
  const root = resolve(dir);
  const jobs = findBundledFiles(root);
  const issues: Issue[] = [];
  const vocabulary = readVocabularies([join(root, VOCABULARY_FILE)], issues);
  const plan = await planEntry({
    key: '',
    bundledVocabulary: vocabulary,
    found: { vocabularies: [], jobs, skipped: [] },
    checkedAt: 0,
    hash,
  });
  // the key names what the facts say, wherever the package is installed
  const key = hash(JSON.stringify([plan.appended.map((f) => ({ ...f, file: f.file.slice(root.length) })), [...plan.vocabulary]]));
  return { ...plan, key, issues: [...issues, ...plan.issues] };
}
