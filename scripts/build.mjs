// npm run build: one ESM bundle of the CLI in dist/ (code that only some commands need is split into
// chunks loaded on demand), then the bundled facts compiled into dist/bundled/.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // the bundled CommonJS packages (commander, cli-table3) call require() for Node's own modules
  banner: { js: "import { createRequire as __rifRequire } from 'node:module'; const require = __rifRequire(import.meta.url);" },
};

rmSync(`${root}dist`, { recursive: true, force: true });
await build({ ...common, entryPoints: { main: 'src/main.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunk-[hash]' });
await build({ ...common, entryPoints: { 'compile-facts': 'scripts/compile-facts.ts' }, outdir: 'dist/.build' });
const { compileFacts } = await import(`${root}dist/.build/compile-facts.js`);
const code = compileFacts(root);
rmSync(`${root}dist/.build`, { recursive: true, force: true });
process.exitCode = code;
