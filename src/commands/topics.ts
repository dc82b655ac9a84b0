import { Command } from 'commander';
import { chalkFor, openFacts, type ColorOptions, type DataOptions } from '../context.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { namedRows, rendererFor } from '../render/format.js';
import { outputFormat, type OutputOptions } from './listing.js';
import { addDataOptions, addOutputOptions } from './shared.js';

type TopicsOptions = DataOptions & ColorOptions & OutputOptions;

export function topicsCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('topics').description('the topic vocabulary: each topic, what it means and how many facts carry it').addHelpText(
    'after',
    `
Examples:
  rif topics
  rif topics --json | jq -r '.[] | select(.facts > 10) | .topic'`,
  );
  addOutputOptions(addDataOptions(cmd), false);
  return cmd.action(async (options: TopicsOptions) => {
    const format = outputFormat(options, io);
    const store = await openFacts(options, io);
    const { vocabulary } = store;
    const counts = await store.topicCounts();
    const records = [...vocabulary].map(([topic, meaning]) => ({ topic, meaning, facts: counts.get(topic) ?? 0 }));
    const render = await rendererFor(format);
    const table = { columns: io.columns, chalk: chalkFor(options, io) };
    io.stdout(render(namedRows(records, ['topic', 'meaning', 'facts'], (r) => [r.topic, r.meaning, String(r.facts)], table)));
    done(EXIT.ok);
  });
}
