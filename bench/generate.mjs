// Synthetic fact directories for the benchmark, with the field lengths of the bundled facts: each fact
// takes a bundled fact as its pattern (kind, title words, actors, places, sources) and gets its own id,
// date and a summary of two to four sentences drawn from all bundled summaries. Deterministic.
// Made for measuring, not reading: the sentences of a summary do not belong together.
//   node bench/generate.mjs <count> <dir> [facts per file]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(count, dir, perFile = 1) {
  // the bundled facts as rif prints them: the one contract that holds whatever the store looks like
  const rif = (...args) => JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'rif.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const facts = rif('list', '--json');
  const topics = rif('topics', '--json').map((t) => t.topic);
  const sentences = facts.flatMap((f) => f.summary.match(/[^.!?]+[.!?]+/g) ?? [f.summary]).map((s) => s.trim());
  const rand = random(count * 31 + perFile);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const some = (list, lo, hi) => [...new Set(Array.from({ length: lo + Math.floor(rand() * (hi - lo + 1)) }, () => pick(list)))];
  const pad = (n) => String(n).padStart(2, '0');

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let batch = [];
  let files = 0;
  const flush = () => {
    if (!batch.length) return;
    if (perFile === 1) {
      const [fact] = batch;
      mkdirSync(join(dir, fact.kind), { recursive: true });
      writeFileSync(join(dir, fact.kind, `${fact.id}.yaml`), stringify(fact, { aliasDuplicateObjects: false }));
    } else {
      writeFileSync(join(dir, `collection-${String(files).padStart(5, '0')}.yaml`), stringify(batch, { aliasDuplicateObjects: false }));
    }
    files += 1;
    batch = [];
  };
  for (let n = 0; n < count; n++) {
    const t = pick(facts);
    const year = Math.min(2025, Math.max(1500, Number(t.date.start.slice(0, 4)) + Math.floor(rand() * 41) - 20));
    const day = rand() < 0.6 ? `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}` : String(year);
    const words = t.title.split(' ');
    const title = rand() < 0.5 ? t.title : [...words.slice(1), words[0]].join(' ');
    const fact = {
      id: `${t.id.slice(0, 40).replace(/-+$/, '')}-${n}`,
      kind: t.kind,
      title,
      ...(t.kind === 'treaty' ? { signed: day, parties: t.parties, provisions: t.provisions.slice(0, 2) } : { date: day }),
      ...(t.kind === 'allegation' ? { status: t.status, alleged_by: t.alleged_by, ...(t.denied_by.length ? { denied_by: t.denied_by } : {}) } : {}),
      // the number keeps two facts from sharing a summary, which rif reports (RIF016)
      summary: `${some(sentences, 2, 4).join(' ')} (Synthetic record ${n}.)`,
      topics: some(topics, 1, 3),
      actors: t.actors.slice(0, 4),
      places: t.places.slice(0, 3),
      ...(t.aliases.length && rand() < 0.3 ? { aliases: t.aliases.slice(0, 1) } : {}),
      sources: t.sources.slice(0, 2).map((s) => ({ url: s.url, publisher: s.publisher, ...(s.title ? { title: s.title } : {}) })),
    };
    batch.push(fact);
    if (batch.length === perFile) flush();
  }
  flush();
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count, dir, perFile] = process.argv.slice(2);
  if (!count || !dir) {
    process.stderr.write('usage: node bench/generate.mjs <count> <dir> [facts per file]\n');
    process.exit(2);
  }
  const files = generate(Number(count), dir, Number(perFile ?? 1));
  process.stdout.write(`${count} facts in ${files} files under ${dir}\n`);
}
