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

/** Three rows of the distance table, reused by every call: a dictionary scan allocates nothing per word. */
let scratch = new Int32Array(3 * 64);

/**
 * Whether `a` and the first `length` characters of `b` (all of it by default) are at most `max` edits
 * apart, the same measure as distance(). It looks only at the diagonal band that `max` edits can reach
 * and stops as soon as a row is over, so checking a query word against a whole dictionary stays cheap.
 */
export function withinDistance(a: string, b: string, max: number, length = b.length): boolean {
  const m = a.length;
  const n = Math.min(length, b.length);
  if (m === n && b.startsWith(a)) return true;
  if (Math.abs(m - n) > max) return false;
  const width = n + 1;
  if (scratch.length < 3 * width) scratch = new Int32Array(6 * width);
  const far = max + 1;
  // where the rows i - 2, i - 1 and i start in scratch; they take turns
  let older = 0;
  let previous = width;
  let row = 2 * width;
  scratch.fill(far, older, older + width);
  for (let j = 0; j < width; j++) scratch[previous + j] = j <= max ? j : far;
  for (let i = 1; i <= m; i++) {
    scratch.fill(far, row, row + width);
    if (i <= max) scratch[row] = i;
    let best = scratch[row]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = Math.max(1, i - max); j <= Math.min(n, i + max); j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(scratch[row + j - 1]! + 1, scratch[previous + j]! + 1, scratch[previous + j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, scratch[older + j - 2]! + 1);
      scratch[row + j] = Math.min(d, far);
      best = Math.min(best, scratch[row + j]!);
    }
    if (best > max) return false;
    const done = older;
    older = previous;
    previous = row;
    row = done;
  }
  return scratch[previous + n]! <= max;
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
