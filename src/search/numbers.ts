// Pure: figures as search compares them. "$1.7 billion", "1.7 bn", "US$1,700 million" and "€500m" each
// come to one plain number ("1700000000", "500000000"), which the index holds beside the words as
// written, so that a query with a figure finds the fact that states it in any of these forms.

const MAGNITUDES: Readonly<Record<string, number>> = Object.freeze({
  thousand: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  bln: 1e9,
  mlrd: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
});

/** Magnitudes written straight after the figure: 500m, 1.7bn, 300k. */
const SUFFIXES: Readonly<Record<string, number>> = Object.freeze({ ...MAGNITUDES, k: 1e3, m: 1e6, b: 1e9 });

const FIGURE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const SUFFIXED = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]+)$/;

/** Whether a (folded, lower-case) word is a magnitude that may follow a figure: "million", "bn". */
export const isMagnitude = (word: string): boolean => MAGNITUDES[word] !== undefined;

function plain(whole: string, fraction: string | undefined, times: number): string | undefined {
  const value = Math.round(Number(`${whole.replace(/,/g, '')}.${fraction ?? '0'}`) * times);
  return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
}

/**
 * The plain number a word stands for, when it is a figure written otherwise: "6,000" is 6000, "500m" is
 * 500000000, and with `next` a magnitude, "1.7" "billion" is 1700000000. Undefined for a plain figure
 * as written ("1828", "1.7"), which is already its own word.
 */
export function plainNumber(word: string, next?: string): string | undefined {
  const figure = FIGURE.exec(word);
  if (figure) {
    const times = next === undefined ? undefined : MAGNITUDES[next];
    if (times) return plain(figure[1]!, figure[2], times);
    return figure[1]!.includes(',') ? plain(figure[1]!, figure[2], 1) : undefined;
  }
  const suffixed = SUFFIXED.exec(word);
  const times = suffixed ? SUFFIXES[suffixed[3]!] : undefined;
  return times ? plain(suffixed![1]!, suffixed![2], times) : undefined;
}
