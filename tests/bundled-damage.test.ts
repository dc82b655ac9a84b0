// The bundled store found damaged halfway through a command (a byte of the installed package changed on
// disk after its manifest was read): rif parses the YAML the store was compiled from and prints what it
// would have printed, with no stack trace and no line on stderr.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

/** A copy of the built package whose bundled files can be damaged; the facts are the checkout's. */
function packageCopy(): string {
  const pkg = tempDir();
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  symlinkSync(join(ROOT, 'facts'), join(pkg, 'facts'));
  return pkg;
}

function rif(pkg: string, argv: readonly string[]) {
  const env: Record<string, string | undefined> = { ...process.env, XDG_CACHE_HOME: tempDir(), NO_COLOR: '1' };
  delete env['NODE_OPTIONS'];
  const out = spawnSync('node', [join(pkg, 'bin', 'rif.js'), ...argv], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  return { code: out.status, stdout: out.stdout.replaceAll(pkg, '<package>'), stderr: out.stderr };
}

/** The bundled file whose name starts so (a small file carries its generation in its name). */
const bundledFile = (pkg: string, name: string): string => {
  const dir = join(pkg, 'dist', 'bundled');
  return join(
    dir,
    readdirSync(dir).find((f) => f.startsWith(`${name}.`))!,
  );
};

describe('the bundled store damaged after it was opened', () => {
  it.each([
    ['listing', ['list', '--json']],
    ['listingAt', ['treaties', '--json', '--in', '1828']],
    ['order', ['list', '--in', '19th-century']],
    ['docs', ['search', 'Russian fuel deliveries to Bushehr plant']],
    ['records', ['show', 'treaty-of-turkmenchay', '--json']],
    ['heads', ['treaties', '--in', '1828']],
    ['words', ['search', 'shahed']],
    ['postings', ['search', 'drone deal -shahed']],
    ['postingSums', ['search', 'shahed']],
  ])('%s: the YAML is parsed instead, and the output is the same', (name, argv) => {
    const pkg = packageCopy();
    const before = rif(pkg, argv);
    expect(before.code).toBe(0);
    const file = bundledFile(pkg, name);
    // a byte in every 200, so that every item of a growing file is damaged, whichever the command reads
    const bytes = readFileSync(file);
    for (let at = 100; at < bytes.length; at += 200) bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(file, bytes);
    expect(rif(pkg, argv)).toEqual(before);
  });
});

describe('a damaged block of the word index postings', () => {
  it('is found when a search reads it, and the YAML is parsed instead', () => {
    const pkg = packageCopy();
    // the last word of the index has the last postings, in the file's last block, which the words' numbers before the postings do not reach
    const words = readFileSync(bundledFile(pkg, 'words'), 'utf8').trimEnd().split('\n');
    const argv = ['search', words.at(-1)!];
    const before = rif(pkg, argv);
    expect(before.stdout).toContain('iran-joins-sco-2023');
    const file = bundledFile(pkg, 'postings');
    const bytes = readFileSync(file);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(rif(pkg, argv)).toEqual(before);
  });
});
