// What the man page says that no help does: the environment rif reads and the files it uses, each entry
// with the command whose feature it belongs to, if any (man.ts puts them in the page).

/** What rif reads from the environment; an entry with `command` belongs to that command's feature. */
export const ENVIRONMENT: readonly { readonly name: string; readonly text: string; readonly command?: string }[] = Object.freeze([
  {
    name: 'RIF_FACTS',
    text: 'Fact files and directories to load besides the bundled facts, separated by : (; on Windows), as if each were given with --facts.',
  },
  { name: 'RIF_CONFIG', text: 'The config file to read instead of $XDG_CONFIG_HOME/rif/config.yaml.', command: 'config' },
  {
    name: 'XDG_CONFIG_HOME',
    text: 'The config file is $XDG_CONFIG_HOME/rif/config.yaml, or ~/.config/rif/config.yaml when this is not set.',
    command: 'config',
  },
  {
    name: 'XDG_CACHE_HOME',
    text: "The cache of parsed user fact files and of rif's compiled code is $XDG_CACHE_HOME/rif, or ~/.cache/rif when this is not set.",
  },
  {
    name: 'RIF_CODE_CACHE',
    text: '0: rif neither reads nor writes the compiled code of its own, and each run compiles it again (about 6 ms of rif show and 16 ms of rif search, measured).',
  },
  {
    name: 'COLUMNS',
    text: "The width tables, cards, timelines, charts and help are drawn at, before the terminal's own; --width decides first. In a pipe, without it or a width in the config file, 80.",
  },
  {
    name: 'RIF_PAGER',
    text: "The pager for output taller than the terminal, run by sh; before the config file's pager and PAGER. Empty, or cat, for none. Never used in a pipe or with --no-pager.",
  },
  { name: 'PAGER', text: 'The pager when neither RIF_PAGER nor the config file names one; without any of them, less -FRX.' },
  { name: 'VISUAL, EDITOR', text: 'The editor rif config edit opens, VISUAL first; vi without them.', command: 'config' },
  { name: 'NO_COLOR', text: 'Any value but the empty one turns colour off, unless --color always or FORCE_COLOR says otherwise.' },
  { name: 'FORCE_COLOR', text: '0 turns colour off; 1, 2 or 3 turn it on, in a pipe too, with more colours. --color and --no-color decide first.' },
  {
    name: 'TERM',
    text: "dumb turns colour off (and OSC 8 links); xterm-kitty, alacritty, foot and wezterm draw OSC 8 links in the show card. rif pick sends Ctrl-Y's citation to the clipboard by OSC 52 except under dumb and linux.",
  },
  {
    name: 'BROWSER',
    text: 'The program rif open (and Ctrl-O in rif pick) hands an address to: commands separated by : (the first that starts opens it), each read into words as a shell reads them (quotes, backslashes), %s standing for the address; without it xdg-open, open on macOS, start on Windows.',
    command: 'open',
  },
  {
    name: 'FORCE_HYPERLINK',
    text: "1 makes the show card's addresses OSC 8 links on any terminal, 0 on none; never in a pipe. Without it, links where the terminal says it draws them (VTE_VERSION, TERM_PROGRAM, WT_SESSION, KONSOLE_VERSION, TERM).",
    command: 'show',
  },
]);

export const FILES: readonly { readonly name: string; readonly text: string; readonly command?: string }[] = Object.freeze([
  {
    name: '$XDG_CACHE_HOME/rif/ (~/.cache/rif/)',
    text: 'Your fact files as parsed, one entry per set of --facts and RIF_FACTS paths, checked against the files on every run. rif cache clear deletes it; --no-cache neither reads nor writes it.',
  },
  {
    name: '$XDG_CACHE_HOME/rif/code/',
    text: "rif's own code as V8 compiled it, a folder for each command and set of flags (by name), written by its first run of a build on a version of Node and checked by every run after it; a file that is damaged or from another build is not used, and the folder of another build or Node that nothing has written for a week is deleted. --no-cache and RIF_CODE_CACHE=0 leave it alone.",
  },
  {
    name: '$XDG_CONFIG_HOME/rif/config.yaml (~/.config/rif/config.yaml)',
    text: 'Defaults that flags override; rif config path prints where it is read from.',
    command: 'config',
  },
  { name: 'topics.yaml', text: 'At the root of a fact directory given with --facts or RIF_FACTS: topics added to the vocabulary.' },
  {
    name: 'dist/schema/fact.schema.json, dist/schema/record.schema.json',
    text: 'In the package: the JSON Schemas of a fact file and of a record, which rif schema prints; a fact file names the first in a yaml-language-server comment for editors to check it.',
    command: 'schema',
  },
  {
    name: 'facts/, dist/bundled/',
    text: 'In the package: the bundled facts as YAML (what rif validate checks), and compiled at build time (what the other commands read).',
  },
]);
