// Whether to colour, decided once from flags and environment (chalk alone ignores NO_COLOR).
import { Chalk, type ChalkInstance } from 'chalk';

export const COLOR_MODES = Object.freeze(['auto', 'always', 'never'] as const);
export type ColorMode = (typeof COLOR_MODES)[number];

/**
 * The colour level: --color always/never win; then FORCE_COLOR, NO_COLOR (any non-empty value) and
 * TERM=dumb; otherwise colour exactly when stdout is a terminal.
 */
export function colorLevel(mode: ColorMode, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (mode === 'never') return 0;
  const force = env['FORCE_COLOR'];
  const forced = force === undefined ? undefined : force === '' || force === 'true' ? 1 : force === 'false' ? 0 : Math.min(3, Number(force) || 0);
  if (mode === 'always') return (forced || 1) as 1 | 2 | 3;
  if (forced !== undefined) return forced as 0 | 1 | 2 | 3;
  if (env['NO_COLOR']) return 0;
  if (env['TERM'] === 'dumb') return 0;
  return isTTY ? 1 : 0;
}

/**
 * Without colour, chalk gives its text back as it is (one value as a string, several joined by spaces),
 * whatever the styles chained: so does this, on every run that prints no colour, and chalk itself is
 * set up only when colour is wanted (the build loads it then: its styles cost a run half a millisecond).
 */
const NO_COLOR = new Proxy((...texts: unknown[]) => (texts.length === 1 ? String(texts[0]) : texts.join(' ')), {
  get: (_, name) => (name === 'level' ? 0 : NO_COLOR),
}) as unknown as ChalkInstance;

export function makeChalk(level: 0 | 1 | 2 | 3): ChalkInstance {
  return level === 0 ? NO_COLOR : new Chalk({ level });
}
