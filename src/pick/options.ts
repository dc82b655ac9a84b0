// rif pick's flags as the command parses them: apart from the command, so that the picker's code (loaded
// when it runs) and the command's declaration share them without importing each other.
import type { CiteOptions } from '../commands/cite.js';
import type { ListingOptions } from '../commands/listing.js';
import type { CiteStyle } from '../render/cite-styles.js';

/** What Enter prints of the facts picked. */
export const PRINTS = Object.freeze(['id', 'json', 'cite', 'url'] as const);
type Print = (typeof PRINTS)[number];

export type PickOptions = ListingOptions &
  Pick<CiteOptions, 'sources' | 'maxSources' | 'accessed'> & {
    readonly print?: Print;
    readonly style?: CiteStyle;
  };
