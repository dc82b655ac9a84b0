import { Command } from 'commander';
import { chalkFor, openFacts, type ColorOptions, type DataOptions } from '../context.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { renderCsv, renderMarkdown, renderTsv } from '../render/delimited.js';
import { renderJson, renderNdjson } from '../render/json.js';
import { renderTable } from '../render/table.js';
import { outputFormat, type OutputOptions } from './listing.js';
import { addDataOptions, addOutputOptions } from './shared.js';

type TopicsOptions = DataOptions & ColorOptions & OutputOptions;

export function topicsCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('topics')
    .description('the topic vocabulary: each topic, what it means and how many facts carry it')
    .addHelpText(
      'after',
      `
Examples:
  rif topics
  rif topics --json | jq -r '.[] | select(.facts > 10) | .topic'`,
    );
  addOutputOptions(addDataOptions(cmd), false);
  return cmd.action((options: TopicsOptions) => {
    const format = outputFormat(options, io);
    const { facts, vocabulary } = openFacts(options, io);
    const records = [...vocabulary].map(([topic, meaning]) => ({ topic, meaning, facts: facts.filter((f) => f.topics.includes(topic)).length }));
    const headers = ['topic', 'meaning', 'facts'];
    const rows = records.map((r) => [r.topic, r.meaning, String(r.facts)]);
    const text = {
      json: () => renderJson(records),
      ndjson: () => renderNdjson(records),
      csv: () => renderCsv(headers, rows),
      markdown: () => renderMarkdown(headers, rows),
      plain: () => renderTsv(rows),
      table: () => renderTable(headers, rows, { columns: io.columns, chalk: chalkFor(options, io) }),
    }[format]();
    io.stdout(text);
    done(EXIT.ok);
  });
}
