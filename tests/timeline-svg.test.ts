// The timeline as an SVG picture, read back as the picture it is: where each text sits and how much
// of it shows, the axis labels, the legend within the width, and --width kept to what can be drawn.
// The ink checks render the SVG with rsvg-convert and skip where it is not installed.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT } from '../src/render/svg.js';
import { rif, tempDir, tempFacts } from './helpers.js';
import { readPng } from './png.js';

const RSVG = spawnSync('rsvg-convert', ['--version']).status === 0;
const SOURCE = 'sources: [{ url: "https://example.org/s", publisher: Test Archive, title: A page }]';
const fact = (lines: string) => `${lines}\nsummary: "A fictional fact for the SVG tests: ${/^id: (.+)$/m.exec(lines)![1]}."\n${SOURCE}\n`;
/** One year of facts with titles of 50 to 60 characters, the record's usual length: visits, and a long span beside them. */
const VISITS: readonly (readonly [date: string, title: string])[] = [
  ['2022-01-10', 'A delegation visits the capital to sign a transport memo'],
  ['2022-02-11', 'Foreign ministers meet on the sidelines of a summit'],
  ['2022-03-12', 'Talks on the railway corridor end without a statement'],
  ['2022-12-13', 'The central banks agree to settle trade in own currencies'],
];
const DIR = tempFacts({
  ...Object.fromEntries(VISITS.map(([date, title], i) => [`v${i}.yaml`, fact(`id: svg-visit-${i}\nkind: event\ntitle: ${title}\ndate: "${date}"`)])),
  'span.yaml': fact(
    'id: svg-span\nkind: allegation\ntitle: Reported deliveries of spare parts over the whole year\nstart: "2021-06"\nstatus: disputed\nalleged_by: [A paper]',
  ),
});
const USER = ['--facts', DIR, '--no-bundled'];

interface Text {
  readonly x: number;
  readonly anchor: string;
  readonly size: number;
  readonly text: string;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every <text> of the picture, with where it starts and its size. */
function texts(svg: string): Text[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, body]) => ({
    x: Number(/\bx="([\d.]+)"/.exec(attrs!)![1]),
    anchor: /text-anchor="(\w+)"/.exec(attrs!)?.[1] ?? 'start',
    size: Number(/font-size="(\d+)"/.exec(attrs!)?.[1] ?? FONT.size),
    text: unescape(body!),
  }));
}

const widthOf = (svg: string) => Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);

describe('rif timeline --svg', () => {
  it('titles use the free width beside their marks: whole at 80 columns, not cut at the edge of a column', async () => {
    const svg = (await rif(['timeline', ...USER, '--from', '2022', '--to', '2022-12', '--svg', '--width', '80'])).stdout;
    const shown = texts(svg).map((t) => t.text);
    for (const [, title] of VISITS) expect(shown).toContain(title);
    // the span that runs through the year carries its title inside its bar
    expect(shown).toContain('Reported deliveries of spare parts over the whole year');
  });

  it('an axis of one year is labelled by month', async () => {
    const svg = (await rif(['timeline', ...USER, '--from', '2022', '--to', '2022-12', '--svg', '--width', '80'])).stdout;
    const labels = texts(svg)
      .filter((t) => t.anchor === 'middle')
      .map((t) => t.text);
    expect(labels[0]).toBe('2022');
    expect(labels.at(-1)).toBe('2023');
    expect(labels.filter((l) => /^[A-Z][a-z]{2}$/.test(l)).length).toBeGreaterThanOrEqual(5);
    // a longer axis keeps its years
    const decade = (await rif(['timeline', '--in', '1900s', '--svg', '--width', '80'])).stdout;
    expect(texts(decade).filter((t) => t.anchor === 'middle' && /^[A-Z]/.test(t.text))).toEqual([]);
  });

  it.each([48, 60, 80, 120])('at %i columns, no text runs past the picture, the legend included (stats too)', async (columns) => {
    for (const argv of [['timeline', ...USER], ['timeline', '--in', '19th-century', '--kind', 'treaty'], ['stats'], ['stats', '--by', 'actor']]) {
      const svg = (await rif([...argv, '--svg', '--width', String(columns)])).stdout;
      const width = widthOf(svg);
      expect(width).toBe(columns * 10);
      for (const t of texts(svg)) {
        const extent = (t.text.length * FONT.charWidth * t.size) / FONT.size;
        const [from, to] = t.anchor === 'end' ? [t.x - extent, t.x] : t.anchor === 'middle' ? [t.x - extent / 2, t.x + extent / 2] : [t.x, t.x + extent];
        expect(from, t.text).toBeGreaterThanOrEqual(0);
        expect(to, t.text).toBeLessThanOrEqual(width);
      }
    }
  });

  it("--width below a picture's 48 columns is a usage error, for stats too; above 1000 for any command", async () => {
    for (const argv of [
      ['timeline', '--svg', '--width', '47'],
      ['stats', '--svg', '--width', '10'],
    ]) {
      const out = await rif(argv);
      expect([out.code, out.stdout]).toEqual([2, '']);
      expect(out.stderr).toMatch(/^rif: --width \d+ is too narrow for a picture: give 48 columns \(480 pixels\) or more\n$/);
    }
    for (const command of ['timeline', 'stats', 'list']) {
      const out = await rif([command, '--width', '99999999999999999999']);
      expect([out.code, out.stdout, out.stderr]).toEqual([
        2,
        '',
        "rif: option '--width <n>' argument '99999999999999999999' is invalid. use at most 1000 columns\n",
      ]);
    }
    expect(widthOf((await rif(['stats', ...USER, '--svg', '--width', '48'])).stdout)).toBe(480);
    // a width from the terminal or COLUMNS is raised to the narrowest picture, and kept to the widest drawing
    expect(widthOf((await rif(['timeline', ...USER, '--svg'], { env: { COLUMNS: '20' } })).stdout)).toBe(480);
    expect(widthOf((await rif(['stats', ...USER, '--svg'], { env: { COLUMNS: '5000' } })).stdout)).toBe(10000);
  });
});

describe.skipIf(!RSVG)('the timeline SVG rendered by rsvg-convert (skipped when rsvg-convert is not installed)', () => {
  it.each([
    ['timeline', '--in', '19th-century', '--kind', 'treaty'],
    ['stats', '--by', 'actor'],
  ])('at the narrowest width, nothing is drawn in the right margin: the legend and title are not cut (%s)', async (...argv) => {
    const svg = (await rif([...argv, '--svg', '--width', '48'])).stdout;
    const dir = tempDir('rif-svg-');
    writeFileSync(join(dir, 'picture.svg'), svg);
    expect(spawnSync('rsvg-convert', ['picture.svg', '-o', 'picture.png'], { cwd: dir }).status).toBe(0);
    const png = readPng(readFileSync(join(dir, 'picture.png')));
    expect(png.width).toBe(480);
    let inked = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = png.width - 8; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        if (png.pixels[i]! < 240 || png.pixels[i + 1]! < 240 || png.pixels[i + 2]! < 240) inked++;
      }
    }
    expect(inked).toBe(0);
  });
});
