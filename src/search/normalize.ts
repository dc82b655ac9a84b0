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

/** ASCII text (most of it) needs no Unicode folding or normalising: callers skip that work. */
export const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);

/** NFKC with Persian letter forms and digits, and Cyrillic romanized; ASCII text is already folded. */
export function foldText(text: string): string {
  if (isAscii(text)) return text;
  const folded = text
    .normalize('NFKC')
    .replace(PERSIAN_FORM, (c) => PERSIAN_FORMS[c]!)
    .replace(EASTERN_DIGIT, digitOf);
  return hasCyrillic(folded) ? romanize(folded).text : folded;
}
