import { Command, Option } from 'commander';
import * as parse from '../options.js';
import type { Io } from '../io.js';
import type { View } from '../render/hits.js';
import { addCountOptions, runListing, type ListingOptions } from './listing.js';
import { addOutputOptions } from './output.js';
import { addDataOptions, addFilterOptions, todayOf } from './shared.js';
import { FIELD_NAMES } from '../render/record.js';

const LISTINGS: readonly { name: string; view: View; what: string; examples: string }[] = [
  {
    name: 'list',
    view: 'list',
    what: 'all facts in date order (by relevance when a query is given)',
    examples: `  rif list --in 19th-century
  rif list --topic nuclear --from 2010 --json | jq length
  rif list --actor putin --limit 5`,
  },
  {
    name: 'events',
    view: 'event',
    what: 'events in date order (by relevance when a query is given)',
    examples: `  rif events --in 1940s
  rif events syria --fields date,id,title`,
  },
  {
    name: 'treaties',
    view: 'treaty',
    what: 'treaties and agreements with their signed, in force and ended dates',
    examples: `  rif treaties --from 1800 --to 1830
  rif treaties --in-force-at 1950        which treaties bound Moscow and Tehran in 1950
  rif treaties caspian --json`,
  },
  {
    name: 'allegations',
    view: 'allegation',
    what: 'allegations with their status and who alleged them',
    examples: `  rif allegations --status alleged
  rif allegations drones --csv`,
  },
];

/** The listing commands, or only the one named `only` (a run builds only the command it runs). */
export function listCommands(io: Io, done: (code: number) => void, only?: string): Command[] {
  return LISTINGS.filter((l) => only === undefined || l.name === only).map(({ name, view, what, examples }) => {
    const cmd = new Command(name).description(what).argument('[query...]', 'optional words to search for').addHelpText('after', `\nExamples:\n${examples}`);
    addCountOptions(addFilterOptions(addOutputOptions(addDataOptions(cmd), { fields: FIELD_NAMES, table: true }), io));
    if (view === 'list' || view === 'treaty') {
      cmd.addOption(
        new Option('--in-force-at <date>', 'treaties signed, in force and not yet ended on this date (YYYY, YYYY-MM, YYYY-MM-DD or today)').argParser(
          parse.dateParser(todayOf(io)),
        ),
      );
    }
    return cmd.action(async (words: string[], options: ListingOptions) => done(await runListing(view, words, options, io)));
  });
}
