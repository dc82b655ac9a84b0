// Output held while a command runs on a cache entry still being checked: written whole and in order
// once the check says the entry is fresh, dropped when it proved stale, and never held once some
// output has gone out.
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { OutputError } from '../src/errors.js';
import type { Io } from '../src/io.js';
import { speculation } from '../src/speculation.js';
import { rif, ROOT, tempDir, tempFacts } from './helpers.js';

function recorder(overrides: Partial<Io> = {}) {
  const written: string[] = [];
  const io: Io = {
    stdout: (text) => void written.push(`out:${text}`),
    stderr: (text) => void written.push(`err:${text}`),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: 0,
    env: {},
    cwd: ROOT,
    now: () => 0,
    ...overrides,
  };
  return { io, written };
}

describe('held output', () => {
  it('goes out at once while no check is taken', async () => {
    const { io, written } = recorder();
    const held = speculation(io);
    held.io.stdout('a');
    expect(written).toEqual(['out:a']);
    expect(await held.settle()).toBe(true);
    expect(written).toEqual(['out:a']);
  });

  it('is held from a check on, then written in the order it came once every check says fresh', async () => {
    const { io, written } = recorder();
    const held = speculation(io);
    let confirm: (fresh: boolean) => void = () => {};
    expect(held.io.speculate!(new Promise((done) => (confirm = done)))).toBe(true);
    expect(held.io.speculate!(Promise.resolve(true))).toBe(true);
    held.io.stdout('1');
    held.io.stderr('2');
    held.io.stdout('3');
    const settled = held.settle();
    await new Promise((done) => setTimeout(done, 5));
    expect(written).toEqual([]);
    confirm(true);
    expect(await settled).toBe(true);
    expect(written).toEqual(['out:1', 'err:2', 'out:3']);
  });

  it('is dropped when a check says stale', async () => {
    const { io, written } = recorder();
    const held = speculation(io);
    held.io.speculate!(Promise.resolve(true));
    held.io.speculate!(Promise.resolve(false));
    held.io.stdout('stale');
    expect(await held.settle()).toBe(false);
    expect(written).toEqual([]);
  });

  it('takes no check once output has gone out, since it could not be taken back', async () => {
    const { io, written } = recorder();
    const held = speculation(io);
    held.io.stderr('early');
    expect(held.io.speculate!(Promise.resolve(false))).toBe(false);
    held.io.stdout('later');
    expect(await held.settle()).toBe(true);
    expect(written).toEqual(['err:early', 'out:later']);
  });
});

describe('rif writing held output', () => {
  const dir = tempFacts({
    'a.yaml': 'id: alpha\nkind: event\ntitle: Alpha\ndate: "1900"\nsummary: A summary.\nsources: [{ url: "https://example.org/a", publisher: P }]\n',
  });
  const env = { XDG_CACHE_HOME: tempDir(), PATH: process.env['PATH'] };
  const argv = ['list', '--facts', dir, '--no-bundled'];

  it.each([
    ['stops quietly when the reader has left', new OutputError('output closed', true), 0, ''],
    ['says why it could not write, in one line', new OutputError('cannot write output (ENOSPC)'), 74, 'rif: cannot write output (ENOSPC)\n'],
  ])('%s', async (_, failure, code, stderr) => {
    // the first run leaves a cache entry with a fingerprint: the next one runs on it while it is checked
    expect((await rif(argv, { env })).code).toBe(0);
    let said = '';
    const { io } = recorder({
      env,
      stdout: () => {
        throw failure;
      },
      stderr: (text) => void (said += text),
    });
    expect(await run(argv, io)).toBe(code);
    expect(said).toBe(stderr);
  });
});
