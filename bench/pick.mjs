// The picker's part of the bench (run.mjs calls it; also runnable alone after npm run build):
//  - keystroke to redraw, in process: rif's run() with a terminal of its own that records each frame;
//    a query is typed a key at a time, and each key is timed from the moment it is handed over to the
//    frame that shows its search's results (the status line no longer says "searching…"). Queries
//    start with different letters, so that no key finds its search remembered from an earlier one.
//  - the first screen, whole process: `rif pick shahed` until its first screen of results, paired with
//    `rif search shahed` to its end, both on a pseudo-terminal made by script(1), with --no-pager (a
//    pager would wait for a key).
//   node bench/pick.mjs [--runs N] [--facts DIR]
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const QUERIES = ['shahed', 'bushehr', 'caspian', 'gulistan', 'turkmenchay', 'nuclear fuel', 'drone deal', 'yeltsin', 'atomic', 'embassy'];
const SIZE = { columns: 120, rows: 40 };
const plain = (text) => text.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** rif's run(), bundled from src/ beside dist/ (so that its paths to the bundled facts hold), then removed. */
async function loadRun() {
  const file = join(root, 'dist', 'pick-bench.mjs');
  await build({
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __rifRequire } from 'node:module'; const require = __rifRequire(import.meta.url);" },
    define: { RIF_YAML_BUNDLE: JSON.stringify('./yaml.cjs') },
    stdin: { contents: "export { run } from './src/cli.ts';", resolveDir: root, sourcefile: 'pick-bench.ts', loader: 'ts' },
    outfile: file,
  });
  try {
    return (await import(file)).run;
  } finally {
    rmSync(file);
  }
}

/** A terminal that keeps what is drawn: `settled()` waits for the next frame with a search's results. */
function fakeTerminal() {
  let events;
  let waiting;
  return {
    size: () => SIZE,
    write(text) {
      if (!waiting) return;
      const last = plain(text.slice(text.lastIndexOf(`\x1b[${SIZE.rows};1H`)));
      if (!last.includes('searching…')) waiting();
    },
    enter: (given) => void (events = given),
    suspend() {},
    leave() {},
    /** hands `data` over as the terminal would, and resolves once its results are drawn */
    type(data) {
      const drawn = new Promise((resolve) => (waiting = resolve));
      events.input(data);
      return drawn.then(() => (waiting = undefined));
    },
    settled: () => new Promise((resolve) => (waiting = resolve)),
  };
}

/** Milliseconds from each key to its results drawn, over every query typed `runs` times. */
export async function keystrokeLatency(run, argv, env, runs) {
  const term = fakeTerminal();
  const io = {
    stdout() {},
    stderr() {},
    stdoutIsTTY: true,
    stderrIsTTY: false,
    columns: SIZE.columns,
    rows: SIZE.rows,
    env,
    cwd: root,
    now: () => performance.now(),
    terminal: async () => term,
  };
  const first = term.settled();
  const done = run(['pick', ...argv], io);
  await first;
  const times = [];
  for (let r = 0; r < runs; r++) {
    for (const query of QUERIES) {
      for (const ch of query) {
        const start = performance.now();
        await term.type(ch);
        times.push(performance.now() - start);
      }
      await term.type('\x15'); // Ctrl-U: an empty query, listed again
    }
  }
  term.type('\x1b');
  await done;
  return median(times);
}

/** Whole-process milliseconds until `argv` has drawn its first screen of results (pick) or ended (search), on a pty. */
function onPty(argv, env, untilScreen) {
  return new Promise((resolve, reject) => {
    const command = ['node', join(root, 'bin', 'rif.js'), ...argv, '--no-pager'].map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `stty cols ${SIZE.columns} rows ${SIZE.rows}; exec ${command}`, '/dev/null'], {
      env,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let seen = '';
    let ms;
    child.stdout.on('data', (data) => {
      seen += data.toString();
      if (untilScreen && ms === undefined && / matches? │/.test(plain(seen))) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        child.stdin.write('\x1b');
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve(ms ?? Number(process.hrtime.bigint() - start) / 1e6));
  });
}

/** The first screen of `rif pick QUERY` against `rif search QUERY`, paired run by run: medians and the median ratio. */
export async function firstScreen(argv, env, runs) {
  const pick = [];
  const search = [];
  await onPty(['search', ...argv], env, false);
  for (let i = 0; i < runs; i++) {
    search.push(await onPty(['search', ...argv], env, false));
    pick.push(await onPty(['pick', ...argv], env, true));
  }
  return { pick: median(pick), search: median(search), ratio: median(pick.map((p, i) => p / search[i])) };
}

export { loadRun };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 3;
  const facts = args.includes('--facts') ? ['--facts', args[args.indexOf('--facts') + 1], '--no-bundled'] : [];
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  delete env.NODE_EXTRA_CA_CERTS;
  const run = await loadRun();
  process.stdout.write(`keystroke to redraw: ${(await keystrokeLatency(run, facts, env, runs)).toFixed(1)} ms (median)\n`);
  const first = await firstScreen(['shahed', ...facts], env, runs * 3);
  process.stdout.write(`first screen: pick ${first.pick.toFixed(0)} ms, search ${first.search.toFixed(0)} ms, ratio ${first.ratio.toFixed(2)}\n`);
}
