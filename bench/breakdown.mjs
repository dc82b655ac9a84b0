// npm run bench:breakdown, or node bench/breakdown.mjs [--runs N] [--root DIR]: where a look-up's time
// goes, from V8's CPU profile of the built CLI (sampled every 100 µs, so the parts add up to a little
// more than a run without the profiler). Each sample is put in the first part its stack names, from the
// innermost frame out: output, code loading (reading and compiling dist/, running its top level),
// building the command, opening the store, searching, rendering, the rest of rif's code, and Node
// itself (its start, and its own modules and functions outside rif's code). Medians of N runs, in milliseconds, on the bundled facts;
// the environment is cleaned as bench/run.mjs cleans it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', 9));
const root = option('--root', fileURLToPath(new URL('..', import.meta.url)));
const cache = mkdtempSync(join(tmpdir(), 'rif-breakdown-'));
const env = { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;

const PARTS = ['node', 'code', 'program', 'store', 'search', 'render', 'command', 'output', 'gc'];
const ESM_LOADING = /internal\/modules\/esm|internal\/vm\/module/;

/** The part a sample's stack (innermost first) belongs to. */
function part(stack) {
  if (stack[0].functionName === '(garbage collector)') return 'gc';
  for (const { functionName: name, url, lineNumber } of stack) {
    if (name === 'writeSync' || name === 'writevSync' || name === 'writer') return 'output';
    if (name === 'loadMain' || (name === 'load' && url.endsWith('boot.cjs')) || ESM_LOADING.test(url)) return 'code';
    if (/\/dist\/[^/]+\.js$/.test(url) && name === '' && lineNumber === 0) return 'code';
    if (name === 'buildProgram') return 'program';
    if (/^(openFacts|openStore|openBundled|openEntry|openUserStore|readManifest)$/.test(name)) return 'store';
    if (name === 'search') return 'search';
    if (/^render/.test(name)) return 'render';
  }
  // rif's code that names none of the parts (an async function resumed has lost the stack it came from)
  return stack.some((f) => /\/dist\/|\/bin\/rif\.js$/.test(f.url)) ? 'command' : 'node';
}

function profile(argv) {
  const dir = mkdtempSync(join(tmpdir(), 'rif-prof-'));
  const started = process.hrtime.bigint();
  const out = spawnSync('node', ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir, join(root, 'bin', 'rif.js'), ...argv], {
    env,
    stdio: 'ignore',
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (out.status !== 0) throw new Error(`rif ${argv.join(' ')} exited ${out.status}`);
  const p = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ms = Object.fromEntries(PARTS.map((k) => [k, 0]));
  p.samples.forEach((id, i) => {
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at).callFrame);
    // the first delta runs from the profiler's start, before any sample
    if (i > 0 && stack[0].functionName !== '(idle)') ms[part(stack)] += p.timeDeltas[i] / 1000;
  });
  return { wall, ms };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const commands = [
  ['show', 'treaty-of-turkmenchay'],
  ['list', '--json'],
  ['search', 'shahed'],
];
console.log(`| command | ${PARTS.join(' | ')} | profiled run |`);
console.log(`| --- | ${PARTS.map(() => '---:').join(' | ')} | ---: |`);
for (const argv of commands) {
  profile(argv); // the first run writes the caches a user's second run finds
  const results = Array.from({ length: runs }, () => profile(argv));
  const cells = PARTS.map((k) => median(results.map((r) => r.ms[k])).toFixed(1));
  console.log(`| rif ${argv.join(' ')} | ${cells.join(' | ')} | ${median(results.map((r) => r.wall)).toFixed(0)} |`);
}
rmSync(cache, { recursive: true, force: true });
