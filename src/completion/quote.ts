// Text as one literal word of a shell script, whatever it holds; quoted only when it needs to be.
const PLAIN = /^[\w.,@%+=/-]+$/;

/** bash and zsh: single quotes, with a quote inside written as '\'' . */
export function posixQuote(text: string): string {
  return PLAIN.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** fish: single quotes, inside which only \' and \\ are escapes. */
export function fishQuote(text: string): string {
  return PLAIN.test(text) ? text : `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}
