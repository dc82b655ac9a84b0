// The built CLI as a user runs it: a real process, real pipes, a real pseudo-terminal.
// `npm test` builds dist/ before these run.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { FIXTURES, rif, ROOT, tempDir, tempFacts } from './helpers.js';

const BIN = join(ROOT, 'bin', 'rif.js');
// a cache of its own: the tests never touch the user's ~/.cache/rif
const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color', XDG_CACHE_HOME: tempDir(), XDG_CONFIG_HOME: tempDir() };

function sh(command: string) {
  const out = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 1 << 26 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('the built bin', () => {
  it('pipes JSON that another program parses', () => {
    const out = sh(
      `node ${BIN} search "drone deal" --json | node -e "const a = JSON.parse(require('fs').readFileSync(0, 'utf8')); console.log(a.length > 0 && a.every(r => r.id && r.date.start))"`,
    );
    expect([out.code, out.stdout, out.stderr]).toEqual([0, 'true\n', '']);
  });

  it('prints the JSON the build compiled, byte for byte what the renderer prints of the same facts', () => {
    // the bundled records go out as stored (UTF-8, never decoded); the same facts as a folder of one's own are rendered
    const compiled = sh(`node ${BIN} list --json`);
    const rendered = sh(`node ${BIN} list --json --no-bundled --facts ${join(ROOT, 'facts')} --no-cache`);
    expect(compiled.stdout.length).toBeGreaterThan(1_000_000);
    expect(compiled.stdout).toMatch(/[\u0400-\u04ff]/);
    expect([compiled.code, compiled.stderr]).toEqual([0, '']);
    expect(compiled.stdout === rendered.stdout).toBe(true);
    const some = sh(`node ${BIN} treaties --in 1828 --json`);
    expect(JSON.parse(some.stdout).map((r: { id: string }) => r.id)).toContain('treaty-of-turkmenchay');
  });

  it('draws a table on a terminal, fitted to its width', () => {
    for (const columns of [100, 50]) {
      const out = sh(`script -qec "stty cols ${columns}; node ${BIN} treaties --from 1810 --to 1828-02-21" /dev/null`);
      expect(out.code).toBe(0);
      const lines = out.stdout.replace(/\r/g, '').trimEnd().split('\n');
      // a grid from 100 columns, a line per row below
      expect(lines[0]).toMatch(columns === 100 ? /^┌─/ : /^\u001b\[1msigned\u001b\[22m +\u001b\[1mid\u001b\[22m +\u001b\[1mtitle/);
      for (const line of lines) expect([...line.replace(/\u001b\[[0-9;]*m/g, '')].length).toBeLessThanOrEqual(columns);
      if (columns === 100) expect(out.stdout).toContain('treaty-of-gulistan');
      if (columns === 100) expect(out.stdout).toContain('\u001b[1msigned'); // a bold header: colour is on
    }
  });

  it('reports a broken user file as file:line:col and no stack trace', () => {
    const dir = tempFacts({ 'broken.yaml': 'id: broken\nkind: event\ntitle: [unclosed\n' });
    const out = spawnSync('node', [BIN, 'list', '--facts', dir, '--no-bundled', '--strict'], { cwd: dir, encoding: 'utf8', env });
    expect(out.status).toBe(3);
    expect(out.stderr).toMatch(/^broken\.yaml:\d+:\d+ RIF001 /);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops quietly when the reader leaves early', () => {
    const out = sh(`node ${BIN} list --facts ${join(FIXTURES, 'valid')} | head -1; echo "status \${PIPESTATUS[0]}"`);
    expect(out.stdout).toMatch(/^\S+\t.*\nstatus 0\n$/);
    expect(out.stderr).toBe('');
  });

  it('hands a slow reader the whole of a large output, through a blocking or a non-blocking pipe', async () => {
    const whole = sh(`node ${BIN} list --json`).stdout;
    expect(whole.length).toBeGreaterThan(100_000);
    expect(sh(`node ${BIN} list --json | (sleep 0.3; cat)`).stdout).toBe(whole);
    // a pipe Node opens itself is non-blocking: a write that would block must not lose the rest
    const child = spawn('node', [BIN, 'list', '--json'], { cwd: ROOT, env });
    child.stdout.pause();
    const chunks: Buffer[] = [];
    setTimeout(() => child.stdout.on('data', (c: Buffer) => chunks.push(c)).resume(), 300);
    const code = await new Promise((done) => child.on('close', done));
    expect([code, Buffer.concat(chunks).toString()]).toEqual([0, whole]);
    // a non-blocking pipe: writes that would block fail with EAGAIN, and the rest must still arrive
    const nonBlocking = spawnSync('python3', [join(FIXTURES, 'scripts', 'nonblocking-pipe.py'), 'node', BIN, 'list', '--json'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect([nonBlocking.status, nonBlocking.stdout === whole, nonBlocking.stderr]).toEqual([0, true, '']);
  });

  it('a full disk is one line and exit 74', () => {
    const out = sh(`node ${BIN} list > /dev/full`);
    expect([out.code, out.stderr]).toEqual([74, 'rif: cannot write output (ENOSPC)\n']);
  });

  it('caches user facts between runs, with the same output', () => {
    const run = () => sh(`node ${BIN} list --facts ${join(FIXTURES, 'valid')} --no-bundled --json`);
    const first = run();
    expect(existsSync(join(env.XDG_CACHE_HOME, 'rif', 'stores'))).toBe(true);
    expect(run()).toEqual(first);
    expect(first.code).toBe(0);
  });

  it('importing the build does nothing by itself', () => {
    const out = spawnSync('node', ['-e', `import(${JSON.stringify(join(ROOT, 'dist', 'main.js'))}).then((m) => console.log(typeof m.main))`], {
      encoding: 'utf8',
    });
    expect([out.stdout, out.stderr]).toEqual(['function\n', '']);
  });

  it.each(['--version', '-V', '-v', 'version'])('%s prints the package version, the fact count and the as-of date', (flag) => {
    const out = spawnSync('node', [BIN, flag], { encoding: 'utf8' });
    const record = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundled', 'record.json'), 'utf8')) as { facts: number; as_of: string };
    const asOf = /^as_of: "(\d{4}-\d{2}-\d{2})"$/m.exec(readFileSync(join(ROOT, 'facts', 'record.yaml'), 'utf8'))![1];
    expect(record.as_of).toBe(asOf);
    expect(out.stdout).toMatch(new RegExp(`^rif \\d+\\.\\d+\\.\\d+\\nbundled record: ${record.facts} facts, complete to ${asOf}\\n$`));
    expect(record.facts).toBeGreaterThan(100);
    expect(out.status).toBe(0);
  });
});

describe('a first run over many files, on two cores', () => {
  it('the worker thread parses and indexes half of them, posting its results in parts: the same output as one thread, cold, warm and without the cache', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) {
      files[`${['event', 'treaty', 'allegation'][i % 3]}/fact-${i}.yaml`] =
        i % 3 === 1
          ? `id: fact-${i}\nkind: treaty\ntitle: Treaty number ${i} on Caspian ${i % 7 ? 'fishing' : 'shahed drones'}\nsigned: "${1800 + (i % 200)}"\nsummary: Summary ${i}.\naliases: [T${i}]\nsources: [{ url: "https://example.org/${i}", publisher: P, title: T }, { url: "https://example.org/b${i}", publisher: P, title: T }]\n`
          : i % 3 === 2
            ? `id: fact-${i}\nkind: allegation\ntitle: Claim ${i} about drones\ndate: "${1900 + (i % 100)}"\nstatus: alleged\nalleged_by: [Someone ${i}]\nsummary: Summary ${i} of a claim.\naliases: [C${i}]\nsources: [{ url: "https://example.org/${i}", publisher: P, title: T }]\n`
            : `id: fact-${i}\nkind: event\ntitle: Event ${i} in Tehran\ndate: "${1700 + (i % 300)}"\nsummary: Summary ${i} with shahed ${i % 5}.\naliases: [E${i}]\nsources: [{ url: "https://example.org/${i}", publisher: P, title: T }]\n`;
    }
    files['event/fact-9.yaml'] = 'id: fact-9\nkind: event\n'; // a broken file in each half
    files['treaty/fact-598.yaml'] = 'id: fact-598\nkind: treaty\n';
    files['misc/dup.yaml'] = files['event/fact-12.yaml']!.replace('id: fact-12', 'id: fact-3'); // and a duplicate id
    const dir = tempFacts(files);
    const cache = { ...env, XDG_CACHE_HOME: tempDir() };
    const built = (args: string) => sh(`node ${BIN} ${args} --facts ${dir} --no-bundled`);
    const cachedBuilt = (args: string) =>
      spawnSync('bash', ['-c', `node ${BIN} ${args} --facts ${dir} --no-bundled`], { encoding: 'utf8', env: cache, maxBuffer: 1 << 26 });
    for (const args of ['list --json', 'search shahed drones --json --limit 50', 'treaties --from 1850 --to 1900']) {
      const inProcess = await rif([...args.split(' '), '--facts', dir, '--no-bundled']);
      const uncached = built(`${args} --no-cache`);
      const cold = cachedBuilt(args);
      const warm = cachedBuilt(args);
      for (const out of [
        uncached,
        { code: cold.status, stdout: cold.stdout, stderr: cold.stderr },
        { code: warm.status, stdout: warm.stdout, stderr: warm.stderr },
      ]) {
        expect(out, args).toEqual({ code: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr });
      }
    }
    // with the bundled facts first in the entry, each half's index is moved past them
    const withBundled = ['search', 'shahed', 'drones', '--json', '--limit', '80', '--facts', dir];
    const inProcess = await rif(withBundled);
    const cold = spawnSync('node', [BIN, ...withBundled], { encoding: 'utf8', env: { ...env, XDG_CACHE_HOME: tempDir() }, maxBuffer: 1 << 26 });
    expect(JSON.parse(inProcess.stdout)).toContainEqual(expect.objectContaining({ id: 'shahed-drone-deal-2022' }));
    expect({ code: cold.status, stdout: cold.stdout, stderr: cold.stderr }).toEqual({
      code: inProcess.code,
      stdout: inProcess.stdout,
      stderr: inProcess.stderr,
    });
  }, 60_000);
});

describe('the environment it starts in', () => {
  it('a config folder that is a file: one warning, the defaults, and every command runs', () => {
    const home = tempDir();
    writeFileSync(join(home, '.config'), 'not a folder');
    const run = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...env, HOME: home, XDG_CONFIG_HOME: undefined } });
    const warning = `rif: warning: cannot read the config file ${join(home, '.config', 'rif', 'config.yaml')} (a part of the path is not a folder); using the defaults\n`;
    for (const args of [['search', 'shahed'], ['paths'], ['config', 'path']]) {
      const out = run(...args);
      expect([out.status, out.stderr], args.join(' ')).toEqual([0, warning]);
    }
    expect(run('paths').stdout).toMatch(/^config\t\S+\tcannot be read \(a part of the path is not a folder\); defaults apply$/m);
  });

  it('a working folder that was deleted: commands that need no relative path run; one that does gets one line and exit 2', () => {
    const inGone = (args: string) => {
      const gone = tempDir();
      return sh(`cd ${gone} && rmdir ${gone} && node ${BIN} ${args}`);
    };
    const search = inGone('treaties --in 1813 --fields id');
    expect([search.code, search.stdout, search.stderr]).toEqual([0, 'treaty-of-gulistan\n', '']);
    const relative = inGone('list --facts my-facts');
    expect([relative.code, relative.stdout, relative.stderr]).toEqual([
      2,
      '',
      'rif: my-facts: a relative path, but the working directory no longer exists; give an absolute path\n',
    ]);
  });
});
