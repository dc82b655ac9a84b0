// Pure: Cyrillic text in Latin letters, by the table the facts' own romanized names follow (BGN/PCGN,
// as in "Tegeranskaya konferentsiya", "Turkmanchayskiy mirnyy dogovor", "Yeltsin"). Search folds both the
// facts and the query through it, so "Примаков" is the query "primakov", and a Cyrillic alias is found
// by its Latin spelling too.
import { isLetter } from './chars.js';

const LETTERS: Readonly<Record<string, string>> = Object.freeze({
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'w',
  ј: 'j',
  ђ: 'dj',
  ћ: 'c',
  љ: 'lj',
  њ: 'nj',
  џ: 'dz',
  ѕ: 'dz',
});

/** Letters after which е is written "ye" (and at the start of a word): Ельцин is Yeltsin, Каспийское kaspiyskoye. */
const YE_AFTER = new Set('аеёиоуыэюяйъьіїє');

export const hasCyrillic = (text: string): boolean => /[\u0400-\u04ff]/.test(text);

/**
 * The text with its Cyrillic letters romanized (other characters kept), and for each character of the
 * result the index of the character it came from, so that a match in the romanized text can be shown
 * in the original.
 */
export function romanize(text: string): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const lower = c.toLowerCase();
    let latin = LETTERS[lower];
    if (latin === undefined) latin = c;
    else {
      if (lower === 'е' && (previous === '' || YE_AFTER.has(previous))) latin = 'ye';
      if (c !== lower && latin.length) latin = latin[0]!.toUpperCase() + latin.slice(1);
    }
    out += latin;
    for (let k = 0; k < latin.length; k++) from.push(i);
    previous = isLetter(c.charCodeAt(0)) ? lower : '';
  }
  return { text: out, from };
}
