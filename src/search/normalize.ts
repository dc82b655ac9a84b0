// Text folding shared by the index and the query, so both sides compare the same characters.
import { hasCyrillic, romanize } from './cyrillic.js';

// Arabic letter forms that Persian writes differently: yeh, kaf, heh, alef maqsura.
const PERSIAN_FORMS: Readonly<Record<string, string>> = Object.freeze({
  '\u064A': '\u06CC', // ي → ی
  '\u0649': '\u06CC', // ى → ی
  '\u0643': '\u06A9', // ك → ک
  '\u0629': '\u0647', // ة → ه
});
const PERSIAN_FORM = new RegExp(`[${Object.keys(PERSIAN_FORMS).join('')}]`, 'g');
/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits: "شاهد ۱۳۶" holds the number 136. */
const EASTERN_DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/g;
const digitOf = (c: string): string => String((c.charCodeAt(0) - 0x0660) % 0x90);

/** Persian letter forms for their Arabic ones: also after the marks are taken off (ئ is ي with hamza above). */
export const persianForms = (text: string): string => text.replace(PERSIAN_FORM, (c) => PERSIAN_FORMS[c]!);

/**
 * Typographic punctuation as ASCII: quotes, dashes, the no-break and thin spaces. They only ever stand at
 * the edges of words or between them, so the words stay the same, and a title with «» or an en dash that
 * is otherwise ASCII (or Cyrillic, once romanized) takes the fast path through the word splitter.
 */
const PUNCTUATION: Readonly<Record<string, string>> = Object.freeze({
  '\u00AB': '"',
  '\u00BB': '"',
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u2013': '-',
  '\u2014': '-',
  '\u00A0': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\u2026': '...',
});
const TYPOGRAPHIC = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'g');

/** ASCII text (most of it) needs no Unicode folding or normalising: callers skip that work. */
export const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);

/** NFKC with typographic punctuation as ASCII, Persian letter forms and digits, and Cyrillic romanized; ASCII text is already folded. */
export function foldText(text: string): string {
  if (isAscii(text)) return text;
  const plain = text.replace(TYPOGRAPHIC, (c) => PUNCTUATION[c]!);
  if (isAscii(plain)) return plain;
  const folded = plain
    .normalize('NFKC')
    .replace(PERSIAN_FORM, (c) => PERSIAN_FORMS[c]!)
    .replace(EASTERN_DIGIT, digitOf);
  return hasCyrillic(folded) ? romanize(folded).text : folded;
}
