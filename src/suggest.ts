// "Did you mean" for ids, topics, kinds and commands, and the typo budget of search words.

/** Edits between two strings: insertions, deletions, substitutions and swaps of neighbours ("bushher" → "bushehr" is 1). */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(row[j - 1]! + 1, rows[i - 1]![j]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * Whether `a` and `b` are at most `max` edits apart, the same measure as distance(). It looks only at
 * the diagonal band that `max` edits can reach and stops as soon as a row is over, so checking a
 * query word against a whole dictionary stays cheap.
 */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > max) return false;
  const width = b.length + 1;
  const far = max + 1;
  let older = new Array<number>(width).fill(far);
  let previous = Array.from({ length: width }, (_, j) => (j <= max ? j : far));
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(width).fill(far);
    if (i <= max) row[0] = i;
    let best = row[0]!;
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(row[j - 1]! + 1, previous[j]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, older[j - 2]! + 1);
      row[j] = Math.min(d, far);
      best = Math.min(best, row[j]!);
    }
    if (best > max) return false;
    older = previous;
    previous = row;
  }
  return previous[b.length]! <= max;
}

/**
 * The candidates closest to `word`, best first: those within a third of the word's length in edits,
 * or that contain it (a partial id such as "turkmenchay" for "treaty-of-turkmenchay").
 */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = word.toLowerCase();
  const budget = Math.max(2, Math.ceil(needle.length / 3));
  const scored: { name: string; d: number }[] = [];
  for (const name of candidates) {
    const hay = name.toLowerCase();
    const d = hay.includes(needle) && needle.length >= 3 ? 0.5 : distance(needle, hay);
    if (d <= budget) scored.push({ name, d });
  }
  scored.sort((x, y) => x.d - y.d || x.name.localeCompare(y.name));
  return scored.slice(0, max).map((s) => s.name);
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closest(word, candidates, 3);
  return best.length ? ` (did you mean ${best.map((b) => `"${b}"`).join(', ')}?)` : '';
}
