// npm run bench: whole-process runs of the built CLI, each paired with `node -e 0` in the same loop,
// on the bundled facts and on synthetic collections of 1,000, 10,000 and 100,000 facts. Prints one table row
// per case: median wall time, the median of the ratios of each run to its node -e 0 run, the median of
// the milliseconds each run takes over its node -e 0 run, peak memory (via /usr/bin/time) and the target.
// Both sides run as a user's shell would start them: without NODE_EXTRA_CA_CERTS (loading extra CA
// certificates adds 40-60 ms to every Node start and hides rif's own cost) and without NODE_OPTIONS.
//   node bench/run.mjs [--runs N] [--only bundled,1k,10k,10k-files,100k]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { firstScreen, keystrokeLatency, loadRun } from './pick.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'rif.js');
const work = join(root, 'bench', '.data');
const cache = join(work, 'cache');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 15;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['bundled', '1k', '10k', '10k-files', '100k'];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const ENV = (() => {
  const env = { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1' };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
})();

/** A synthetic collection, generated once and kept in bench/.data (generation is deterministic). */
function dataset(count, perFile) {
  const dir = join(work, `facts-${count}-${perFile}`);
  const stamp = join(dir, '.generated');
  if (!existsSync(stamp)) {
    process.stderr.write(`generating ${count} facts, ${perFile} per file…\n`);
    generate(count, dir, perFile);
    writeFileSync(stamp, `${count} ${perFile}\n`);
  }
  return dir;
}

const FORTY = 'Russian fuel deliveries to Bushehr plant'; // 40 characters
const cases = [];
if (only.includes('bundled')) {
  const t = { ratio: 1.5, mib: 64 };
  cases.push(
    { group: 'bundled', name: 'rif treaties --in 1828', argv: ['treaties', '--in', '1828'], target: t },
    { group: 'bundled', name: 'rif show treaty-of-turkmenchay', argv: ['show', 'treaty-of-turkmenchay'], target: t },
    { group: 'bundled', name: 'rif list --json', argv: ['list', '--json'], target: t },
    { group: 'bundled', name: 'rif search shahed', argv: ['search', 'shahed'], target: { ratio: 1.8, mib: 64 } },
    { group: 'bundled', name: `rif search "${FORTY}"`, argv: ['search', FORTY], target: { ratio: 2.0, mib: 64 } },
  );
}
// Collections in files of ten facts, and 1,000 and 10,000 facts one per file (the bundled layout): then
// every run pays one stat() per file for the cache check, the floor of any cache keyed by each file's size
// and time. The issue sets no target for 1,000 facts; they are held to the 10,000-fact one.
const EDIT_TARGETS = { '1k': { ratio: 6, mib: 150 }, '10k-files': { ratio: 12, mib: 150 } };
for (const [group, count, perFile, search, listing, cold] of [
  ['1k', 1_000, 1, 3, 3, { ms: 4000, mib: Infinity }],
  ['10k', 10_000, 10, 3, 3, { ms: 4000, mib: Infinity }],
  ['10k-files', 10_000, 1, 3, 3, { ms: 4000, mib: Infinity }],
  ['100k', 100_000, 10, 10, 6, { ms: 20_000, mib: 1024 }],
]) {
  if (!only.includes(group)) continue;
  const dir = dataset(count, perFile);
  const data = ['--facts', dir, '--no-bundled'];
  const mib = count <= 10_000 ? 100 : 400;
  const files = perFile === 1 ? `${count} files` : `${count / perFile} files of ${perFile}`;
  cases.push(
    { group, name: `first run (cold cache), ${files}`, argv: ['list', '--topic', 'nuclear', ...data], cold: true, target: cold },
    { group, name: 'rif search shahed', argv: ['search', 'shahed', ...data], target: { ratio: search, mib } },
    { group, name: 'rif search drone deal tehran', argv: ['search', 'drone', 'deal', 'tehran', ...data], target: { ratio: search, mib } },
    { group, name: `rif search "${FORTY}"`, argv: ['search', FORTY, ...data], target: { ratio: search, mib } },
    { group, name: 'rif search bushher (a typo)', argv: ['search', 'bushher', ...data], target: { ratio: search, mib } },
    { group, name: 'rif list --topic nuclear', argv: ['list', '--topic', 'nuclear', ...data], target: { ratio: listing, mib } },
    { group, name: 'rif list --in 1990s', argv: ['list', '--in', '1990s', ...data], target: { ratio: listing, mib } },
    { group, name: 'rif treaties --from 1800 --to 1830', argv: ['treaties', '--from', '1800', '--to', '1830', ...data], target: { ratio: listing, mib } },
  );
  // the loop of a user who keeps fact files: edit one, run rif, read
  const edit = EDIT_TARGETS[group];
  if (edit)
    cases.push({ group, name: 'rif search shahed, first run after one file changed', argv: ['search', 'shahed', ...data], edit: editOne(dir), target: edit });
}

/**
 * Before each run, one fact file of the collection changes: its summary gets a new number, so the file
 * changes size, time and text, as an edit in an editor does. `restore` puts the file back.
 */
function editOne(dir) {
  const kind = ['event', 'treaty', 'allegation'].find((k) => existsSync(join(dir, k)));
  const file = join(dir, kind, readdirSync(join(dir, kind)).sort()[0]);
  const original = readFileSync(file, 'utf8');
  let n = 0;
  return {
    before: () => writeFileSync(file, original.replace('(Synthetic record', `(Edit ${(n += 1)} of synthetic record`)),
    restore: () => writeFileSync(file, original),
  };
}

/** One whole-process run: wall milliseconds and peak resident memory in MiB. */
function once(argv) {
  const command = TIME ? [TIME, '-f', '%M', 'node', ...argv] : ['node', ...argv];
  const start = process.hrtime.bigint();
  const out = spawnSync(command[0], command.slice(1), {
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (out.status !== 0 && out.status !== 1) throw new Error(`${argv.join(' ')} exited ${out.status}: ${out.stderr.toString().slice(-500)}`);
  const kb = TIME ? Number(out.stderr.toString().trim().split('\n').pop()) : NaN;
  return { ms, mib: kb / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

mkdirSync(work, { recursive: true });
const rows = [];
for (const c of cases) {
  const argv = [bin, ...c.argv];
  const n = c.cold ? 3 : runs;
  if (!c.cold) once(argv); // warm the cache and the file system
  const base = [];
  const mine = [];
  let peak = 0;
  for (let i = 0; i < n; i++) {
    base.push(once(['-e', '0']).ms);
    if (c.cold) rmSync(cache, { recursive: true, force: true });
    c.edit?.before();
    const r = once(argv);
    mine.push(r.ms);
    peak = Math.max(peak, r.mib);
  }
  c.edit?.restore();
  if (c.edit) once(argv); // the next case starts from a cache of the collection as it was
  const ms = median(mine);
  const floor = median(base);
  const over = median(mine.map((m, i) => m - base[i]));
  // each run against the node -e 0 run just before it: a slow spell of the machine slows both
  const ratio = median(mine.map((m, i) => m / base[i]));
  const ok = c.cold ? ms <= c.target.ms && peak <= c.target.mib : ratio <= c.target.ratio && peak <= c.target.mib;
  const target = c.cold
    ? `< ${c.target.ms / 1000} s${Number.isFinite(c.target.mib) ? `, ≤ ${c.target.mib / 1024} GiB` : ''}`
    : `≤ ${c.target.ratio}×, ≤ ${c.target.mib} MiB`;
  const row = { group: c.group, name: c.name, ms, floor, over, ratio, peak, target, ok };
  rows.push(row);
  process.stderr.write(
    `${c.group.padEnd(10)}${c.name.padEnd(60)}${ms.toFixed(0).padStart(7)} ms ${`+${over.toFixed(0)}`.padStart(6)} ms ${ratio.toFixed(2).padStart(6)}× ${peak.toFixed(0).padStart(5)} MiB  ${ok ? 'ok' : 'MISSED'}\n`,
  );
}

// rif pick: keystroke to redraw in process (a median over every key of ten queries typed), and its first
// screen against rif search's whole run on a pseudo-terminal, paired run by run
const PICKED = {
  bundled: [[], 15],
  '10k': [['--facts', join(work, 'facts-10000-10'), '--no-bundled'], 50],
  '100k': [['--facts', join(work, 'facts-100000-10'), '--no-bundled'], 150],
};
const picked = Object.entries(PICKED).filter(([group]) => only.includes(group));
const run = picked.length ? await loadRun() : undefined;
for (const [group, [data, limit]] of picked) {
  const ms = await keystrokeLatency(run, data, ENV, group === '100k' ? 1 : 3);
  const latency = { group, name: 'rif pick: keystroke to redraw (in process)', ms, ratio: NaN, peak: NaN, target: `≤ ${limit} ms`, ok: ms <= limit };
  const first = await firstScreen(['shahed', ...data], ENV, group === '100k' ? 5 : runs);
  const screen = {
    group,
    name: `rif pick shahed: first screen (rif search shahed: ${first.search.toFixed(0)} ms)`,
    ms: first.pick,
    ratio: first.ratio,
    peak: NaN,
    target: '≤ 1.5× rif search',
    ok: first.ratio <= 1.5,
  };
  for (const row of [latency, screen]) {
    rows.push(row);
    process.stderr.write(
      `${group.padEnd(10)}${row.name.padEnd(60)}${row.ms.toFixed(1).padStart(7)} ms ${Number.isNaN(row.ratio) ? '' : `${row.ratio.toFixed(2)}×`}  ${row.ok ? 'ok' : 'MISSED'}\n`,
    );
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpu}), Node ${process.version}; medians of ${runs} runs (3 for first runs), each paired with a run of \`node -e 0\`, both without \`NODE_EXTRA_CA_CERTS\` and \`NODE_OPTIONS\`; output to a pipe.`,
  '',
  '| facts | case | median | `node -e 0` | over `node -e 0` | ratio | peak memory | target | met |',
  '|---|---|---:|---:|---:|---:|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.group} | ${r.name.replace(/\|/g, '\\|')} | ${r.ms.toFixed(0)} ms | ${r.floor === undefined ? '' : `${r.floor.toFixed(0)} ms`} | ${r.over === undefined ? '' : `+${r.over.toFixed(0)} ms`} | ${Number.isNaN(r.ratio) ? '' : `${r.ratio.toFixed(2)}×`} | ${Number.isNaN(r.peak) ? 'n/a' : `${r.peak.toFixed(0)} MiB`} | ${r.target} | ${r.ok ? 'yes' : '**no**'} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
