// Text folding shared by the index and the query, so both sides compare the same characters.

// Arabic letter forms that Persian writes differently: yeh, kaf, heh, alef maqsura.
const PERSIAN_FORMS: Readonly<Record<string, string>> = Object.freeze({
  '\u064A': '\u06CC', // ي → ی
  '\u0649': '\u06CC', // ى → ی
  '\u0643': '\u06A9', // ك → ک
  '\u0629': '\u0647', // ة → ه
});
const PERSIAN_FORM = new RegExp(`[${Object.keys(PERSIAN_FORMS).join('')}]`, 'g');

/** ASCII text (most of it) needs no Unicode folding or normalising: callers skip that work. */
export const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);

/** NFKC with Persian letter forms; ASCII text is already folded. */
export function foldText(text: string): string {
  return isAscii(text) ? text : text.normalize('NFKC').replace(PERSIAN_FORM, (c) => PERSIAN_FORMS[c]!);
}
