// Names that look like two spellings of one actor: what the corpus test runs over every actors, parties,
// alleged_by, denied_by, confirmed_by and history[].by list, so that `rif stats --by actor` and
// `--actor` never split one actor in two.

/** Roman numerals are kept apart: Nicholas I and Nicholas II are two people, whatever else is folded. */
const ROMAN = Object.freeze(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
/** Titles before a name: Empress Elizabeth Petrovna and Elizabeth Petrovna are one person. */
const TITLES = /^(?:(?:Empress|Emperor|Tsar|Tsarina|Tsarevich|King|Queen|Sultan|Prince|Princess|Sir|General|President|Ayatollah)\s+)+/;
/** Words that do not count in initials: United Nations Security Council → UN Security Council. */
const MINOR = new Set(['of', 'the', 'and', 'for']);
/** One body named two ways: "Russian Foreign Ministry" is "Ministry of Foreign Affairs of Russia". */
const BODIES: readonly (readonly [RegExp, string])[] = [
  [/\bForeign Ministry\b/, 'Ministry of Foreign Affairs'],
  [/\bState Department\b/, 'Department of State'],
  [/\bDefence Ministry\b/, 'Ministry of Defence'],
  [/\bMinistry for\b/, 'Ministry of'],
];
const COUNTRY: Readonly<Record<string, string>> = Object.freeze({
  Russian: 'Russia',
  Iranian: 'Iran',
  Soviet: 'Soviet Union',
  US: 'United States',
  UK: 'United Kingdom',
});
/** A state named in full or short, as the bodies of one state name it: "of the Russian Federation" is "of Russia". */
const STATE = Object.freeze([
  [/\bof the Russian Federation$/, 'of Russia'],
  [/\bof the Islamic Republic of Iran$/, 'of Iran'],
] as const);

/**
 * A spelling folded to what a reader hears: case, accents, spaces, hyphens and apostrophes dropped, a
 * leading "The" dropped, doubled letters single, and the transliterations that vary most (gh/q, y/i)
 * made one: Polyanskiy and Polyansky, Vasily and Vassily, Aqa and Agha, Baqer and Bagher.
 */
function skeleton(name: string): string {
  return name
    .replace(TITLES, '')
    .split(/\s+/)
    .map((w) => (ROMAN.includes(w) ? `#${ROMAN.indexOf(w) + 1}` : w))
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9#]/g, '')
    .replace(/gh/g, 'g')
    .replace(/q/g, 'g')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The name an item gives, without what the list adds about it: "Dmitry Peskov (Kremlin spokesman)" is
 * Dmitry Peskov, "Reuters, citing …" is Reuters.
 */
const namePart = (item: string): string => item.replace(/\s*[(,].*$/s, '').trim();

/** A name with each run of two or more capitalised words written as its initials: International Atomic Energy Agency → IAEA. */
function abbreviations(name: string): string[] {
  const words = name.split(' ');
  const capital = (w: string) => /^[A-Z][a-z]/.test(w);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      const run = words.slice(i, j + 1);
      if (!capital(run[0]!) || !capital(run.at(-1)!) || !run.every((w) => capital(w) || MINOR.has(w))) continue;
      const initials = run
        .filter((w) => !MINOR.has(w))
        .map((w) => w[0])
        .join('');
      out.push([...words.slice(0, i), initials, ...words.slice(j + 1)].join(' '));
    }
  return out;
}

/** A body in the one form: "Russian Foreign Ministry" and "Ministry of Foreign Affairs of the Russian Federation" → "Ministry of Foreign Affairs of Russia". */
function bodyForm(name: string): string {
  let text = BODIES.reduce((t, [from, to]) => t.replace(from, to), name);
  const adjective = /^(\w+) (.+)$/.exec(text);
  if (adjective && COUNTRY[adjective[1]!] && /^(Ministry|Department)\b/.test(adjective[2]!)) text = `${adjective[2]} of ${COUNTRY[adjective[1]!]}`;
  return STATE.reduce((t, [from, to]) => t.replace(from, to), text);
}

/**
 * Groups of names that look like one actor written two ways, each group sorted: the same letters apart
 * from case, accents, punctuation and common transliterations; the same name with "of <Place>" added
 * (Tudeh Party, Tudeh Party of Iran); a name and its initials (IAEA); a body named two ways.
 */
export function nearDuplicateNames(items: readonly string[]): string[][] {
  const groups = new Map<string, Set<string>>();
  const link = (key: string, ...names: string[]) => {
    const group = groups.get(key) ?? new Set<string>();
    for (const n of names) group.add(n);
    groups.set(key, group);
  };
  const whole = [...new Set(items.map((i) => i.replace(/\s+/g, ' ').trim()))];
  for (const item of whole) link(`item ${skeleton(item)}`, item);
  const names = new Set(whole.map(namePart));
  for (const name of names) {
    link(`name ${skeleton(name)}`, name);
    link(`body ${skeleton(bodyForm(name))}`, name);
    const shorter = name.replace(/ of [A-Z]\S*$/, '');
    if (shorter !== name && names.has(shorter)) link(`of ${name}`, name, shorter);
    for (const short of abbreviations(name)) if (names.has(short)) link(`initials ${short}`, name, short);
  }
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort();
    const key = JSON.stringify(sorted);
    if (sorted.length > 1 && !seen.has(key)) {
      seen.add(key);
      out.push(sorted);
    }
  }
  return out;
}
