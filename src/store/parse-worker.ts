// The worker thread of parse-files.ts: parses its share of the fact files, indexes their facts, and posts
// both back.
import { parentPort, workerData } from 'node:worker_threads';
import { hasher } from './hash.js';
import { indexParsed, parseTask, type ParseSettings, type ParseTask, type WorkerMessage } from './parse-files.js';

const { tasks, settings } = workerData as { tasks: readonly ParseTask[]; settings: ParseSettings };
const hash = hasher();
const done = tasks.map((task, i) => {
  if (i % 256 === 0) parentPort!.postMessage({ progress: i } satisfies WorkerMessage);
  return parseTask(task, settings, hash);
});
// indexing is half the work of a first run: this share's facts are indexed here, on the worker's core
const index = indexParsed(done);
parentPort!.postMessage({ done, index } satisfies WorkerMessage, [index.starts.buffer as ArrayBuffer, index.postings.buffer as ArrayBuffer]);
