// rif cite and rif search --cite: the sentences, every style (rif's own, the CSL styles by citeproc-js, the
// data formats), choosing sources, readable keys, and BibTeX, biblatex, RIS and CSL-JSON read back by the
// tools writers use.
import { describe, expect, it } from 'vitest';
import type { Fact, FactDate } from '../src/facts/types.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseBib, parseRIS } from 'biblatex-csl-converter';
import { renderCitation } from '../src/render/cite.js';
import { pageIdentity } from '../src/render/cite-keys.js';
import { datePhrase, humanDate } from '../src/render/cite-dates.js';
import { withArticle } from '../src/render/cite-names.js';
import { markdownText } from '../src/render/cite-text.js';
import { CITE_STYLES } from '../src/render/cite-styles.js';
import { rif, rifJson, ROOT, tempFacts } from './helpers.js';

/** A user directory holding one fact of each kind, with a page two facts share and text that needs escaping. */
const USER = tempFacts({
  'facts.yaml': String.raw`
- id: cite-event
  kind: event
  title: Border commission meets in Astara
  date: "1901-05-03"
  summary: A commission marks a river border.
  sources:
    - url: https://www.example.org/commission/
      publisher: Example Archive
      title: Minutes of the commission
      published: "1901-06"
      accessed: "2026-11-25"
    - url: https://example.org/photos
      publisher: Example Photo Library
- id: cite-treaty
  kind: treaty
  title: Fishing accord
  signed: "1927-10"
  in_force: "1928-01-31"
  ended: "1953"
  parties: [Soviet Union, Iran]
  summary: A fishing accord.
  sources:
    - url: http://example.org/commission
      publisher: The same page, written another way
    - url: https://example.org/ru/договор
      publisher: "Архив & Co. {1927} 100% #1 _x_ ^y~ \\z $5"
      title: "Договор о рыболовстве — قرارداد شیلات"
      title_en: Fisheries agreement
      published: "1927-10-01"
- id: cite-allegation
  kind: allegation
  title: Reported *secret* fishing quotas
  start: "2022-11"
  status: disputed
  alleged_by: [Newspaper A, "Official B (Ministry of Fish)", Agency C]
  denied_by: [Ministry D]
  confirmed_by: [Source E]
  summary: Newspaper A reported quotas that Ministry D denied.
  sources:
    - url: https://example.org/photos
      publisher: Example Photo Library
    - url: https://example.org/report
      publisher: Daily Report
      title: "Quotas [leaked] <draft>"
      published: "2022-11-30"
      accessed: "2026-11-25"
    - url: https://example.org/agency/quotas
      publisher: News Agency
      title: "[Agency report: the ministry denies the quotas]"
      published: "2022-12-01"
      accessed: "2026-11-25"
- id: cite-approximate
  kind: event
  title: First recorded embassy
  date: "1521"
  approximate: true
  summary: An embassy.
  sources:
    - url: https://example.org/embassy
      publisher: Example Archive
`,
});

const user = (argv: string[]) => rif([...argv, '--facts', USER, '--no-bundled']);
const THREE = ['cite-event', 'cite-treaty', 'cite-allegation'];

describe('rif cite on a user directory, in every style', () => {
  it('markdown (the default): a sentence per fact, one footnote [^id] each, citing its first two sources', async () => {
    const out = await user(['cite', ...THREE]);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatchInlineSnapshot(`
      "
      Border commission meets in Astara, 3 May 1901.[^cite-event]

      Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953.[^cite-treaty]

      Allegation, since November 2022: “Reported \\*secret\\* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed.[^cite-allegation]

      [^cite-event]: Example Archive, “Minutes of the commission”, June 1901, accessed 25 November 2026, <https://www.example.org/commission/>; Example Photo Library, <https://example.org/photos>.
      [^cite-treaty]: Example Archive, “Minutes of the commission”, June 1901, accessed 25 November 2026, <https://www.example.org/commission/>; Архив & Co. {1927} 100% \\#1 \\_x\\_ \\^y\\~ \\\\z \\$5, “Договор о рыболовстве — قرارداد شیلات” \\[Fisheries agreement\\], 1 October 1927, <https://example.org/ru/договор>.
      [^cite-allegation]: Example Photo Library, <https://example.org/photos>; Daily Report, “Quotas \\[leaked\\] \\<draft\\>”, 30 November 2022, accessed 25 November 2026, <https://example.org/report>.

      "
    `);
  });

  it('plain: numbered references, a shared page once', async () => {
    expect((await user(['cite', ...THREE, '--style', 'plain'])).stdout).toMatchInlineSnapshot(`
      "Border commission meets in Astara, 3 May 1901. [1, 2]

      Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953. [1, 3]

      Allegation, since November 2022: “Reported *secret* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed. [2, 4]

      [1] Example Archive, “Minutes of the commission”, June 1901, accessed 25 November 2026, https://www.example.org/commission/
      [2] Example Photo Library, https://example.org/photos
      [3] Архив & Co. {1927} 100% #1 _x_ ^y~ \\z $5, “Договор о рыболовстве — قرارداد شیلات” [Fisheries agreement], 1 October 1927, https://example.org/ru/договор
      [4] Daily Report, “Quotas [leaked] <draft>”, 30 November 2022, accessed 25 November 2026, https://example.org/report
      "
    `);
  });

  it.each(['chicago-note', 'chicago', 'apa', 'mla'])('%s, by citeproc-js, in Markdown', async (style) => {
    const out = await user(['cite', ...THREE, '--style', style, '--sources', 'all']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatchSnapshot();
  });

  it('chicago-note --plain: numbered notes, then the bibliography, without Markdown', async () => {
    expect((await user(['cite', 'cite-allegation', '--style', 'chicago-note', '--plain', '--sources', '2,3'])).stdout).toMatchInlineSnapshot(`
      "Allegation, since November 2022: “Reported *secret* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed.[1]

      [1] “Quotas [Leaked] <draft>,” Daily Report, November 30, 2022, https://example.org/report; [Agency report: the ministry denies the quotas], News Agency, December 1, 2022, https://example.org/agency/quotas.

      Bibliography

      Daily Report. “Quotas [Leaked] <draft>,” November 30, 2022. https://example.org/report.

      News Agency. [Agency report: the ministry denies the quotas], December 1, 2022. https://example.org/agency/quotas.
      "
    `);
  });

  it('bibtex: an @misc per fact and per source', async () => {
    expect((await user(['cite', 'cite-treaty', '--style', 'bibtex'])).stdout).toMatchInlineSnapshot(`
      "@misc{cite-treaty,
        title = {{Fishing accord}},
        howpublished = {rif 0.1.0, Russia–Iran facts},
        year = {2026},
        month = apr,
        annote = {Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953. Sources: example-minutes-1901, example-fisheries-1927.},
      }

      @misc{example-minutes-1901,
        howpublished = {The same page, written another way},
        url = {http://example.org/commission},
        annote = {rif cite-treaty: Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953.},
      }

      @misc{example-fisheries-1927,
        title = {{Договор о рыболовстве — قرارداد شیلات [Fisheries agreement]}},
        howpublished = {Архив \\& Co. \\textbraceleft{}1927\\textbraceright{} 100\\% \\#1 \\_x\\_ \\textasciicircum{}y\\textasciitilde{} \\textbackslash{}z \\$5},
        year = {1927},
        month = oct,
        url = {https://example.org/ru/договор},
        annote = {rif cite-treaty: Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953.},
      }
      "
    `);
  });

  it('biblatex: @online with url, urldate and date', async () => {
    expect((await user(['cite', 'cite-allegation', '--style', 'biblatex', '--sources', '2,3'])).stdout).toMatchInlineSnapshot(`
      "@misc{cite-allegation,
        title = {{Reported *secret* fishing quotas}},
        organization = {rif},
        version = {0.1.0},
        howpublished = {rif 0.1.0, Russia–Iran facts},
        date = {2026-11-25},
        annotation = {Allegation, since November 2022: “Reported *secret* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed. Sources: example-quotas-2022, example-agency-2022.},
      }

      @online{example-quotas-2022,
        title = {{Quotas [leaked] <draft>}},
        organization = {{Daily Report}},
        date = {2022-11-30},
        url = {https://example.org/report},
        urldate = {2026-11-25},
        annotation = {rif cite-allegation: Allegation, since November 2022: “Reported *secret* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed.},
      }

      @online{example-agency-2022,
        title = {{[Agency report: the ministry denies the quotas]}},
        organization = {{News Agency}},
        date = {2022-12-01},
        url = {https://example.org/agency/quotas},
        urldate = {2026-11-25},
        annotation = {rif cite-allegation: Allegation, since November 2022: “Reported *secret* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed.},
      }
      "
    `);
  });

  it('ris: a record per fact and per source', async () => {
    const { stdout } = await user(['cite', 'cite-treaty', '--style', 'ris']);
    // as the RIS specification writes it: every line ends in CRLF, and ER has its trailing space
    expect(
      stdout
        .split('\r\n')
        .slice(0, -1)
        .every((l) => !l.includes('\n')),
    ).toBe(true);
    expect(stdout.endsWith('\r\nER  - \r\n')).toBe(true);
    expect(stdout.replace(/\r\n/g, '\n').replace(/ $/gm, '')).toMatchInlineSnapshot(`
      "TY  - ENCYC
      ID  - cite-treaty
      TI  - Fishing accord
      T2  - Russia–Iran facts
      PB  - rif
      ET  - 0.1.0
      PY  - 2026
      DA  - 2026/04/15/
      N1  - Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953. Sources: example-minutes-1901, example-fisheries-1927.
      ER  -

      TY  - ELEC
      ID  - example-minutes-1901
      T2  - The same page, written another way
      UR  - http://example.org/commission
      N1  - rif cite-treaty: Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953.
      ER  -

      TY  - ELEC
      ID  - example-fisheries-1927
      TI  - Договор о рыболовстве — قرارداد شیلات [Fisheries agreement]
      T2  - Архив & Co. {1927} 100% #1 _x_ ^y~ \\z $5
      PY  - 1927
      DA  - 1927/10/01/
      UR  - https://example.org/ru/договор
      N1  - rif cite-treaty: Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953.
      ER  -
      "
    `);
  });

  it('csl-json: an item per fact and per source, with issued and accessed dates', async () => {
    expect((await user(['cite', 'cite-event', 'cite-treaty', '--style', 'csl-json'])).stdout).toMatchInlineSnapshot(`
      "[
        {
          "id": "cite-event",
          "type": "entry-encyclopedia",
          "title": "Border commission meets in Astara",
          "container-title": "Russia–Iran facts",
          "publisher": "rif",
          "version": "0.1.0",
          "issued": {
            "date-parts": [
              [
                2026,
                11,
                25
              ]
            ]
          },
          "note": "Border commission meets in Astara, 3 May 1901. Sources: example-minutes-1901, example-photos."
        },
        {
          "id": "cite-treaty",
          "type": "entry-encyclopedia",
          "title": "Fishing accord",
          "container-title": "Russia–Iran facts",
          "publisher": "rif",
          "version": "0.1.0",
          "issued": {
            "date-parts": [
              [
                2026,
                4,
                15
              ]
            ]
          },
          "note": "Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953. Sources: example-minutes-1901, example-fisheries-1927."
        },
        {
          "id": "example-minutes-1901",
          "type": "webpage",
          "title": "Minutes of the commission",
          "container-title": "Example Archive",
          "issued": {
            "date-parts": [
              [
                1901,
                6
              ]
            ]
          },
          "accessed": {
            "date-parts": [
              [
                2026,
                11,
                25
              ]
            ]
          },
          "URL": "https://www.example.org/commission/",
          "note": "rif cite-event: Border commission meets in Astara, 3 May 1901. rif cite-treaty: Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953."
        },
        {
          "id": "example-photos",
          "type": "webpage",
          "title": "<span class=\\"nocase\\">[Page at example.org]</span>",
          "container-title": "Example Photo Library",
          "URL": "https://example.org/photos",
          "note": "rif cite-event: Border commission meets in Astara, 3 May 1901."
        },
        {
          "id": "example-fisheries-1927",
          "type": "webpage",
          "title": "Договор о рыболовстве — قرارداد شیلات [Fisheries agreement]",
          "container-title": "Архив & Co. {1927} 100% #1 _x_ ^y~ \\\\z $5",
          "language": "ru",
          "issued": {
            "date-parts": [
              [
                1927,
                10,
                1
              ]
            ]
          },
          "URL": "https://example.org/ru/договор",
          "note": "rif cite-treaty: Fishing accord between the Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953."
        }
      ]
      "
    `);
  });

  it('an approximate year', async () => {
    expect((await user(['cite', 'cite-approximate', '--style', 'plain'])).stdout).toMatchInlineSnapshot(`
      "First recorded embassy, c. 1521. [1]

      [1] Example Archive, https://example.org/embassy
      "
    `);
  });

  it('--csl renders with a style file, and a file that is no CSL style is a usage error', async () => {
    const dir = tempFacts({ 'bad.csl': '<html></html>' });
    const style = join(dir, 'numeric.csl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      style,
      `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Numbers</title><id>numbers</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout></citation>
  <bibliography><layout><text variable="citation-number" suffix=". "/><text variable="title" suffix=". "/><text variable="URL"/></layout></bibliography>
</style>`,
    );
    const out = await user(['cite', 'cite-event', '--csl', style, '--plain']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatchInlineSnapshot(`
      "Border commission meets in Astara, 3 May 1901 [1, 2].

      References

      1. Minutes of the commission. https://www.example.org/commission/

      2. [Page at example.org]. https://example.org/photos
      "
    `);
    const bad = await user(['cite', 'cite-event', '--csl', join(dir, 'bad.csl')]);
    expect([bad.code, bad.stderr]).toEqual([2, `rif: ${join(dir, 'bad.csl')} is not a CSL style rif can use: its root element is <html>, not <style>\n`]);
    const missing = await user(['cite', 'cite-event', '--csl', join(dir, 'none.csl')]);
    expect([missing.code, missing.stderr]).toEqual([2, `rif: cannot read the CSL style ${join(dir, 'none.csl')}: ENOENT\n`]);
  });
});

describe('a --csl file rif cannot use: exit 2, one line, nothing printed', () => {
  const CSL = 'xmlns="http://purl.org/net/xbiblio/csl"';
  const GOOD = `<?xml version="1.0" encoding="utf-8"?>
<style ${CSL} class="in-text" version="1.0">
  <info><title>Titles</title><id>titles</id><link href="http://example.org/self" rel="self"/></info>
  <macro name="t"><text variable="title"/></macro>
  <citation><layout prefix="(" suffix=")" delimiter="; "><text macro="t"/></layout></citation>
  <bibliography><layout><text macro="t" suffix=". "/><text variable="URL"/></layout></bibliography>
</style>
`;
  const style = (body: string) => `<style ${CSL} class="in-text" version="1.0"><info><title>x</title></info>${body}</style>`;

  it('an independent style renders', async () => {
    const dir = tempFacts({ 'good.csl': GOOD });
    const out = await rif(['cite', 'treaty-of-gulistan', '--csl', join(dir, 'good.csl'), '--plain']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatch(/^Treaty of Gulistan .* \(Treaty of Gulistan; Golestan Treaty\)\.\n/);
  });

  it.each([
    [
      'a dependent style',
      GOOD.replace('rel="self"', 'rel="independent-parent"'),
      /it is a dependent style, which only names the style it follows \(http:\/\/example\.org\/self\): give that style's file$/,
    ],
    [
      'a file cut short inside a tag',
      GOOD.slice(0, GOOD.indexOf('<bibliography>') + 8),
      /it is not well-formed XML \(a tag is not closed; is the file cut short\?\)$/,
    ],
    ['a file cut short after a tag', GOOD.slice(0, GOOD.indexOf('<bibliography>') + 14), /it ends before <\/bibliography> \(is the file cut short\?\)$/],
    ['tags that do not nest', style('<citation><layout></citation></layout>'), /<\/citation> closes no <citation>/],
    ['no <citation>', style('<bibliography><layout><text variable="title"/></layout></bibliography>'), /its <style> has no <citation>$/],
    ['another namespace', GOOD.replace(CSL, 'xmlns="http://example.org/"'), /its <style> is not in the CSL namespace/],
    ['an element citeproc-js does not know', style('<citation><layout><bogus/></layout></citation>'), /citeproc-js says Undefined node name "bogus"\.$/],
    [
      'a style that prints nothing',
      style('<citation><layout><text macro="nowhere"/></layout></citation>'),
      /citeproc-js prints \[CSL STYLE ERROR: reference with no printed form\.\] for these sources$/,
    ],
    ['binary', '\u0000\u0001', /it is not text$/],
  ])('%s', async (_, text, message) => {
    const dir = tempFacts({ 'style.csl': text });
    const out = await rif(['cite', 'treaty-of-gulistan', '--csl', join(dir, 'style.csl')]);
    expect([out.code, out.stdout]).toEqual([2, '']);
    expect(out.stderr).toMatch(new RegExp(`^rif: ${join(dir, 'style.csl').replace(/[/.]/g, '\\$&')} is not a CSL style rif can use: `));
    expect(out.stderr.split('\n')).toHaveLength(2);
    expect(out.stderr.trimEnd()).toMatch(message);
  });

  it.skipIf(!existsSync('/dev/zero'))('a device, a folder or a file larger than any style is not read', async () => {
    const dir = tempFacts({ 'huge.csl': GOOD.replace('</style>', `<!--${'x'.repeat(1024 * 1024)}--></style>`) });
    for (const [path, message] of [
      ['/dev/zero', 'rif: /dev/zero is not a regular file; --csl reads a CSL style file\n'],
      [dir, `rif: ${dir} is not a regular file; --csl reads a CSL style file\n`],
      [join(dir, 'huge.csl'), `rif: ${join(dir, 'huge.csl')} is over 1M, larger than any CSL style; --csl reads a CSL style file\n`],
    ]) {
      const out = await rif(['cite', 'treaty-of-gulistan', '--csl', path!]);
      expect([out.code, out.stderr, out.stdout]).toEqual([2, message, '']);
    }
  });

  it('the built bin, --csl /dev/zero: exit 2, no crash', () => {
    const out = spawnSync('node', [join(ROOT, 'bin', 'rif.js'), 'cite', 'treaty-of-gulistan', '--csl', '/dev/zero'], { encoding: 'utf8', timeout: 20000 });
    expect([out.status, out.stderr]).toEqual([2, 'rif: /dev/zero is not a regular file; --csl reads a CSL style file\n']);
  });
});

describe('the parts of a citation: --no-bibliography, --bibliography-only', () => {
  it.each(['chicago-note', 'chicago', 'apa', 'mla'])('%s: the text and notes, and the bibliography under a heading, add up to the whole', async (style) => {
    const ids = ['treaty-of-gulistan', 'treaty-of-turkmenchay'];
    const [whole, notes, bibliography] = await Promise.all([
      rif(['cite', ...ids, '--style', style]),
      rif(['cite', ...ids, '--style', style, '--no-bibliography']),
      rif(['cite', ...ids, '--style', style, '--bibliography-only']),
    ]);
    const heading = { 'chicago-note': 'Bibliography', chicago: 'References', apa: 'References', mla: 'Works Cited' }[style]!;
    expect(bibliography.stdout).toMatch(new RegExp(`^\\n# ${heading}\\n\\n\\S`));
    expect(notes.stdout).not.toContain(`# ${heading}`);
    expect(notes.stdout).toMatch(/^\nTreaty of Gulistan /);
    expect(`${notes.stdout.trimEnd()}\n${bibliography.stdout}`).toBe(whole.stdout);
    const plain = await rif(['cite', ...ids, '--style', style, '--bibliography-only', '--plain']);
    expect(plain.stdout).toMatch(new RegExp(`^${heading}\\n\\n\\S`));
  });

  it.each([
    [
      ['--style', 'markdown', '--no-bibliography'],
      /^rif: --no-bibliography goes with a style that has a bibliography \(chicago-note, chicago, apa, mla or --csl\), not markdown\n$/,
    ],
    [['--style', 'bibtex', '--bibliography-only'], /^rif: --bibliography-only goes with a style that has a bibliography .*, not bibtex\n$/],
    [['--style', 'apa', '--no-bibliography', '--bibliography-only'], /^rif: choose --no-bibliography or --bibliography-only, not both\n$/],
  ])('%j is a usage error', async (flags, message) => {
    const out = await rif(['cite', 'treaty-of-gulistan', ...flags]);
    expect([out.code, out.stdout]).toEqual([2, '']);
    expect(out.stderr).toMatch(message);
  });
});

describe('choosing the sources', () => {
  const footnote = async (argv: string[]) => (await user(['cite', 'cite-allegation', '--style', 'plain', ...argv])).stdout.split('\n\n')[1]!;

  it('the first two by default; --max-sources, --sources (in the order given) and --sources all', async () => {
    expect(await footnote([])).toMatch(/^\[1\] Example Photo Library.*\n\[2\] Daily Report.*\n$/);
    expect(await footnote(['--max-sources', '1'])).toMatch(/^\[1\] Example Photo Library[^\n]*\n$/);
    expect(await footnote(['--sources', '3,1'])).toMatch(/^\[1\] News Agency.*\n\[2\] Example Photo Library.*\n$/);
    expect((await footnote(['--sources', 'all'])).split('\n').filter(Boolean)).toHaveLength(3);
  });

  it.each([
    [['--sources', '4'], 'rif: cite-allegation has 3 sources: --sources 4 names none\n'],
    [['--sources', '1', '--max-sources', '2'], 'rif: choose --sources or --max-sources, not both\n'],
    [['--sources', '0'], /"0" is not a list of source numbers \(1,3\) or all/],
    [['--max-sources', '0'], /"0" is not a whole number of 1 or more/],
  ])('%j is a usage error', async (argv, message) => {
    const out = await user(['cite', 'cite-allegation', ...argv]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  });

  it('--accessed fills in the access date of the sources that have none, and only those', async () => {
    const out = await user(['cite', 'cite-event', 'cite-treaty', '--style', 'csl-json', '--accessed', '2026-12-01']);
    const items = JSON.parse(out.stdout) as { id: string; type: string; accessed?: { 'date-parts': number[][] } }[];
    const pages = items.filter((i) => i.type === 'webpage');
    expect(pages.map((i) => i.accessed!['date-parts'])).toEqual([[[2026, 11, 25]], [[2026, 12, 1]], [[2026, 12, 1]]]);
    const without = JSON.parse((await user(['cite', 'cite-event', 'cite-treaty', '--style', 'csl-json'])).stdout) as typeof items;
    expect(without.filter((i) => i.accessed).map((i) => i.id)).toEqual([pages[0]!.id]);
    const today = await rif(['cite', 'cite-treaty', '--style', 'plain', '--accessed', 'today', '--facts', USER, '--no-bundled'], { today: '2026-12-07' });
    expect(today.stdout).toContain('accessed 7 December 2026, https://example.org/ru/');
  });
});

describe('keys a writer can type', () => {
  it('publisher, a title word and the year published; a fact is keyed by its id', async () => {
    const items = JSON.parse((await user(['cite', ...THREE, '--style', 'csl-json', '--sources', 'all'])).stdout) as { id: string }[];
    expect(items.map((i) => i.id)).toEqual([
      'cite-event',
      'cite-treaty',
      'cite-allegation',
      'example-minutes-1901',
      'example-photos',
      'example-fisheries-1927',
      'example-quotas-2022',
      'example-agency-2022',
    ]);
  });

  it('unique across the whole bundled record, readable, and never a fact id', async () => {
    const facts = await rifJson<{ id: string }[]>(['list']);
    const items = JSON.parse((await rif(['cite', ...facts.map((f) => f.id), '--style', 'csl-json', '--sources', 'all'])).stdout) as {
      id: string;
      type: string;
    }[];
    const keys = items.filter((i) => i.type === 'webpage').map((i) => i.id);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(k) && k.length <= 60)).toBe(true);
    const ids = new Set(facts.map((f) => f.id));
    expect(keys.filter((k) => ids.has(k))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['wikipedia-gulistan', 'iranica-golestan', 'wikipedia-gulistan-b', 'tass-received']));
  });

  it('every key of the bundled record has a word of the title or a year after the publisher; letters only for pages titled alike', async () => {
    const facts = await rifJson<{ id: string }[]>(['list']);
    const items = JSON.parse((await rif(['cite', ...facts.map((f) => f.id), '--style', 'csl-json', '--sources', 'all'])).stdout) as {
      id: string;
      type: string;
      title: string;
    }[];
    const pages = items.filter((i) => i.type === 'webpage');
    expect(pages.filter((p) => !p.id.includes('-')).map((p) => p.id)).toEqual([]);
    // a letter tells apart only pages whose titles give no word to do it
    const lettered = pages.filter((p) => /(-[b-z]{1,2}|\d[b-z]{1,2})$/.test(p.id));
    expect(lettered.length).toBeLessThan(pages.length / 40);
    expect(pages.map((p) => p.id)).toEqual(
      expect.arrayContaining(['archive-history', 'archive-nadir', 'wikipedia-united-1737', 'wikipedia-united-2231', 'state-telegram-93']),
    );
  });

  it("a fact of the user's never changes a bundled key, not even with an id or a page that would take it", async () => {
    const bundledKeys = async (env: Record<string, string>) =>
      (
        JSON.parse((await rif(['cite', 'treaty-of-gulistan', 'treaty-of-turkmenchay', '--style', 'csl-json', '--sources', 'all'], { env })).stdout) as {
          id: string;
        }[]
      ).map((i) => i.id);
    const before = await bundledKeys({});
    const dir = tempFacts({
      'mine.yaml': `- id: wikipedia-gulistan
  kind: event
  title: My own note on Gulistan
  date: 1813
  summary: A fact of a user's whose id is a bundled source's key.
  topics: [diplomacy]
  sources:
    - url: https://en.wikipedia.org/wiki/Gulistan_(my_copy)
      publisher: Wikipedia
      title: Treaty of Gulistan
`,
    });
    const env = { RIF_FACTS: dir };
    expect(await bundledKeys(env)).toEqual(before);
    expect(before).toContain('wikipedia-gulistan');
    const mine = JSON.parse((await rif(['cite', 'wikipedia-gulistan', '--style', 'csl-json'], { env })).stdout) as { id: string; type: string }[];
    const own = mine.find((i) => i.type === 'webpage')!.id;
    expect(own).toMatch(/^wikipedia-gulistan-/);
    expect(before).not.toContain(own);
  });

  it('a source keeps its key whatever else is cited, on every run', async () => {
    const keys = async (argv: string[]) => [...(await rif(['cite', ...argv, '--style', 'bibtex'])).stdout.matchAll(/^@misc\{([^,]+),$/gm)].map((m) => m[1]!);
    const alone = await keys(['rothstein-letter-1921']);
    const together = await keys(['soviet-iranian-treaty-of-friendship-1921', 'rothstein-letter-1921']);
    expect(together).toEqual(expect.arrayContaining(alone));
    expect(await keys(['rothstein-letter-1921'])).toEqual(alone);
  });
});
describe('the sentence', () => {
  const date = (start: string, end: string | null, approximate = false): FactDate => ({ start, end, precision: 'day', approximate, note: null });

  it.each([
    ['1828', '1828'],
    ['1828-02', 'February 1828'],
    ['1828-02-22', '22 February 1828'],
    ['1813-10-04', '4 October 1813'],
  ])('%s reads %s', (iso, words) => expect(humanDate(iso)).toBe(words));

  it.each([
    ['a single day', date('1828-02-22', '1828-02-22'), '22 February 1828'],
    ['a span, each end at its own precision', date('1804-06', '1813-10-24'), 'June 1804 – 24 October 1813'],
    ['a span not ended', date('2022', null), 'since 2022'],
    ['an approximate year', date('1521', '1521', true), 'c. 1521'],
    ['an approximate span of years, closed up', date('1466', '1474', true), 'c. 1466–1474'],
    ['days of one month', date('1974-11-18', '1974-11-19'), '18–19 November 1974'],
    ['days of one year', date('1965-06-21', '1965-07-03'), '21 June – 3 July 1965'],
    ['months of one year', date('1796-04', '1796-12'), 'April–December 1796'],
    ['ends of different precision in one year', date('1977-12-15', '1977-12'), '15 December 1977 – December 1977'],
    ['across a new year', date('2025-12-27', '2026-01'), '27 December 2025 – January 2026'],
    ['an approximate span not ended', date('2022-11', null, true), 'since c. November 2022'],
  ])('%s: %s', (_, value, words) => expect(datePhrase(value)).toBe(words));

  const plain = async (id: string) => (await rif(['cite', id, '--style', 'plain'])).stdout.split(' [')[0];

  it.each([
    ['Russian Federation', 'the Russian Federation'],
    ['Islamic Republic of Iran (Atomic Energy Organization of Iran)', 'the Islamic Republic of Iran (Atomic Energy Organization of Iran)'],
    ['Qajar Iran', 'Qajar Iran'],
    ['Soviet Russia (RSFSR)', 'Soviet Russia (RSFSR)'],
    ['United States', 'the United States'],
    ['Kremlin', 'the Kremlin'],
    ['CIA', 'the CIA'],
    ['TASS', 'TASS'],
    ['The Washington Post', 'The Washington Post'],
    ['Federal Service for Military-Technical Cooperation of Russia', 'the Federal Service for Military-Technical Cooperation of Russia'],
    ["Iran's mission to the United Nations", "Iran's mission to the United Nations"],
    [
      'European, American and Iranian officials, speaking anonymously to The New York Times',
      'European, American and Iranian officials, speaking anonymously to The New York Times',
    ],
    ['an EU anti-piracy official', 'an EU anti-piracy official'],
    ['Unnamed US officials', 'unnamed US officials'],
    ['Vladimir Putin', 'Vladimir Putin'],
    ['Imperial State of Iran', 'the Imperial State of Iran'],
    ['Russian Railways (RZD)', 'Russian Railways (RZD)'],
    ['Taliban', 'the Taliban'],
    ['Later writers blaming British agents', 'later writers blaming British agents'],
    ['A senior European Union official visiting Washington (quoted by AFP)', 'a senior European Union official visiting Washington (quoted by AFP)'],
    ['Unnamed source in a Russian special service, quoted by Interfax', 'an unnamed source in a Russian special service, quoted by Interfax'],
    ['Two unnamed Western security officials', 'two unnamed Western security officials'],
    ['Tasnim News Agency defence reporter', 'a Tasnim News Agency defence reporter'],
    ['Open-source analysts (Status-6, Defense Express)', 'open-source analysts (Status-6, Defense Express)'],
    ['Unnamed senior Iranian official (via Tasnim)', 'an unnamed senior Iranian official (via Tasnim)'],
    ['European Union official', 'a European Union official'],
  ])('%s reads "%s"', (name, written) => expect(withArticle(name)).toBe(written));

  it.each([
    [
      'qavam-sadchikov-agreement-1946',
      'Qavam-Sadchikov agreement on Soviet withdrawal and a joint oil company between the Soviet Union and the Imperial State of Iran, signed 4 April 1946, ended 22 October 1947.',
    ],
    [
      'garmsar-inche-burun-electrification-2015',
      "Russian Railways contract to electrify Iran's Garmsar-Inche Burun railway (2015) between Russian Railways (RZD) and the Islamic Republic of Iran Railways (RAI), signed November 2015, ended 2 April 2020.",
    ],
    ['gazprom-nioc-agreements-2008', "Gazprom's 2008 agreements with Iran on South Pars blocks and oil projects, signed 19 February 2008."],
    ['treaty-of-resht-1732', 'Treaty of Resht (Rasht), 1732, between the Russian Empire and Safavid Iran, signed 1 February 1732, ended 21 March 1735.'],
    [
      'establishment-commerce-navigation-convention-1931',
      'Soviet-Persian Convention of Establishment, Commerce and Navigation (1931) between the Soviet Union and Persia, signed 27 October 1931, in force from 22 June 1932.',
    ],
    ['shah-visit-to-moscow-1974', "The Shah's 1974 visit to Moscow, 18–19 November 1974."],
    ['shah-visit-to-ussr-1965', "The Shah's 1965 visit to the Soviet Union, 21 June – 3 July 1965."],
    ['afanasy-nikitin-journey-through-persia', "Afanasy Nikitin's journey through Persia (1466-1474), c. 1466–1474."],
    [
      'putin-tehran-assassination-plot-report-2007',
      'Allegation, 14 October 2007: “Reported plot to assassinate Putin during his 2007 visit to Tehran”, alleged by an unnamed source in a Russian special service, quoted by Interfax; denied by Mohammad Ali Hosseini (Iranian Foreign Ministry spokesman); status: denied.',
    ],
    [
      'mi-28-delivery-reports-2026',
      'Allegation, since January 2026: “Reported delivery of Russian Mi-28NE attack helicopters to Iran”, alleged by a Tasnim News Agency defence reporter and open-source analysts (Status-6, Defense Express); status: alleged.',
    ],
    [
      'axios-putin-zero-enrichment-2025',
      "Allegation, 12 July 2025: “Axios report that Putin urged Iran to accept a 'zero enrichment' deal”, alleged by Axios (unnamed European and Israeli officials); denied by the Ministry of Foreign Affairs of the Russian Federation and an unnamed senior Iranian official (via Tasnim); status: denied.",
    ],
  ])('hand-checked: %s', async (id, sentence) => expect(await plain(id)).toBe(sentence));

  it('hand-checked, one of each kind: a treaty with its parties and articles, one whose title names them, an event, an allegation', async () => {
    expect(await plain('treaty-of-gulistan')).toMatchInlineSnapshot(
      `"Treaty of Gulistan between the Russian Empire and Qajar Iran, signed 24 October 1813, in force from 27 September 1814, ended 22 February 1828."`,
    );
    expect(await plain('comprehensive-strategic-partnership-treaty-2025')).toMatchInlineSnapshot(
      `"Treaty on Comprehensive Strategic Partnership between Russia and Iran, signed 17 January 2025, in force from 2 October 2025, still in force."`,
    );
    expect(await plain('eaeu-iran-free-trade-agreement-2023')).toMatchInlineSnapshot(
      `"Free trade agreement between the Eurasian Economic Union and Iran, signed 25 December 2023, in force from 15 May 2025, still in force."`,
    );
    expect(await plain('russo-persian-war-1804-1813')).toMatchInlineSnapshot(`"Russo-Persian War of 1804-1813, June 1804 – 24 October 1813."`);
    expect(await plain('iranian-drones-to-russia')).toMatchInlineSnapshot(
      `"Allegation, since 11 July 2022: “Reported Iranian drone supplies to Russia for the war in Ukraine”, alleged by Jake Sullivan (US National Security Adviser), John Kirby (US National Security Council), Volodymyr Zelensky (Ukraine) and Robert Malley (US special envoy for Iran); denied by Nasser Kanaani (Iran), the Kremlin and the Ministry of Foreign Affairs of the Russian Federation; confirmed by Hossein Amir-Abdollahian (Iranian foreign minister, 5 November 2022; partial admission only: a limited number of drones sent months before the invasion of 24 February 2022, none for the war); status: disputed."`,
    );
  });

  it('every bundled fact reads well: one "between", parties in their order with their articles, no doubled words or stops', async () => {
    const facts = await rifJson<{ id: string; kind: string; title: string; parties: string[] | null }[]>(['list']);
    const out = await rif(['cite', ...facts.map((f) => f.id), '--style', 'plain']);
    const sentences = out.stdout
      .split('\n\n')
      .slice(0, -1)
      .map((p) => p.replace(/ \[[\d, ]+\]$/, ''));
    expect(sentences).toHaveLength(facts.length);
    facts.forEach((fact, i) => {
      const sentence = sentences[i]!;
      expect(sentence.startsWith(fact.kind === 'allegation' ? 'Allegation, ' : fact.title.replace(/\s+/g, ' ').trim())).toBe(true);
      expect(sentence).toMatch(/\.$/);
      expect(sentence).not.toMatch(/\.\.$|,,| {2}| ,|\bthe the\b/i);
      expect(sentence.match(/\bbetween\b/gi)?.length ?? 0).toBeLessThanOrEqual(1);
      // a title that says "between" or "with" names the parties itself
      if (fact.kind === 'treaty' && fact.parties!.length > 1 && !/\b(?:between|with)\b/i.test(fact.title)) {
        const after = sentence.slice(sentence.indexOf(' between '));
        const positions = fact.parties!.map((p) => after.indexOf(` ${withArticle(p)}`));
        expect(positions.every((at) => at > 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }
    });
  });

  it("every name reads as the record's own prose writes it mid-sentence: its article, and a description's first word in lower case", async () => {
    type Listed = { kind: string; title: string; summary: string; note: string | null; parties: string[] | null; alleged_by: string[] | null };
    const facts = await rifJson<(Listed & { id: string; denied_by: string[] | null; confirmed_by: string[] | null })[]>(['list']);
    const prose = facts.map((f) => `${f.summary} ${f.note ?? ''}`.replace(/\s+/g, ' ')).join(' ');
    const count = (pattern: string) => (prose.match(new RegExp(pattern, 'g')) ?? []).length;
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const out = await rif(['cite', ...facts.map((f) => f.id), '--style', 'plain']);
    const sentences = out.stdout.split('\n\n').slice(0, -1);
    const wrong: string[] = [];
    facts.forEach((fact, i) => {
      const parties = /\b(?:between|with)\b/i.test(fact.title) ? [] : (fact.parties ?? []);
      for (const name of [...parties, ...(fact.alleged_by ?? []), ...(fact.denied_by ?? []), ...(fact.confirmed_by ?? [])]) {
        const head = name
          .replace(/\s*\(.*$/, '')
          .replace(/\s+/g, ' ')
          .trim();
        const written = withArticle(name);
        expect(sentences[i], fact.id).toContain(written);
        // the prose writes it with "the" (or without) every time, twice or more: so must the sentence
        const the = count(`\\bthe ${escaped(head)}\\b`);
        const bare = count(`\\b(?:by|and|of|to|with|from|for|between|in|on|at|that|as|said|says) ${escaped(head)}\\b(?!'s)`);
        if ((the >= 2 && bare === 0 && !written.startsWith('the ')) || (bare >= 2 && the === 0 && written.startsWith('the ')))
          wrong.push(`${fact.id}: ${written}`);
        // a capitalised first word that the prose only ever writes in lower case mid-sentence opens a description
        const first = /^[A-Z][\w-]*/.exec(written)?.[0];
        if (first && first !== 'The' && count(`[a-z,] ${escaped(first.toLowerCase())}\\b`) > 0 && count(`[a-z,] ${escaped(first)}\\b`) === 0)
          wrong.push(`${fact.id}: ${written}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  it('every bundled allegation is quoted and attributed, never stated: accusers, deniers, confirmers and status', async () => {
    const allegations = await rifJson<{ id: string; title: string; status: string; alleged_by: string[]; denied_by: string[]; confirmed_by: string[] }[]>([
      'allegations',
    ]);
    expect(allegations.length).toBeGreaterThanOrEqual(15);
    const out = await rif(['cite', ...allegations.map((a) => a.id), '--style', 'plain']);
    const sentences = out.stdout.split('\n\n').slice(0, -1);
    expect(sentences).toHaveLength(allegations.length);
    allegations.forEach((a, i) => {
      const sentence = sentences[i]!;
      expect(sentence.startsWith('Allegation, ')).toBe(true);
      expect(sentence).toContain(`: “${a.title}”, alleged by `);
      for (const who of [...a.alleged_by, ...a.denied_by, ...a.confirmed_by]) expect(sentence).toContain(withArticle(who));
      expect(sentence.includes('; denied by ')).toBe(a.denied_by.length > 0);
      expect(sentence.includes('; confirmed by ')).toBe(a.confirmed_by.length > 0);
      expect(sentence).toMatch(new RegExp(`; status: ${a.status}\\. \\[[\\d, ]+\\]$`));
    });
  });
});

describe('titles that end in a full stop', () => {
  it.each(['chicago-note', 'chicago', 'apa', 'mla', 'plain', 'markdown'])(
    '%s: the style puts its own punctuation after a title, never a stop and then a comma ("Collapse.,’”")',
    async (style) => {
      const facts = await rifJson<{ id: string; sources: { title: string | null }[] }[]>(['list']);
      const ending = facts.filter((f) => f.sources.some((s) => /\.['’"”]?$/.test(s.title ?? ''))).map((f) => f.id);
      expect(ending).toContain('khomeini-letter-to-gorbachev-1989');
      const out = (await rif(['cite', ...ending, '--style', style, '--sources', 'all'])).stdout;
      expect(out.match(/.{20}[\p{L}\p{N}]{2}\.(?:[,;]['’"”]|['’"”]+[,;]).{0,5}/gu) ?? []).toEqual([]);
      // an abbreviation keeps its stop
      expect(out).toMatch(/Blast the U\.S\./);
    },
  );

  it('chicago: the title inside quotation marks closes with the comma inside both', async () => {
    const out = (await rif(['cite', 'khomeini-letter-to-gorbachev-1989', '--style', 'chicago', '--sources', 'all', '--plain'])).stdout;
    expect(out).toContain('after the Soviet Collapse,’” n.d.');
  });
});

describe('several facts', () => {
  const FRIENDS = ['soviet-iranian-treaty-of-friendship-1921', 'rothstein-letter-1921', 'iran-repudiates-articles-5-6-1979'];

  it('markdown: one footnote per fact, each defined once and used once', async () => {
    const out = await rif(['cite', ...FRIENDS]);
    // a blank line before and after, so that appended citations stay paragraphs of their own
    expect(out.stdout).toMatch(/^\n\S[\s\S]*\S\n\n$/);
    out.stdout = out.stdout.trim();
    const [body, notes] = [out.stdout.slice(0, out.stdout.lastIndexOf('\n\n')), out.stdout.slice(out.stdout.lastIndexOf('\n\n') + 2)];
    const defined = notes
      .trimEnd()
      .split('\n')
      .map((line) => /^\[\^([a-z0-9-]+)\]: /.exec(line)![1]!);
    expect(defined).toEqual(FRIENDS);
    expect([...body.matchAll(/\[\^([a-z0-9-]+)\]/g)].map((m) => m[1]!)).toEqual(FRIENDS);
  });

  it('plain: a page two facts cite is listed once', async () => {
    const out = await rif(['cite', ...FRIENDS, '--style', 'plain', '--sources', 'all']);
    const list = out.stdout
      .slice(out.stdout.lastIndexOf('\n\n') + 2)
      .trimEnd()
      .split('\n');
    const records = (await rifJson<{ id: string; sources: { url: string }[] }[]>(['list'])).filter((f) => FRIENDS.includes(f.id));
    const pages = new Set(records.flatMap((f) => f.sources.map((s) => pageIdentity(s.url))));
    expect(list).toHaveLength(pages.size);
    expect(pages.size).toBeLessThan(records.reduce((n, f) => n + f.sources.length, 0));
  });

  it('a repeated id is cited once', async () => {
    expect((await rif(['cite', 'jcpoa-2015', 'jcpoa-2015'])).stdout).toBe((await rif(['cite', 'jcpoa-2015'])).stdout);
  });

  it('chicago-note: a later note citing a page already cited in full gives its short form', async () => {
    const out = await rif(['cite', 'treaty-of-gulistan', 'russo-persian-war-1804-1813', '--style', 'chicago-note', '--sources', '2']);
    const notes = out.stdout.split('\n\n')[2]!.split('\n');
    expect(notes[0]).toMatch(
      /^\[\^treaty-of-gulistan\]: “Golestan Treaty,” Encyclopaedia Iranica, accessed .*, <https:\/\/iranicaonline\.org\/articles\/golestan-treaty>\.$/,
    );
    expect(notes[1]).toBe('[^russo-persian-war-1804-1813]: “Golestan Treaty.”');
  });
});

/** The CSL data model's item types and variables, read from the CSL schema (the citeproc-csl-schemata package). */
function cslSchema(): { types: Set<string>; dates: Set<string>; names: Set<string>; strings: Set<string> } {
  const dir = join(createRequire(import.meta.url).resolve('citeproc-csl-schemata/package.json'), '..', 'schema');
  const text = readFileSync(join(dir, 'csl-types.rnc'), 'utf8') + readFileSync(join(dir, 'csl-variables.rnc'), 'utf8');
  const list = (name: string) =>
    new Set([...new RegExp(`${name.replace('.', '\\.')} =([^}]*?)(?:\\n\\s*\\n|\\n\\s*##|})`).exec(text)![1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
  return {
    types: list('item-types'),
    dates: list('variables.dates'),
    names: list('variables.names'),
    strings: new Set([...list('variables.strings'), ...list('variables.numbers'), 'language', 'id', 'type']),
  };
}

/** Why a CSL-JSON item breaks the schema: a required field, the type list, a variable name or its shape. */
function cslProblems(item: Record<string, unknown>, schema = cslSchema()): string[] {
  const problems: string[] = [];
  if (typeof item['id'] !== 'string' && typeof item['id'] !== 'number') problems.push('id missing');
  if (!schema.types.has(item['type'] as string)) problems.push(`type ${String(item['type'])} is not a CSL type`);
  for (const [name, value] of Object.entries(item)) {
    if (name === 'id' || name === 'type') continue;
    if (schema.strings.has(name)) {
      if (typeof value !== 'string') problems.push(`${name} is not a string`);
    } else if (schema.dates.has(name)) {
      const parts = (value as { 'date-parts'?: unknown })['date-parts'];
      if (!Array.isArray(parts) || !parts.every((p) => Array.isArray(p) && p.length >= 1 && p.length <= 3 && p.every(Number.isInteger)))
        problems.push(`${name} is not a CSL date`);
    } else problems.push(`${name} is not a CSL variable`);
  }
  return problems;
}

describe('the data formats read back with the tools writers use', () => {
  it('csl-json: every item of the whole bundled record has an id, a CSL type, only CSL variables, and the dates of its source', async () => {
    const schema = cslSchema();
    expect(schema.types.has('webpage') && schema.dates.has('accessed') && schema.strings.has('container-title')).toBe(true);
    const facts = await rifJson<{ id: string; sources: { url: string; published: string | null; accessed: string | null }[] }[]>(['list']);
    const out = await rif(['cite', ...facts.map((f) => f.id), '--style', 'csl-json', '--sources', 'all']);
    const items = JSON.parse(out.stdout) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(1500);
    expect(items.flatMap((i) => cslProblems(i, schema))).toEqual([]);
    // the first fact to cite a page gives its text
    const published = new Map<string, string | null>();
    for (const s of facts.flatMap((f) => f.sources)) if (!published.has(s.url)) published.set(s.url, s.published);
    for (const item of items.filter((i) => i['type'] === 'webpage')) {
      const date = published.get(item['URL'] as string);
      if (date) expect((item['issued'] as { 'date-parts': number[][] })['date-parts'][0]!.join('-')).toBe(date.split('-').map(Number).join('-'));
      expect(item['accessed']).toBeDefined();
    }
  });

  it('the schema check catches what the schema forbids', () => {
    expect(cslProblems({ id: 'a', type: 'website', URL: 'x', publisher_name: 'p', issued: '2020' })).toEqual([
      'type website is not a CSL type',
      'publisher_name is not a CSL variable',
      'issued is not a CSL date',
    ]);
  });

  it.each(['bibtex', 'biblatex'])(
    '%s: the whole bundled record parses with no error, an entry per fact and per page, fields as in the fact files',
    async (style) => {
      const facts = await rifJson<{ id: string; sources: { url: string; title: string; publisher: string; published: string | null; accessed: string }[] }[]>([
        'list',
      ]);
      const first = new Map<string, (typeof facts)[number]['sources'][number]>();
      for (const s of facts.flatMap((f) => f.sources)) if (!first.has(pageIdentity(s.url))) first.set(pageIdentity(s.url), s);
      const out = await rif(['cite', ...facts.map((f) => f.id), '--style', style, '--sources', 'all']);
      const parsed = parseBib(out.stdout, { processUnexpected: true, processUnknown: true });
      expect(parsed.errors).toEqual([]);
      const entries = Object.values(parsed.entries);
      expect(entries).toHaveLength(facts.length + first.size);
      expect(new Set(entries.map((e) => e.entry_key)).size).toBe(entries.length);
      const text = (value: unknown) => (value as { text: string }[]).map((t) => t.text).join('');
      for (const entry of entries.slice(facts.length)) {
        const url = entry.fields['url'] as string;
        const source = first.get(pageIdentity(url))!;
        expect(url).toBe(source.url);
        expect(entry.fields['urldate']).toBe(source.accessed);
        if (style === 'biblatex') {
          expect(entry.bib_type).toBe('online');
          // the title as in the fact file, on one line and without a full stop of its own at the end
          expect(text(entry.fields['title'])).toBe(
            source.title
              .replace(/\s+/g, ' ')
              .trim()
              .replace(/(?<=[\p{L}\p{N}]{2})\.(?=['’"”]?$)/u, ''),
          );
          expect(text((entry.fields['organization'] as unknown[])[0])).toBe(source.publisher.replace(/\s+/g, ' ').trim());
          expect(entry.fields['date'] ?? null).toBe(source.published);
        } else {
          expect(entry.bib_type).toBe('misc');
          if (source.published) expect(entry.fields['date']).toMatch(new RegExp(`^${source.published.slice(0, 7)}`));
        }
      }
    },
  );

  it('bibtex: Persian, Cyrillic and every LaTeX special character survive', async () => {
    const parsed = parseBib((await user(['cite', 'cite-treaty', '--style', 'bibtex'])).stdout, { processUnexpected: true, processUnknown: true });
    const entry = Object.values(parsed.entries).find((e) => String(e.fields['url']).includes('/ru/'))!;
    const text = (value: unknown) => (value as { text: string }[]).map((t) => t.text).join('');
    expect(text(entry.fields['title'])).toBe('Договор о рыболовстве — قرارداد شیلات [Fisheries agreement]');
    // the parser reads LaTeX's escapes of & % # _ $ and \\; it drops the brace and caret commands, which LaTeX prints
    expect(text(entry.fields['howpublished'])).toBe('Архив & Co. 1927 100% #1 _x_ y~ \\z $5');
    expect(String(entry.fields['url'])).toBe('https://example.org/ru/договор');
  });

  it('ris: the whole bundled record reads back as records, one per fact and per page, with titles, addresses and dates', async () => {
    const facts = await rifJson<{ id: string; sources: { url: string; title: string }[] }[]>(['list']);
    const pages = new Set(facts.flatMap((f) => f.sources.map((s) => pageIdentity(s.url))));
    const out = await rif(['cite', ...facts.map((f) => f.id), '--style', 'ris', '--sources', 'all']);
    const parsed = parseRIS(out.stdout);
    expect(parsed.errors ?? []).toEqual([]);
    const records = Object.values(parsed.entries);
    expect(records).toHaveLength(facts.length + pages.size);
    const blocks = out.stdout.split('\r\n\r\n');
    expect(blocks.every((b) => /^TY {2}- (ENCYC|ELEC)\r\n/.test(b) && /\r\nER {2}- (\r\n)?$/.test(b) && /\r\nID {2}- [a-z0-9-]+\r\n/.test(b))).toBe(true);
    expect(out.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(blocks.filter((b) => b.includes('\r\nY2  - ')).length).toBe(pages.size);
  });
});

describe('text that must print as it is', () => {
  it.each([
    ['Reported *secret* deal', 'Reported \\*secret\\* deal'],
    ['Quotas [leaked] <draft>', 'Quotas \\[leaked\\] \\<draft\\>'],
    ['snake_case and `code`', 'snake\\_case and \\`code\\`'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['AT&amp; and R&D', 'AT\\&amp; and R&D'],
    ['$5 and x^2^ for @someone', '\\$5 and x\\^2\\^ for \\@someone'],
    ["Iran's treaty (1828) — Туркманчай, ترکمانچای", "Iran's treaty (1828) — Туркманчай, ترکمانچای"],
  ])('markdown: %s', (text, escaped) => expect(markdownText(text)).toBe(escaped));

  it('control characters never reach the terminal, in any style', async () => {
    const fact: Fact = {
      kind: 'event',
      id: 'hostile',
      title: 'Title \u001b[2J with \u202e override',
      summary: 's',
      date: { start: '1900', end: '1900', precision: 'year', approximate: false, note: null },
      note: null,
      topics: [],
      actors: [],
      places: [],
      aliases: [],
      related: [],
      quotes: [],
      sources: [{ url: 'https://example.org/\u0007bell', publisher: 'P\u009b', title: 'T\u0008', title_en: null, published: '1900', accessed: null }],
      file: '/dev/null',
    };
    for (const style of CITE_STYLES) {
      const text = await renderCitation([fact], { style, form: 'markdown', choice: { max: 2 }, keys: new Map(), version: '0' });
      // RIS lines end in CRLF, its one carriage return
      expect(style === 'ris' ? text.replace(/\r\n/g, '\n') : text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(text).toContain('\\u001b');
    }
  });

  it('no colour, even when forced', async () => {
    const out = await rif(['cite', 'treaty-of-gulistan', '--color', 'always'], { tty: true, env: { FORCE_COLOR: '3' } });
    expect(out.stdout).not.toContain('\u001b');
  });
});

describe('errors', () => {
  it.each([
    ['an unknown id, with the closest ids', ['cite', 'treaty-of-nowhere'], 1, /^rif: no fact with id "treaty-of-nowhere"; did you mean: treaty-of-akhal\n$/],
    ['two ids that name nothing, each on its own line', ['cite', 'qqqzzz', 'xxxyyy'], 1, /^rif: no fact with id "qqqzzz"\nrif: no fact with id "xxxyyy"\n$/],
    [
      'an unknown style, with the list',
      ['cite', 'treaty-of-gulistan', '--style', 'harvard'],
      2,
      new RegExp(`argument 'harvard' is invalid\\. Allowed choices are ${CITE_STYLES.join(', ')}\\.\\n$`),
    ],
    ['a style and --csl', ['cite', 'treaty-of-gulistan', '--style', 'apa', '--csl', 'x.csl'], 2, /^rif: choose --style apa or --csl, not both\n$/],
    ['a data style with a form', ['cite', 'treaty-of-gulistan', '--style', 'ris', '--plain'], 2, /^rif: ris has one form: drop --plain\n$/],
    ['no id', ['cite'], 2, /missing required argument 'ids'/],
  ])('%s → exit %i', async (_, argv, code, message) => {
    const out = await rif(argv);
    expect(out.code).toBe(code);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  });

  it('ids and titles are found as rif show finds them: one that names nothing is reported, the others cited, exit 1', async () => {
    const both = await rif(['cite', 'treaty-of-gulistan', 'qqqzzz', '--style', 'plain']);
    expect([both.code, both.stderr]).toEqual([1, 'rif: no fact with id "qqqzzz"\n']);
    expect(both.stdout).toBe((await rif(['cite', 'treaty-of-gulistan', '--style', 'plain'])).stdout);
    const byTitle = await rif(['cite', 'gulistan']);
    expect([byTitle.code, byTitle.stdout]).toEqual([0, (await rif(['cite', 'treaty-of-gulistan'])).stdout]);
    const json = await rif(['cite', 'qqqzzz', '--json']);
    expect([json.code, json.stdout]).toEqual([1, '[]\n']);
  });

  it('--format: markdown and plain are those styles alone and the forms of a CSL style; json is csl-json', async () => {
    for (const [format, style] of [
      ['markdown', 'markdown'],
      ['plain', 'plain'],
      ['json', 'csl-json'],
    ]) {
      expect((await rif(['cite', 'jcpoa-2015', '--format', format!])).stdout).toBe((await rif(['cite', 'jcpoa-2015', '--style', style!])).stdout);
    }
    expect((await rif(['cite', 'jcpoa-2015', '--json'])).stdout).toBe((await rif(['cite', 'jcpoa-2015', '--style', 'csl-json'])).stdout);
    const plainApa = (await rif(['cite', 'jcpoa-2015', '--style', 'apa', '--plain'])).stdout;
    const markdownApa = (await rif(['cite', 'jcpoa-2015', '--style', 'apa'])).stdout;
    expect(markdownApa).toMatch(/\*[^*]+\*/);
    expect(plainApa).not.toMatch(/[*<>\\]/);
    const both = await rif(['cite', 'jcpoa-2015', '--json', '--style', 'bibtex']);
    expect([both.code, both.stderr]).toEqual([2, 'rif: choose one citation style, not bibtex and csl-json\n']);
  });

  it('ids may come from standard input with -', async () => {
    const out = await rif(['cite', '-', '--style', 'plain'], { stdin: 'treaty-of-gulistan\n\ntreaty-of-turkmenchay\n' });
    expect(out.stdout).toBe((await rif(['cite', 'treaty-of-gulistan', 'treaty-of-turkmenchay', '--style', 'plain'])).stdout);
  });

  it('a user directory without the bundled facts does not know bundled ids', async () => {
    const out = await user(['cite', 'treaty-of-gulistan']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/no fact with id "treaty-of-gulistan"/);
  });
});

describe('rif search --cite', () => {
  it('cites the first result the search would list, and names it on stderr', async () => {
    const [top] = (await rif(['search', 'turkmenchay', '--fields', 'id'])).stdout.split('\n');
    const out = await rif(['search', 'turkmenchay', '--cite']);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe(`rif: citing the best match: ${top}\n`);
    expect(out.stdout).toBe((await rif(['cite', top!])).stdout);
  });

  it.each(CITE_STYLES)('--cite %s prints what rif cite --style %s prints, and takes --sources', async (style) => {
    const out = await user(['search', 'fishing', 'accord', '--cite', style, '--sources', '2']);
    expect(out.stdout).toBe((await user(['cite', 'cite-treaty', '--style', style, '--sources', '2'])).stdout);
  });

  it('takes --plain, --markdown and --json as the form of the citation, and --csl for a style file', async () => {
    const plain = await rif(['search', 'gulistan', '--cite', 'chicago', '--plain']);
    expect([plain.code, plain.stdout]).toEqual([0, (await rif(['cite', 'treaty-of-gulistan', '--style', 'chicago', '--plain'])).stdout]);
    const json = await rif(['search', 'gulistan', '--cite', '--json']);
    expect(json.stdout).toBe((await rif(['cite', 'treaty-of-gulistan', '--json'])).stdout);
    const dir = tempFacts({
      'titles.csl': `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>t</title></info><citation><layout prefix="(" suffix=")"><text variable="title"/></layout></citation></style>`,
    });
    const csl = await rif(['search', 'gulistan', '--csl', join(dir, 'titles.csl'), '--plain']);
    expect([csl.code, csl.stderr]).toEqual([0, 'rif: citing the best match: treaty-of-gulistan\n']);
    expect(csl.stdout).toBe((await rif(['cite', 'treaty-of-gulistan', '--csl', join(dir, 'titles.csl'), '--plain'])).stdout);
  });

  it('takes the style after =, and works as the default command', async () => {
    const out = await rif(['turkmenchay', '--cite=plain']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Treaty of Turkmenchay .* \[1, 2\]\n/);
  });

  it.each([
    ['nothing matches', ['search', 'qqqzzzxxx', '--cite'], 1, /^rif: no facts match "qqqzzzxxx"\n$/],
    ['an unknown style', ['search', 'shahed', '--cite', 'harvard'], 2, /Allowed choices are markdown, plain, chicago-note/],
    ['a listing format as well', ['search', 'shahed', '--cite', '--csv'], 2, /--cite prints a citation, not a listing: drop --csv/],
    ['a listing format named with --format', ['search', 'shahed', '--cite', 'apa', '--format', 'table'], 2, /drop --format table/],
    ['--no-bibliography without --cite', ['search', 'shahed', '--no-bibliography'], 2, /^rif: --no-bibliography goes with --cite\n$/],
  ])('%s → exit %i', async (_, argv, code, message) => {
    const out = await rif(argv);
    expect(out.code).toBe(code);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  });
});
