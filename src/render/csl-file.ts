// What makes a file a CSL style rif can render with (--csl): well-formed XML whose root is an
// independent <style> in the CSL namespace with a <citation>. citeproc-js reads almost any text
// without complaint and prints "[NO_PRINTED_FORM]" for what it could not use, so rif checks first.

/** The most a style file may hold: the largest styles in the CSL repository are a few hundred kilobytes. */
export const MAX_CSL_BYTES = 1024 * 1024;

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/**
 * Why the text is not a CSL style rif can use, in words that finish "…: <why>"; undefined when it is.
 * Checks the elements nest (a truncated file does not), the root, the namespace, that the style is
 * independent (a dependent style only names its parent, whose file is the one to give) and that it
 * has a <citation>.
 */
export function cslStyleProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'it is not text';
  const stack: string[] = [];
  let root: string | undefined;
  let citation = false;
  // comments, processing instructions, CDATA and the doctype hold no elements
  const body = text.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>/g, '');
  for (const [tag] of body.matchAll(/<(?:[^<>"']|"[^"]*"|'[^']*')*>?/g)) {
    if (!tag.endsWith('>')) return 'it is not well-formed XML (a tag is not closed; is the file cut short?)';
    const name = /^<\/?\s*([\w:.-]+)/.exec(tag)?.[1];
    if (!name) return `it is not well-formed XML (${tag.slice(0, 40)})`;
    if (tag.startsWith('</')) {
      if (stack.pop() !== name) return `it is not well-formed XML (</${name}> closes no <${name}>)`;
      continue;
    }
    if (!stack.length) {
      if (root !== undefined) return 'it is not well-formed XML (more than one root element)';
      root = name;
      if (name !== 'style') return `its root element is <${name}>, not <style>`;
      if (attribute(tag, 'xmlns') !== CSL_NAMESPACE) return `its <style> is not in the CSL namespace (xmlns="${CSL_NAMESPACE}")`;
    }
    if (name === 'citation' && stack.length === 1) citation = true;
    if (name === 'link' && attribute(tag, 'rel') === 'independent-parent')
      return `it is a dependent style, which only names the style it follows (${attribute(tag, 'href') ?? 'no address'}): give that style's file`;
    if (!tag.endsWith('/>')) stack.push(name);
  }
  if (root === undefined) return 'there is no <style> in it';
  if (stack.length) return `it ends before </${stack.at(-1)}> (is the file cut short?)`;
  if (!citation) return 'its <style> has no <citation>';
  return undefined;
}
