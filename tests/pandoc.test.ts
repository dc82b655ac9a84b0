// The CSL-JSON rif writes, cited from Markdown through pandoc --citeproc with each style rif ships, as a
// writer would. Skipped, saying why, where pandoc is not installed (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSL_TEXT_STYLES } from '../src/render/cite-styles.js';
import { packagedStyle, type CslNode } from '../src/render/csl-styles.js';
import { rif, ROOT, tempDir } from './helpers.js';

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A packaged style back as the CSL XML pandoc reads. */
function styleXml(node: CslNode | string, root = true): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = { ...(root ? { xmlns: 'http://purl.org/net/xbiblio/csl' } : {}), ...node.attrs };
  const open = `<${node.name}${Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('')}`;
  return node.children.length ? `${open}>${node.children.map((c) => styleXml(c, false)).join('')}</${node.name}>` : `${open}/>`;
}

interface Item {
  id: string;
  type: string;
  title: string;
  issued?: { 'date-parts': number[][] };
}

describe.skipIf(!hasPandoc)('pandoc --citeproc reads the CSL-JSON (skipped when pandoc is not installed)', () => {
  it.each(CSL_TEXT_STYLES)('%s: three sources with dates cite with their years, never n.d.', async (style) => {
    const out = await rif(['cite', 'un-arms-embargo-expiry-2020', 'jcpoa-2015', 'treaty-of-gulistan', '--style', 'csl-json', '--sources', 'all']);
    const items = JSON.parse(out.stdout) as Item[];
    const dated = items.filter((i) => i.type === 'webpage' && i.issued);
    // one of them a page described in brackets, as TASS pages without a headline are
    const chosen = [dated.find((i) => i.title.includes('[')) ?? dated[0]!, ...dated.filter((i) => !i.title.includes('['))].slice(0, 3);
    expect(chosen).toHaveLength(3);
    const dir = tempDir('rif-pandoc-');
    writeFileSync(join(dir, 'refs.json'), out.stdout);
    writeFileSync(join(dir, 'style.csl'), `<?xml version="1.0" encoding="utf-8"?>\n${styleXml(packagedStyle(style))}\n`);
    writeFileSync(join(dir, 'essay.md'), `Russia and Iran [@${chosen[0]!.id}]. The deal [@${chosen[1]!.id}; @${chosen[2]!.id}].\n\n# References\n`);
    const pandoc = spawnSync('pandoc', ['--citeproc', '--bibliography', 'refs.json', '--csl', 'style.csl', '-t', 'plain', '--wrap', 'none', 'essay.md'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(pandoc.stderr).toBe('');
    expect(pandoc.status).toBe(0);
    expect(pandoc.stdout).not.toMatch(/n\.d\.|\?\?\?|CSL STYLE ERROR|\(n\.d\.[a-z]?\)/i);
    for (const item of chosen) expect(pandoc.stdout).toContain(String(item.issued!['date-parts'][0]![0]));
    // every cited source is in the bibliography, by its title's first words
    for (const item of chosen)
      expect(pandoc.stdout.toLowerCase()).toContain(
        item.title
          .replace(/<[^>]+>/g, '')
          .slice(0, 12)
          .toLowerCase(),
      );
  });
});

describe.skipIf(!hasPandoc)("a fact's own key through pandoc --citeproc (skipped when pandoc is not installed)", () => {
  it.each(CSL_TEXT_STYLES)('%s: the entry of a fact is dated by the record, never n.d.', async (style) => {
    const out = await rif(['cite', 'treaty-of-turkmenchay', 'jcpoa-2015', '--style', 'csl-json']);
    const asOf = JSON.parse((await rif(['stats', '--json'])).stdout).as_of as string;
    const dir = tempDir('rif-pandoc-');
    writeFileSync(join(dir, 'refs.json'), out.stdout);
    writeFileSync(join(dir, 'style.csl'), `<?xml version="1.0" encoding="utf-8"?>\n${styleXml(packagedStyle(style))}\n`);
    writeFileSync(join(dir, 'essay.md'), 'The treaty [@treaty-of-turkmenchay]. The deal [@jcpoa-2015].\n\n# References\n');
    const pandoc = spawnSync('pandoc', ['--citeproc', '--bibliography', 'refs.json', '--csl', 'style.csl', '-t', 'plain', '--wrap', 'none', 'essay.md'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect([pandoc.status, pandoc.stderr]).toEqual([0, '']);
    expect(pandoc.stdout).not.toMatch(/n\.d\./i);
    expect(pandoc.stdout).toContain(asOf.slice(0, 4));
  });
});

/** The commands of the README's "For writers" example, as a writer types them. */
function writersCommands(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## For writers'));
  const block = /```console\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .filter((l) => l.startsWith('$ '))
    .map((l) => l.slice(2));
}

interface Block {
  t: string;
  c: unknown;
}

describe.skipIf(!hasPandoc)("the README's workflow for writers, through pandoc (skipped when pandoc is not installed)", () => {
  it('gives an essay: two paragraphs with a footnote each, the picture apart, one bibliography at the end; pandoc says nothing', () => {
    const commands = writersCommands();
    expect(commands.filter((c) => c.startsWith('rif cite')).length).toBeGreaterThanOrEqual(3);
    const dir = tempDir('rif-essay-');
    const script = [`rif() { node ${JSON.stringify(join(ROOT, 'bin', 'rif.js'))} "$@"; }`, 'set -e', ...commands].join('\n');
    const shell = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'], HOME: dir } });
    expect([shell.status, shell.stderr]).toEqual([0, '']);
    const pandoc = spawnSync('pandoc', ['essay.md', '-t', 'json'], { cwd: dir, encoding: 'utf8' });
    expect([pandoc.status, pandoc.stderr]).toEqual([0, '']);
    const blocks = (JSON.parse(pandoc.stdout) as { blocks: Block[] }).blocks;
    const kinds = blocks.map((b) => (b.t === 'Para' && (b.c as Block[]).length === 1 && (b.c as Block[])[0]!.t === 'Image' ? 'Figure' : b.t));
    const heading = kinds.indexOf('Header');
    // sentence, picture, sentence; the heading; then only the bibliography's entries
    expect(kinds.slice(0, heading)).toEqual(['Para', 'Figure', 'Para']);
    expect(kinds.slice(heading + 1).every((k) => k === 'Para')).toBe(true);
    expect(kinds.filter((k) => k === 'Header')).toHaveLength(1);
    expect(JSON.stringify(blocks[heading])).toContain('"Bibliography"');
    // each sentence holds its own footnote, and nothing else in the essay is a note
    const notes = (b: Block | undefined) => (JSON.stringify(b).match(/"t":"Note"/g) ?? []).length;
    expect(blocks.map(notes)).toEqual(blocks.map((_, i) => (i === 0 || i === 2 ? 1 : 0)));
    const text = spawnSync('pandoc', ['essay.md', '-t', 'plain', '--wrap', 'none'], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(text).toMatch(/^Treaty of Gulistan between .*\[1\]$/m);
    expect(text).toMatch(/^Treaty of Turkmenchay between .*\[2\]$/m);
    expect(text.match(/^Wikipedia\. “Treaty of (Gulistan|Turkmenchay)\.”/gm)).toHaveLength(2);
  });
});
