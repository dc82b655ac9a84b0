import { Command } from 'commander';
import type { Io } from '../io.js';
import { runListing, type ListingOptions } from './listing.js';
import { addDataOptions, addFilterOptions, addOutputOptions } from './shared.js';

export function searchCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('search')
    .description('fuzzy search over titles, aliases, ids, summaries, actors, places, topics and quotes; best first')
    .argument('[query...]', 'words to search for (typos are forgiven)')
    .addHelpText(
      'after',
      `
Examples:
  rif search shahed
  rif search "drone deal" --json
  rif bushher                          # no command name: the same as rif search
  rif search treaty --from 1800 --to 1830 --kind treaty`,
    );
  addFilterOptions(addOutputOptions(addDataOptions(cmd)));
  return cmd.action(async (words: string[], options: ListingOptions) => done(await runListing('search', words, options, io)));
}
