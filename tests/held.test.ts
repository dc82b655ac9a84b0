// A run whose stores were used before their checks ended: what it writes waits for the checks, goes out
// in order when they say the stores were current, and is dropped for a run started again when one says
// a store was stale, and a write that fails once it is let go ends the run as a write error. End to end: an
// edit to one of 600 fact files shows on the next run, cached as uncached; `rif list | head` stops quietly.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConfirmed } from '../src/held.js';
import { textOf, type Io, type Output } from '../src/io.js';
import { ROOT, tempDir } from './helpers.js';

function recording() {
  const written: string[] = [];
  let reads = 0;
  const io: Io = {
    stdout: (o: Output) => void written.push(`out:${textOf(o)}`),
    stderr: (t) => void written.push(`err:${t}`),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: 0,
    env: {},
    cwd: ROOT,
    now: () => 0,
    readStdin: () => Promise.resolve(`stdin ${(reads += 1)}`),
  };
  return { io, written };
}

const later = <T>(value: T, ms = 5) => new Promise<T>((done) => setTimeout(() => done(value), ms));

describe('a run with its checks handed over', () => {
  it('holds what it writes until every check says current, then writes it in order and the rest at once', async () => {
    const { io, written } = recording();
    const code = await runConfirmed(io, async (run) => {
      run.confirm!(later(true, 5));
      run.confirm!(later(true, 15));
      run.stdout('a');
      run.stderr('b');
      expect(written).toEqual([]);
      await later(null, 30);
      expect(written).toEqual(['out:a', 'err:b']);
      run.stdout('c');
      expect(written).toEqual(['out:a', 'err:b', 'out:c']);
      return 3;
    });
    expect(code).toBe(3);
  });

  it('drops all a run wrote when a check says stale, and runs again without handing checks over', async () => {
    const { io, written } = recording();
    const runs: boolean[] = [];
    const code = await runConfirmed(io, async (run) => {
      runs.push(run.confirm !== undefined);
      if (run.confirm) {
        run.confirm(later(false));
        run.stdout('stale');
        run.stderr('rif: warning from stale facts\n');
        return 1;
      }
      run.stdout(`fresh, ${await run.readStdin!()}`);
      return 0;
    });
    expect(runs).toEqual([true, false]);
    expect(written).toEqual(['out:fresh, stdin 1']);
    expect(code).toBe(0);
  });

  it('reads standard input once for both runs, and takes a check that fails for stale', async () => {
    const { io, written } = recording();
    const read: string[] = [];
    await runConfirmed(io, async (run) => {
      read.push(await run.readStdin!());
      if (run.confirm) run.confirm(Promise.reject(new Error('find failed')));
      run.stdout(read.join(' | '));
      return 0;
    });
    expect(read).toEqual(['stdin 1', 'stdin 1']);
    expect(written).toEqual(['out:stdin 1 | stdin 1']);
  });

  it('ends with the write error when held output cannot be written once let go, and writes nothing more', async () => {
    const { io, written } = recording();
    const closed = new Error('output closed');
    let attempts = 0;
    const failing: Io = {
      ...io,
      stdout: (o) => {
        attempts += 1;
        if (attempts === 2) throw closed;
        io.stdout(o);
      },
    };
    const run = runConfirmed(failing, async (r) => {
      r.confirm!(later(true));
      r.stdout('a');
      r.stdout('b');
      r.stdout('c');
      await later(null, 20);
      r.stdout('d');
      return 0;
    });
    await expect(run).rejects.toBe(closed);
    expect([written, attempts]).toEqual([['out:a'], 2]);
  });
});

describe('an edit to one of 600 fact files', () => {
  it('shows on the next run, as uncached, and so does every run after; a reader that leaves early stops it quietly', () => {
    const dir = tempDir();
    for (let i = 0; i < 600; i++) {
      writeFileSync(
        join(dir, `f-${i}.yaml`),
        `id: fact-${i}\nkind: event\ntitle: Caspian meeting number ${i}\nstart: "2001-01-${String((i % 28) + 1).padStart(2, '0')}"\ntopics: [caspian]\nactors: [Russia, Iran]\nsummary: Meeting ${i} of the series.\nsources:\n  - url: https://example.org/${i}\n    title: Page ${i}\n    publisher: Example\n    accessed: "2026-01-01"\n`,
      );
    }
    const env: Record<string, string | undefined> = { ...process.env, XDG_CACHE_HOME: tempDir(), NO_COLOR: '1' };
    delete env['NODE_OPTIONS'];
    const rif = (...argv: string[]) => spawnSync('node', [join(ROOT, 'bin', 'rif.js'), ...argv, '--facts', dir, '--no-bundled'], { env, encoding: 'utf8' });
    const search = ['search', 'caspian meeting 417', '--json', '--limit', '3'];
    expect(rif(...search).status).toBe(0);
    expect(rif(...search).stdout).toContain('fact-417');
    writeFileSync(
      join(dir, 'f-417.yaml'),
      `id: fact-417\nkind: event\ntitle: Caspian summit edited\nstart: "2001-01-02"\ntopics: [caspian]\nactors: [Russia, Iran]\nsummary: Meeting 417 of the series, edited.\nsources:\n  - url: https://example.org/417\n    title: Page 417\n    publisher: Example\n    accessed: "2026-01-01"\n`,
    );
    const edited = rif(...search, '--verbose');
    const uncached = rif(...search, '--no-cache');
    expect(edited.stdout).toBe(uncached.stdout);
    expect(edited.stdout).not.toContain('number 417');
    expect(edited.stderr).toBe('rif: cache: updated the cache entry: 1 fact parsed, 600 in all\n');
    // and the next run, whose entry is current, prints what an uncached run prints
    expect(rif('list', '--json').stdout).toBe(rif('list', '--json', '--no-cache').stdout);
    // a reader that leaves early while the output waits for the check (a find that takes half a second):
    // a quiet stop, as uncached. The entry gets a fingerprint once no file has changed in the last two
    // seconds (RACY_MS)
    spawnSync('sleep', ['2.1']);
    expect(rif('list', '--json').status).toBe(0);
    const slow = tempDir();
    const find = spawnSync('bash', ['-c', 'command -v find'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(slow, 'find'), `#!/bin/sh\nsleep 0.5\nexec ${find} "$@"\n`, { mode: 0o755 });
    const early = spawnSync(
      'bash',
      ['-c', `node ${join(ROOT, 'bin', 'rif.js')} list --json --facts ${dir} --no-bundled | head -c 10; echo " status \${PIPESTATUS[0]}"`],
      {
        env: { ...env, PATH: `${slow}:${env['PATH']}` },
        encoding: 'utf8',
      },
    );
    expect([early.stdout, early.stderr]).toEqual(['[\n  {\n     status 0\n', '']);
  });
});
