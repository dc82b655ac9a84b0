// The package as a user installs it: npm pack, then npm install of the tarball into a prefix of its own,
// then rif run from another folder, and its manual page found by man. Slow (npm installs the
// dependencies, from its cache where it can), so it runs once, at the end of npm test.
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; man: unknown };
const hasMan = spawnSync('man', ['--version'], { encoding: 'utf8' }).status === 0;

describe('installed from the packed tarball', { timeout: 240_000 }, () => {
  const prefix = tempDir('rif-prefix-');
  const elsewhere = tempDir('rif-elsewhere-');
  // a user's environment: the prefix's bin on PATH, a home of its own, nothing of this checkout
  const env = {
    PATH: `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`,
    HOME: elsewhere,
    XDG_CONFIG_HOME: join(elsewhere, '.config'),
    XDG_CACHE_HOME: join(elsewhere, '.cache'),
    LANG: 'C.UTF-8',
    TERM: 'dumb',
  };
  const rif = (...args: string[]) => spawnSync('rif', args, { cwd: elsewhere, env, encoding: 'utf8' });

  beforeAll(() => {
    // --ignore-scripts: pack the dist/ that npm test built, without building it again under other tests
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', elsewhere], { cwd: ROOT, encoding: 'utf8' }),
    ) as {
      filename: string;
    }[];
    const tarball = join(elsewhere, packed[0]!.filename);
    // npm as this machine has it set up (its cache, its registry and certificates); rif then runs without any of it
    execFileSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error', tarball], {
      cwd: elsewhere,
      encoding: 'utf8',
      timeout: 180_000,
    });
    // the hook's own limit: npm unpacks the dependencies (the CSL styles among them) into the prefix
  }, 200_000);

  it('is named so that npm installs this package, with the command rif and the page as a list', () => {
    expect(pkg.name).toBe('russia-iran-facts');
    expect(pkg.bin).toEqual({ rif: 'bin/rif.js' });
    // npm links manual pages only from a list
    expect(pkg.man).toEqual(['./dist/rif.1']);
  });

  it('rif --version prints the package version, the fact count and the as-of date', () => {
    const out = rif('--version');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^rif ${pkg.version.replace(/\./g, '\\.')}\\nbundled record: \\d{3,} facts, complete to \\d{4}-\\d\\d-\\d\\d\\n$`));
  });

  it('rif cite renders a Chicago note with the CSL style and locale from the installed dependencies', () => {
    const out = rif('cite', 'treaty-of-gulistan', '--style', 'chicago-note', '--plain');
    expect([out.status, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatch(/^\[1\] “Treaty of Gulistan,” Wikipedia, accessed /m);
  });

  it('rif search shahed finds the Shahed facts, from another folder', () => {
    const out = rif('search', 'shahed', '--fields', 'id');
    expect([out.status, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain('shahed-drone-deal-2022\n');
    // the bundled facts are read from the installed package, not from this checkout
    expect(rif('show', 'shahed-drone-deal-2022', '--fields', 'file').stdout.trim()).toBe(
      join(prefix, 'lib', 'node_modules', pkg.name, 'facts', 'allegation', 'shahed-drone-deal-2022.yaml'),
    );
  });

  it.runIf(hasMan)('man -w rif finds the page npm linked', () => {
    const out = spawnSync('man', ['-w', 'rif'], { cwd: elsewhere, env, encoding: 'utf8' });
    // the link npm made in <prefix>/share/man/man1, which man names by what it points to
    const linked = join(prefix, 'share', 'man', 'man1', 'rif.1');
    expect(lstatSync(linked).isSymbolicLink()).toBe(true);
    expect([out.status, realpathSync(out.stdout.trim())]).toEqual([0, realpathSync(linked)]);
    const page = spawnSync('man', ['rif'], { cwd: elsewhere, env: { ...env, MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '80' }, encoding: 'utf8' });
    expect(page.stdout).toMatch(/^RIF\(1\)/);
  });

  it.skipIf(hasMan)('man -w rif (skipped: man is not installed here)', () => {});
});
