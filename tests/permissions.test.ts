// Files the user may not read. File modes do not bind root, so as root these tests skip themselves and
// say why; .ci/run runs this file again as an unprivileged user.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/store/fingerprint.js';
import { hasher } from '../src/store/hash.js';
import { rif, tempDir } from './helpers.js';

const root = process.getuid?.() === 0;
if (root) process.stdout.write('tests/permissions.test.ts: skipped, running as root (file modes do not apply); .ci/run runs it as an unprivileged user\n');

const fact = (id: string) =>
  `id: ${id}\nkind: event\ntitle: A test fact\ndate: "1900"\nsummary: A test summary for ${id}.\naliases: [Test]\nsources:\n  - url: https://example.org/x\n    publisher: Example\n    title: A test page\n`;

describe.skipIf(root)('unreadable files and folders', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'readable.yaml'), fact('readable-fact'));
  writeFileSync(join(dir, 'secret.yaml'), fact('secret-fact'));
  chmodSync(join(dir, 'secret.yaml'), 0o000);
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'inside.yaml'), fact('inside-fact'));
  chmodSync(join(dir, 'locked'), 0o000);

  it('an unreadable file or folder is reported, and the other files are still checked', async () => {
    const out = await rif(['validate', '--no-bundled', dir], { cwd: dir });
    expect(out.stdout.split('\n')).toEqual([
      'locked:1:1 RIF017 folder permission denied; its facts are not loaded',
      'secret.yaml:1:1 RIF017 permission denied',
      '1 fact in 2 files: 2 errors, 0 warnings',
      '',
    ]);
    expect(out.code).toBe(3);
  });

  it('listing loads what it can read and warns about the rest, from the cache too', async () => {
    // find cannot take a fingerprint of a tree with a folder it cannot read: the cache is checked file by file
    const env = { XDG_CACHE_HOME: tempDir(), PATH: process.env['PATH'] };
    const out = await rif(['list', '--facts', dir, '--no-bundled', '--json'], { cwd: dir, env });
    expect(JSON.parse(out.stdout).map((r: { id: string }) => r.id)).toEqual(['readable-fact']);
    expect(out.stderr).toContain('secret.yaml:1:1 RIF017 permission denied');
    expect(out.code).toBe(0);
    expect(await rif(['list', '--facts', dir, '--no-bundled', '--json'], { cwd: dir, env })).toEqual(out);
  });

  it('no fingerprint is taken of a tree with a folder find cannot read', async () => {
    expect(await fingerprint([dir], { searchPath: process.env['PATH'] ?? '', scratch: tempDir(), hash: hasher() })).toBeUndefined();
    expect((await fingerprint([join(dir, 'readable.yaml')], { searchPath: process.env['PATH'] ?? '', scratch: tempDir(), hash: hasher() }))?.digest).toMatch(
      /^[0-9a-f]{40}$/,
    );
  });

  it('an unreadable --facts folder is a usage error', async () => {
    const out = await rif(['list', '--facts', join(dir, 'locked')]);
    expect([out.code, out.stderr]).toEqual([2, `rif: ${join(dir, 'locked')}: permission denied\n`]);
  });

  it('an unwritable cache only costs speed', async () => {
    const cache = tempDir();
    chmodSync(cache, 0o500);
    const out = await rif(['list', '--facts', join(dir, 'readable.yaml'), '--no-bundled', '--json'], { env: { XDG_CACHE_HOME: cache } });
    expect([out.code, JSON.parse(out.stdout).length]).toEqual([0, 1]);
  });

  it('a config folder that cannot be read: one warning, and the defaults', async () => {
    const home = tempDir();
    mkdirSync(join(home, '.config', 'rif'), { recursive: true });
    writeFileSync(join(home, '.config', 'rif', 'config.yaml'), 'color: never\n');
    chmodSync(join(home, '.config'), 0o000);
    const out = await rif(['show', 'shahed-drone-deal-2022', '--json'], { env: { HOME: home } });
    const file = join(home, '.config', 'rif', 'config.yaml');
    expect([out.code, (JSON.parse(out.stdout) as { id: string }[])[0]?.id, out.stderr]).toEqual([
      0,
      'shahed-drone-deal-2022',
      `rif: warning: cannot read the config file ${file} (permission denied); using the defaults\n`,
    ]);
    chmodSync(join(home, '.config'), 0o700);
  });
});
