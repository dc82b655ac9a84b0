// Pictures that leave the terminal: `--format svg` and `--format mermaid` on rif timeline and rif stats.
// The SVG is rendered to PNG by a real renderer (rsvg-convert) and checked for its size and its ink; the
// Mermaid is drawn by the mermaid package in headless Chromium, offline, and a parse error fails. Each
// part skips, saying why, where its program is not installed (.ci/run installs them).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_FILL } from '../src/render/svg.js';
import { rif, ROOT, tempDir, tempFacts } from './helpers.js';
import { inkedPixels, inks, readPng } from './png.js';

const has = (program: string) => spawnSync(program, ['--version'], { timeout: 30_000 }).status === 0;
const RSVG = has('rsvg-convert');
const CHROMIUM = has('chromium');

const SOURCE = 'sources: [{ url: "https://example.org/s", publisher: Test Archive, title: A page }]';
const fact = (lines: string) => `${lines}\nsummary: "A fictional fact for the picture tests: ${/^id: (.+)$/m.exec(lines)![1]}."\n${SOURCE}\n`;
/** One fact of each kind, a span still going on, and titles with what SVG and Mermaid must escape. */
const DIR = tempFacts({
  'war.yaml': fact('id: pic-war\nkind: event\ntitle: "War <b>&amp; \\"peace\\"</b>: part 1; #2 %% end"\nstart: "1804-06"\nend: "1813-10-24"'),
  'raid.yaml': fact('id: pic-raid\nkind: event\ntitle: A raid at dawn\'s edge\ndate: "1806"'),
  'peace.yaml': fact(
    'id: pic-peace\nkind: treaty\ntitle: "Peace: the treaty"\nsigned: "1813-10-24"\nin_force: "1814-09-27"\nended: "1828-02-22"\nparties: [A, B]',
  ),
  'claim.yaml': fact('id: pic-claim\nkind: allegation\ntitle: Reported deliveries\nstart: "1820"\nstatus: disputed\nalleged_by: [A paper]'),
});
const USER = ['--facts', DIR, '--no-bundled'];

const attr = (svg: string, name: string) => Number(new RegExp(`<svg[^>]* ${name}="(\\d+)"`).exec(svg)?.[1]);

function toPng(svg: string): ReturnType<typeof readPng> {
  const dir = tempDir('rif-svg-');
  writeFileSync(join(dir, 'picture.svg'), svg);
  const run = spawnSync('rsvg-convert', ['picture.svg', '-o', 'picture.png'], { cwd: dir, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return readPng(readFileSync(join(dir, 'picture.png')));
}

describe('--format svg', () => {
  it('timeline: a self-contained SVG fitted to --width, every title escaped', async () => {
    const out = await rif(['timeline', ...USER, '--format', 'svg', '--width', '90']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="900" height="\d+" viewBox="0 0 900 \d+"/);
    expect(out.stdout).not.toMatch(/<(image|script|foreignObject)|href=|url\(/);
    expect(out.stdout).toContain('War &lt;b&gt;&amp;amp; &quot;peace&quot;&lt;/b&gt;: part 1; #2 %% end');
    expect(out.stdout).toContain('A raid at dawn&#39;s edge');
    for (const fill of Object.values(KIND_FILL)) expect(out.stdout).toContain(`fill="${fill}"`);
    expect((await rif(['timeline', ...USER, '--svg', '--width', '90'])).stdout).toBe(out.stdout);
    expect(attr((await rif(['timeline', ...USER, '--svg'], { env: { COLUMNS: '120' } })).stdout, 'width')).toBe(1200);
  });

  it('stats: one chart per count, or the one --by asks for', async () => {
    const all = await rif(['stats', ...USER, '--svg']);
    expect(all.stdout.match(/font-weight="bold">by /g)).toHaveLength(4);
    const by = await rif(['stats', ...USER, '--svg', '--by', 'century']);
    expect(by.stdout.match(/font-weight="bold">by /g)).toHaveLength(1);
    expect(by.stdout).toContain('>19th-century<');
  });

  it('stats: a picture of the whole record stays a picture: 25 actors without --top, centuries for the decades', async () => {
    const actors = await rif(['stats', '--svg', '--by', 'actor']);
    expect(attr(actors.stdout, 'height')).toBeLessThan(700);
    expect(actors.stdout.match(/<rect x="\d+" y="\d+" width="\d+" height="12"/g)).toHaveLength(25);
    expect(actors.stdout).toMatch(/>and \d+ more actors \(--top N shows more\)</);
    const ten = await rif(['stats', '--svg', '--by', 'actor', '--top', '10']);
    expect(ten.stdout.match(/<rect x="\d+" y="\d+" width="\d+" height="12"/g)).toHaveLength(10);
    expect(attr((await rif(['stats', '--svg'])).stdout, 'height')).toBeLessThan(1000);
    const mermaid = blocks((await rif(['stats', '--mermaid', '--by', 'actor'])).stdout);
    expect(mermaid).toHaveLength(1);
    expect(mermaid[0]).toMatch(/^xychart-beta horizontal\n {4}title "Facts by actor \(the 25 largest of \d+\)"\n/);
    expect(/bar \[([^\]]*)\]/.exec(mermaid[0]!)![1]!.split(', ')).toHaveLength(25);
  });

  it('the kinds differ in lightness, so that a picture printed in grey still tells them apart', () => {
    const lightness = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [event, treaty, allegation] = [KIND_FILL.event, KIND_FILL.treaty, KIND_FILL.allegation].map(lightness);
    expect(treaty! - event!).toBeGreaterThan(0.15);
    expect(allegation! - treaty!).toBeGreaterThan(0.15);
  });

  it.each([
    ['--format svg with --fields', ['timeline', '--svg', '--fields', 'id'], /--fields chooses the fields of records; --format svg draws the timeline/],
    ['a picture on a listing', ['list', '--format', 'svg'], /argument 'svg' is invalid/],
    ['two formats', ['stats', '--svg', '--mermaid'], /choose one output format, not --svg and --mermaid/],
  ])('%s is a usage error', async (_, argv, message) => {
    const out = await rif(argv);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  });
});

describe.skipIf(!RSVG)('the SVG rendered by rsvg-convert (skipped when rsvg-convert, Debian librsvg2-bin, is not installed)', () => {
  it('timeline: a picture of the size the SVG says, drawn in ink of every kind', async () => {
    const svg = (await rif(['timeline', ...USER, '--svg', '--width', '80'])).stdout;
    const png = toPng(svg);
    expect([png.width, png.height]).toEqual([attr(svg, 'width'), attr(svg, 'height')]);
    expect(png.width).toBe(800);
    expect(inkedPixels(png)).toBeGreaterThan(png.width * png.height * 0.02);
    expect(inks(png).size).toBeGreaterThan(5);
  });

  it('the whole bundled record, as a timeline and as charts', async () => {
    for (const argv of [
      ['timeline', '--svg'],
      ['stats', '--svg', '--width', '100'],
    ]) {
      const svg = (await rif(argv)).stdout;
      const png = toPng(svg);
      expect(png.height).toBe(attr(svg, 'height'));
      expect(inkedPixels(png)).toBeGreaterThan(png.width * png.height * 0.01);
    }
  });

  it('a blank picture would fail: the check counts ink, not bytes', () => {
    const blank = toPng('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#fff"/></svg>');
    expect(inkedPixels(blank)).toBe(0);
  });
});

/** Mermaid text drawn by the mermaid package in headless Chromium from node_modules: "ok" or the error. */
function drawMermaid(blocks: readonly string[]): string[] {
  const dir = tempDir('rif-mermaid-');
  const script = join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
  const texts = JSON.stringify(blocks).replace(/</g, '\\u003c');
  writeFileSync(
    join(dir, 'page.html'),
    `<!doctype html><meta charset="utf-8"><script src="file://${script}"></script><pre id="out">pending</pre>
<script>
(async () => {
  const results = [];
  mermaid.initialize({ startOnLoad: false });
  for (const [i, text] of ${texts}.entries()) {
    try {
      await mermaid.parse(text);
      const { svg } = await mermaid.render('d' + i, text);
      results.push(svg.includes('<svg') ? 'ok' : 'no svg');
    } catch (e) {
      results.push('error: ' + (e && e.message ? e.message : String(e)));
    }
  }
  document.getElementById('out').textContent = JSON.stringify(results);
})();
</script>`,
  );
  const run = spawnSync(
    'chromium',
    ['--headless', '--disable-gpu', '--no-sandbox', '--no-first-run', '--virtual-time-budget=30000', '--dump-dom', `file://${join(dir, 'page.html')}`],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const found = /<pre id="out">([^<]*)<\/pre>/.exec(run.stdout)?.[1];
  if (!found || found === 'pending') throw new Error(`Chromium drew nothing: ${run.stderr.slice(0, 500)}`);
  return JSON.parse(found.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as string[];
}

/** The Mermaid blocks of a Markdown text, without their fences. */
const blocks = (markdown: string): string[] => [...markdown.matchAll(/^```mermaid\n([^]*?)\n```$/gm)].map((m) => m[1]!);

describe('--format mermaid', () => {
  it('timeline: a gantt block, spans as bars, single dates as milestones, text Mermaid reads as text', async () => {
    const out = await rif(['timeline', ...USER, '--mermaid']);
    expect(out.stdout).toMatchInlineSnapshot(`
      "\`\`\`mermaid
      gantt
          title 4 facts by decade
          dateFormat YYYY-MM-DD
          axisFormat %Y
          section 1800s
          War ‹b›&amp, 'peace'‹/b› – part 1, no. 2 % end :1804-06-01, 1813-10-24
          A raid at dawn's edge :milestone, 1806-01-01, 0d
          section 1810s
          Peace – the treaty :active, 1814-09-27, 1828-02-22
          section 1820s
          Reported deliveries :crit, 1820-01-01, 2026-12-31
      \`\`\`
      "
    `);
  });

  it('stats: a bar chart block per count', async () => {
    const out = await rif(['stats', ...USER, '--mermaid', '--by', 'kind']);
    expect(out.stdout).toMatchInlineSnapshot(`
      "\`\`\`mermaid
      xychart-beta
          title "Facts by kind"
          x-axis ["event", "treaty", "allegation"]
          y-axis "facts" 0 --> 2
          bar [2, 1, 1]
      \`\`\`
      "
    `);
    // kinds, statuses and decades: these facts carry no topics, and an empty chart is left out
    expect(blocks((await rif(['stats', ...USER, '--format', 'mermaid'])).stdout)).toHaveLength(3);
  });
});

describe.skipIf(!CHROMIUM)('the Mermaid drawn by mermaid in headless Chromium, offline (skipped when chromium is not installed)', () => {
  it('the fictional facts and the whole bundled record, as a timeline and as charts, parse and draw', async () => {
    const texts = [
      ...blocks((await rif(['timeline', ...USER, '--mermaid'])).stdout),
      ...blocks((await rif(['timeline', '--mermaid'])).stdout),
      ...blocks((await rif(['stats', '--mermaid'])).stdout),
      ...blocks((await rif(['stats', '--mermaid', '--by', 'actor'])).stdout),
    ];
    expect(texts.length).toBe(1 + 1 + 4 + 1);
    expect(drawMermaid(texts)).toEqual(texts.map(() => 'ok'));
  }, 180_000);

  it('a parse error fails: the check is not a rubber stamp', () => {
    expect(drawMermaid(['xychart-beta\n    x-axis ["a", "b"\n    bar [1, 2'])).toEqual([expect.stringMatching(/^error: /)]);
  }, 120_000);
});
