// The worker thread of parse-files.ts: parses its share of the fact files and posts the results a part at
// a time as it goes, so that neither thread holds both copies of the share at once; it indexes their facts
// meanwhile, and posts the index last.
import { parentPort, workerData } from 'node:worker_threads';
import { hasher } from './hash.js';
import { indexParsed, parseTask, WORKER_PART, type Parsed, type ParseSettings, type ParseTask, type WorkerMessage } from './parse-files.js';

const { tasks, settings } = workerData as { tasks: readonly ParseTask[]; settings: ParseSettings };
const hash = hasher();

function* share(): Generator<Parsed> {
  let part: Parsed[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const parsed = parseTask(tasks[i]!, settings, hash);
    part.push(parsed);
    if (part.length === WORKER_PART || i === tasks.length - 1) {
      parentPort!.postMessage({ parsed: part } satisfies WorkerMessage);
      part = [];
    }
    yield parsed;
  }
}
// indexing is half the work of a first run: this share's facts are indexed here, on the worker's core
const index = indexParsed(share());
parentPort!.postMessage({ index } satisfies WorkerMessage, [index.starts.buffer as ArrayBuffer, index.postings.buffer as ArrayBuffer]);
