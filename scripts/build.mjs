// npm run build: one ESM bundle of the CLI in dist/ (code that only some commands need is split into
// chunks loaded on demand), then the bundled facts compiled into dist/bundled/.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // esbuild's table has Node 20 without \p{…} in patterns, and writes each such literal as new RegExp():
  // a pattern parsed again at every call (bare() in src/search/words.ts), or at load for the module's
  // constants. Node has had them since 10.
  supported: { 'regexp-unicode-property-escapes': true },
  legalComments: 'none',
  logLevel: 'warning',
  // the bundled CommonJS packages (commander, cli-table3) call require() for Node's own modules
  banner: { js: "import { createRequire as __rifRequire } from 'node:module'; const require = __rifRequire(import.meta.url);" },
};

/**
 * commander loads node:child_process (and with it net and dgram) for subcommands that are separate
 * programs, which rif has none of: it gets the module only if it ever asks for spawn. Saves ~3 ms a run.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('commander') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = { get spawn() { return require('node:child_process').spawn; } };",
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * Node's own modules reached through require() rather than import (ours, and chalk's node:os and
 * node:tty): an ESM import of node:fs builds a facade that copies every export of fs, which costs more
 * than the rest of a bundled-facts look-up.
 */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    // a dynamic import (node:crypto, for cache keys) stays one: it is loaded only by the runs that need it
    b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin' } : undefined));
    // named exports written out: a CommonJS wrapper would have its properties copied for every importer
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, async (args) => {
      const names = Object.keys(await import(args.path)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
      // each read through a call marked pure, so that the build drops the names nobody imports: reading
      // fs.promises alone loads Node's streams and readline, ~5 ms of a look-up
      const lines = names.map((n) => `export const ${n} = /* @__PURE__ */ get(${JSON.stringify(n)});`);
      // node:module (0.4 ms to load) is loaded when one of its functions is first called: only some runs
      // call createRequire, for a package or a module of Node loaded on demand
      const head =
        args.path === 'node:module'
          ? [`let m;`, `const load = () => (m ??= require(${JSON.stringify(args.path)}));`, 'function get(name) { return (...args) => load()[name](...args); }']
          : [`const m = require(${JSON.stringify(args.path)});`, 'function get(name) { return m[name]; }', 'export default m;'];
      return { contents: [...head, ...lines].join('\n'), loader: 'js' };
    });
  },
};

/**
 * esbuild puts code used both by the CLI and by a module loaded on demand into shared chunks, one per
 * combination of users: ten chunks, each a file the ESM loader reads and links before rif can start.
 * Making every on-demand module also depend on src/cli.ts (which it only ever runs beside) gives all the
 * shared code the same users, so it lands in one chunk.
 */
const lazyTargets = new Set();
for (const file of readdirSync(`${root}src`, { recursive: true })) {
  if (!file.endsWith('.ts')) continue;
  const text = readFileSync(`${root}src/${file}`, 'utf8');
  for (const [, target] of text.matchAll(/import\('(\.{1,2}\/[^']+)\.js'\)/g)) lazyTargets.add(resolve(dirname(`${root}src/${file}`), `${target}.ts`));
}
const oneSharedChunk = {
  name: 'one-shared-chunk',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) =>
      lazyTargets.has(args.path) ? { contents: `import ${JSON.stringify(`${root}src/cli.ts`)};\n${readFileSync(args.path, 'utf8')}`, loader: 'ts' } : undefined,
    );
  },
};

/**
 * chalk detects colour support when it is imported, which loads node:tty and node:os. rif decides colour
 * itself (src/render/color.ts) and only ever builds `new Chalk({ level })`, so the detection is left out.
 */
const noColorDetection = {
  name: 'no-color-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/**
 * chalk sets up its styles when it is loaded (half a millisecond, and an eighth of a look-up's young
 * heap). src/render/color.ts builds a Chalk only for colour, so its import of chalk becomes a Chalk that
 * loads the package when first made: esbuild runs a module that is require()d when it is first required.
 */
const lazyChalk = {
  name: 'lazy-chalk',
  setup(b) {
    b.onResolve({ filter: /^chalk$/ }, (args) => (args.importer.endsWith('render/color.ts') ? { path: 'chalk', namespace: 'lazy-chalk' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-chalk' }, () => ({
      contents: "export function Chalk(options) { return new (require('chalk').Chalk)(options); }",
      loader: 'js',
      resolveDir: root,
    }));
  },
};

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  ...common,
  // the parse worker (src/store/parse-files.ts) is a file of its own, started as a worker thread
  entryPoints: { main: 'src/main.ts', 'parse-worker': 'src/store/parse-worker.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  plugins: [lazyChildProcess, builtinsByRequire, oneSharedChunk, noColorDetection, lazyChalk],
  // src/facts/yaml-lib.ts requires the yaml package from the bundle of its own built below (the build's own
  // bundles, run from the repository, require the package itself)
  define: { RIF_YAML_BUNDLE: JSON.stringify('./yaml.cjs') },
});
/**
 * The CommonJS copies of dist/*.js in dist/cjs/, which src/boot.ts compiles with the V8 code cache (Node 20
 * has no code cache for ES modules). Each import of another file becomes a require() of its copy, and
 * import.meta's url and dirname the URL (made when asked for) and folder of the file copied, so that paths
 * relative to dist/ stay as they are. Each copy is the function boot.ts calls, written out whole (a run
 * does not build a second string of the code to wrap it). The parse worker runs as the ES module it is.
 */
const banner = `${common.banner.js}\n`;
const buildId = createHash('sha256');
mkdirSync(`${root}dist/cjs`);
for (const name of readdirSync(`${root}dist`)
  .filter((n) => n.endsWith('.js') && n !== 'parse-worker.js')
  .sort()) {
  let code = readFileSync(`${root}dist/${name}`, 'utf8');
  if (code.startsWith(banner)) code = code.slice(banner.length);
  code = code.replace(/\bimport\(("(?:\.\/|node:)[^"]+")\)/g, 'Promise.resolve().then(() => require($1))');
  // the URL only when asked for (making it costs a run 0.3 ms), the folder as a path
  code = code.replace(/\bimport\.meta\.url\b/g, '__rifMeta.url()').replace(/\bimport\.meta\.dirname\b/g, '__rifMeta.dirname');
  const converted = await transform(code, {
    format: 'cjs',
    platform: 'node',
    target: common.target,
    supported: common.supported,
  });
  // the exports object itself, marked as an ES module's, rather than a copy of it with a getter a name
  // made on every run (hundreds for the shared chunk)
  const exported = converted.code.replace(/^module\.exports = __toCommonJS\((\w+)\);$/m, 'module.exports = __defProp($1, "__esModule", { value: true });');
  // without comments and spaces: a quarter less to read, and less to parse for the functions V8 compiles late
  const copy = (await transform(exported, { minifyWhitespace: true, minifySyntax: true })).code;
  if (/\bimport\(|\bimport\.meta\b/.test(copy)) throw new Error(`dist/${name}: an import() or import.meta the CommonJS copy cannot run`);
  const wrapped = `(function (exports, require, module, __rifMeta) {${copy}\n})`;
  writeFileSync(`${root}dist/cjs/${name}`, wrapped);
  buildId.update(name).update(wrapped);
}
// the yaml package as one CommonJS file, which src/facts/yaml-lib.ts requires the first time it is needed
await build({ ...common, format: 'cjs', banner: {}, entryPoints: ['yaml'], outfile: 'dist/yaml.cjs' });

/**
 * The man page, dist/rif.1 (package.json "man"), rendered from the help of every command, and the JSON
 * Schemas of a fact file and of a record in dist/schema/, generated from the zod schemas (rif schema
 * prints the same). dist/main.js exports only main(), so these come from a bundle of their own, built
 * beside it (src/package.ts finds package.json one level up) and deleted once used.
 * SOURCE_DATE_EPOCH fixes the page's date for reproducible builds.
 */
const manEntry = `
import { mkdirSync, writeFileSync } from 'node:fs';
import { programFor } from './src/cli.js';
import { jsonSchema } from './src/facts/json-schema.js';
import { renderJson } from './src/render/json.js';
import { renderMan } from './src/man.js';
import { packageVersion } from './src/package.js';
const quiet = { stdout() {}, stderr() {}, stdoutIsTTY: false, stderrIsTTY: false, columns: 0, env: {}, cwd: process.cwd(), now: () => 0 };
export const writeManPage = (file, date) => writeFileSync(file, renderMan(programFor(quiet), packageVersion(), date));
export const commandNames = () => programFor(quiet).commands.map((c) => c.name());
export const writeSchemas = (dir) => {
  mkdirSync(dir, { recursive: true });
  for (const name of ['fact', 'record']) writeFileSync(dir + name + '.schema.json', renderJson(jsonSchema(name, packageVersion())));
};
`;
await build({ ...common, stdin: { contents: manEntry, resolveDir: root, sourcefile: 'man-page.ts', loader: 'ts' }, outfile: 'dist/man-page.mjs' });
const manDate = new Date(Number(process.env.SOURCE_DATE_EPOCH ?? NaN) * 1000 || Date.now()).toISOString().slice(0, 10);
const generated = await import(`${root}dist/man-page.mjs`);
generated.writeManPage(`${root}dist/rif.1`, manDate);
generated.writeSchemas(`${root}dist/schema/`);
// the loader of the copies, which keeps a code cache for each command, by its name, and set of flags (src/code-cache.ts)
await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/boot.ts'],
  outfile: 'dist/boot.cjs',
  banner: {},
  define: { RIF_BUILD: JSON.stringify(buildId.digest('hex').slice(0, 16)), RIF_COMMANDS: JSON.stringify(generated.commandNames()) },
});
rmSync(`${root}dist/man-page.mjs`);
await build({ ...common, entryPoints: { 'compile-facts': 'scripts/compile-facts.ts' }, outdir: 'dist/.build' });
const { compileFacts } = await import(`${root}dist/.build/compile-facts.js`);
const code = await compileFacts(root);
rmSync(`${root}dist/.build`, { recursive: true, force: true });
process.exitCode = code;
