// A run whose stores were used before their checks ended: what it writes waits for the checks, goes out
// in order when they say the stores were current, and is dropped for a run started again when one says
// a store was stale. End to end: an edit to one of 600 fact files shows on the next run, cached as uncached.
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
});

describe('an edit to one of 600 fact files', () => {
  it('shows on the next run, as uncached, and so does every run after', () => {
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
  });
});
