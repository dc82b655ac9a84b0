// Characters that drive a terminal instead of printing: C0 controls other than tab and newline, DEL, C1
// controls, and the bidi embeddings, overrides and isolates that reorder the text after them. Fact text
// may not hold them (RIF021), and any that reach output from elsewhere (a file name, a query) are
// written as \u escapes. Joiners (U+200C, U+200D) and the bidi marks U+200E, U+200F are ordinary text.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The first control character in `text`, as U+XXXX, or undefined. */
export function firstControl(text: string): string | undefined {
  const found = CONTROL.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** `text` with every control character written as a \u escape: safe to print on a terminal. */
export function visible(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, escape) : text;
}
