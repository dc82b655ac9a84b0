import { Command } from 'commander';
import { openFacts, type DataOptions } from '../context.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { columnsOf, recordRows, rendererFor } from '../render/format.js';
import { addOutputOptions, outputFormat, outputLook, type OutputOptions } from './output.js';
import { addDataOptions } from './shared.js';

type TopicsOptions = DataOptions & OutputOptions;

const FIELDS = Object.freeze(['topic', 'meaning', 'facts']);

export function topicsCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('topics').description('the topic vocabulary: each topic, what it means and how many facts carry it').addHelpText(
    'after',
    `
Examples:
  rif topics
  rif topics --json | jq -r '.[] | select(.facts > 10) | .topic'
  rif topics --fields topic,facts --csv`,
  );
  addOutputOptions(addDataOptions(cmd), { fields: FIELDS, table: true });
  return cmd.action(async (options: TopicsOptions) => {
    const format = outputFormat(options, io);
    const store = await openFacts(options, io);
    const { vocabulary } = store;
    const counts = await store.topicCounts();
    const records = [...vocabulary].map(([topic, meaning]) => ({ topic, meaning, facts: counts.get(topic) ?? 0 }));
    const render = await rendererFor(format);
    const columns = columnsOf(options.fields ?? FIELDS, ['topic', 'facts']);
    io.stdout(render(recordRows(records, columns, { pick: options.fields !== undefined }), outputLook(options, io)));
    done(EXIT.ok);
  });
}
