// Pure: the text of a topics.yaml (topic: one-line meaning) → the vocabulary and coded issues.
import { firstControl } from '../control.js';
import type { Issue } from './issues.js';
import { readYaml } from './read-yaml.js';
import type { Vocabulary } from './types.js';
import { yaml } from './yaml-lib.js';

const TOPIC = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseVocabulary(text: string, file: string): { vocabulary: Vocabulary; issues: Issue[] } {
  const { doc, counter, issues } = readYaml(text, file);
  const { isMap, isScalar } = yaml();
  const vocabulary = new Map<string, string>();
  if (!doc) return { vocabulary, issues };
  if (!isMap(doc.contents)) {
    issues.push({ code: 'RIF004', file, line: 1, col: 1, message: 'topics.yaml must map each topic to a one-line meaning' });
    return { vocabulary, issues };
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key : undefined;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    const pos = counter.linePos(key?.range?.[0] ?? 0);
    if (typeof key?.value !== 'string' || !TOPIC.test(key.value)) {
      issues.push({ code: 'RIF005', file, ...pos, message: `topic ${JSON.stringify(key?.value)} must be kebab-case` });
    } else if (typeof value !== 'string' || !value.trim()) {
      issues.push({ code: 'RIF004', file, ...pos, message: `topic "${key.value}" needs a one-line meaning` });
    } else {
      const control = firstControl(value);
      if (control) issues.push({ code: 'RIF021', file, ...pos, message: `the meaning of topic "${key.value}" contains the control character ${control}` });
      else vocabulary.set(key.value, value.trim());
    }
  }
  return { vocabulary, issues };
}
