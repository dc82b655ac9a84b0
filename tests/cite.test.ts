// rif cite and rif search --cite: the sentences, the four styles, shared sources, stable keys, and that
// BibTeX and CSL-JSON read back as what their tools expect.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Fact, FactDate } from '../src/facts/types.js';
import { datePhrase, humanDate, markdownText, pageIdentity, renderCitation } from '../src/render/cite.js';
import { rif, rifJson, tempFacts } from './helpers.js';

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

describe('rif cite on a user directory', () => {
  it('markdown (the default): a sentence per fact, footnotes [^id-n], a shared page once', async () => {
    const out = await user(['cite', ...THREE]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatchInlineSnapshot(`
      "Border commission meets in Astara, 3 May 1901.[^cite-event-1][^cite-event-2]

      Fishing accord between Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953.[^cite-event-1][^cite-treaty-2]

      Allegation, since November 2022: “Reported \\*secret\\* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed.[^cite-event-2][^cite-allegation-2]

      [^cite-event-1]: Example Archive, “Minutes of the commission”, <https://www.example.org/commission/>
      [^cite-event-2]: Example Photo Library, <https://example.org/photos>
      [^cite-treaty-2]: Архив & Co. {1927} 100% \\#1 \\_x\\_ \\^y\\~ \\\\z \\$5, “Договор о рыболовстве — قرارداد شیلات”, <https://example.org/ru/договор>
      [^cite-allegation-2]: Daily Report, “Quotas \\[leaked\\] \\<draft\\>”, <https://example.org/report>
      "
    `);
  });

  it('plain: numbered references, a shared page once', async () => {
    expect((await user(['cite', ...THREE, '--style', 'plain'])).stdout).toMatchInlineSnapshot(`
      "Border commission meets in Astara, 3 May 1901. [1, 2]

      Fishing accord between Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953. [1, 3]

      Allegation, since November 2022: “Reported *secret* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed. [2, 4]

      [1] Example Archive, “Minutes of the commission”, https://www.example.org/commission/
      [2] Example Photo Library, https://example.org/photos
      [3] Архив & Co. {1927} 100% #1 _x_ ^y~ \\z $5, “Договор о рыболовстве — قرارداد شیلات”, https://example.org/ru/договор
      [4] Daily Report, “Quotas [leaked] <draft>”, https://example.org/report
      "
    `);
  });

  it('bibtex: one entry per page, keys from the address', async () => {
    expect((await user(['cite', ...THREE, '--style', 'bibtex'])).stdout).toMatchInlineSnapshot(`
      "@misc{example-org-78322e6a,
        title = {{Minutes of the commission}},
        howpublished = {Example Archive},
        url = {https://www.example.org/commission/},
        annote = {rif cite-event: Border commission meets in Astara, 3 May 1901. rif cite-treaty: Fishing accord between Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953.},
      }

      @misc{example-org-08558b1d,
        howpublished = {Example Photo Library},
        url = {https://example.org/photos},
        annote = {rif cite-event: Border commission meets in Astara, 3 May 1901. rif cite-allegation: Allegation, since November 2022: “Reported *secret* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed.},
      }

      @misc{example-org-33b6685f,
        title = {{Договор о рыболовстве — قرارداد شیلات}},
        howpublished = {Архив \\& Co. \\textbraceleft{}1927\\textbraceright{} 100\\% \\#1 \\_x\\_ \\textasciicircum{}y\\textasciitilde{} \\textbackslash{}z \\$5},
        url = {https://example.org/ru/договор},
        annote = {rif cite-treaty: Fishing accord between Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953.},
      }

      @misc{example-org-bd9605d1,
        title = {{Quotas [leaked] <draft>}},
        howpublished = {Daily Report},
        url = {https://example.org/report},
        annote = {rif cite-allegation: Allegation, since November 2022: “Reported *secret* fishing quotas”, alleged by Newspaper A, Official B (Ministry of Fish) and Agency C; denied by Ministry D; confirmed by Source E; status: disputed.},
      }
      "
    `);
  });

  it('csl-json: one item per page', async () => {
    expect((await user(['cite', 'cite-event', 'cite-treaty', '--style', 'csl-json'])).stdout).toMatchInlineSnapshot(`
      "[
        {
          "id": "example-org-78322e6a",
          "type": "webpage",
          "title": "Minutes of the commission",
          "container-title": "Example Archive",
          "URL": "https://www.example.org/commission/",
          "note": "rif cite-event: Border commission meets in Astara, 3 May 1901. rif cite-treaty: Fishing accord between Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953."
        },
        {
          "id": "example-org-08558b1d",
          "type": "webpage",
          "container-title": "Example Photo Library",
          "URL": "https://example.org/photos",
          "note": "rif cite-event: Border commission meets in Astara, 3 May 1901."
        },
        {
          "id": "example-org-33b6685f",
          "type": "webpage",
          "title": "Договор о рыболовстве — قرارداد شیلات",
          "container-title": "Архив & Co. {1927} 100% #1 _x_ ^y~ \\\\z $5",
          "URL": "https://example.org/ru/договор",
          "note": "rif cite-treaty: Fishing accord between Soviet Union and Iran, signed October 1927, in force from 31 January 1928, ended 1953."
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
    ['an approximate span', date('1842', '1921', true), 'c. 1842 – 1921'],
    ['an approximate span not ended', date('2022-11', null, true), 'since c. November 2022'],
  ])('%s: %s', (_, value, words) => expect(datePhrase(value)).toBe(words));

  it('bundled facts: a treaty with its parties and dates, a span with each end at its precision, an allegation attributed', async () => {
    const plain = async (id: string) => (await rif(['cite', id, '--style', 'plain'])).stdout.split(' [')[0];
    expect(await plain('iranian-drones-to-russia')).toMatchInlineSnapshot(
      `"Allegation, since 11 July 2022: “Reported Iranian drone supplies to Russia for the war in Ukraine”, alleged by Jake Sullivan (US National Security Adviser), John Kirby (US National Security Council), Volodymyr Zelensky (Ukraine) and Robert Malley (US special envoy for Iran); denied by Nasser Kanaani (Iran), Kremlin and Russian Foreign Ministry; confirmed by Hossein Amir-Abdollahian (Iranian foreign minister, 5 November 2022; partial admission only: a limited number of drones sent months before the invasion of 24 February 2022, none for the war); status: disputed."`,
    );
    expect(await plain('treaty-of-turkmenchay')).toMatchInlineSnapshot(
      `"Treaty of Turkmenchay between Russian Empire and Qajar Iran, signed 22 February 1828, ended 26 February 1921."`,
    );
    expect(await plain('treaty-of-gulistan')).toMatchInlineSnapshot(
      `"Treaty of Gulistan between Russian Empire and Qajar Iran, signed 24 October 1813, in force from 27 September 1814, ended 22 February 1828."`,
    );
    expect(await plain('russo-persian-war-1804-1813')).toMatchInlineSnapshot(`"Russo-Persian War of 1804-1813, June 1804 – 24 October 1813."`);
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
      for (const who of [...a.alleged_by, ...a.denied_by, ...a.confirmed_by]) expect(sentence).toContain(who);
      expect(sentence.includes('; denied by ')).toBe(a.denied_by.length > 0);
      expect(sentence.includes('; confirmed by ')).toBe(a.confirmed_by.length > 0);
      expect(sentence).toMatch(new RegExp(`; status: ${a.status}\\. \\[[\\d, ]+\\]$`));
    });
  });
});

describe('several facts', () => {
  const FRIENDS = ['soviet-iranian-treaty-of-friendship-1921', 'rothstein-letter-1921', 'iran-repudiates-articles-5-6-1979'];

  it('share one footnote list: each page defined once, every footnote used, every use defined', async () => {
    const records = (await rifJson<{ id: string; sources: { url: string }[] }[]>(['list'])).filter((f) => FRIENDS.includes(f.id));
    expect(records).toHaveLength(3);
    const pages = new Set(records.flatMap((f) => f.sources.map((s) => pageIdentity(s.url))));
    const out = await rif(['cite', ...FRIENDS]);
    const [body, notes] = [out.stdout.slice(0, out.stdout.lastIndexOf('\n\n')), out.stdout.slice(out.stdout.lastIndexOf('\n\n') + 2)];
    const defined = notes
      .trimEnd()
      .split('\n')
      .map((line) => /^\[\^([a-z0-9-]+)\]: /.exec(line)![1]!);
    const used = new Set([...body.matchAll(/\[\^([a-z0-9-]+)\]/g)].map((m) => m[1]!));
    expect(defined).toHaveLength(pages.size);
    expect(pages.size).toBeLessThan(records.reduce((n, f) => n + f.sources.length, 0)); // the three facts do share pages
    expect(new Set(defined)).toEqual(used);
    expect(body).toContain('[^soviet-iranian-treaty-of-friendship-1921-1]'); // reused by the later facts
    expect(body.split('\n\n')[1]).toContain('[^soviet-iranian-treaty-of-friendship-1921-1]');
  });

  it('a repeated id is cited once', async () => {
    expect((await rif(['cite', 'jcpoa-2015', 'jcpoa-2015'])).stdout).toBe((await rif(['cite', 'jcpoa-2015'])).stdout);
  });

  it('a source keeps its key whatever else is cited, on every run', async () => {
    const keys = async (argv: string[]) => [...(await rif(['cite', ...argv, '--style', 'bibtex'])).stdout.matchAll(/^@misc\{([^,]+),$/gm)].map((m) => m[1]!);
    const alone = await keys(['rothstein-letter-1921']);
    const together = await keys(['soviet-iranian-treaty-of-friendship-1921', 'rothstein-letter-1921']);
    expect(together).toEqual(expect.arrayContaining(alone));
    expect(await keys(['rothstein-letter-1921'])).toEqual(alone);
  });

  it('the key is the host and the first 8 hex digits of the SHA-1 of the page, without scheme, www or trailing slash', async () => {
    const sha = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);
    const out = await user(['cite', 'cite-event', '--style', 'bibtex']);
    expect(out.stdout).toContain(`@misc{example-org-${sha('example.org/commission')},`);
    expect(out.stdout).toContain(`@misc{example-org-${sha('example.org/photos')},`);
  });
});

/** The fields of BibTeX entries, read as BibTeX reads them: braces counted whether escaped or not. */
interface BibEntry {
  readonly type: string;
  readonly key: string;
  readonly fields: Record<string, string>;
}

function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const name = (pattern: RegExp): string => {
    const start = i;
    while (i < text.length && pattern.test(text[i]!)) i++;
    return i > start ? text.slice(start, i) : fail('expected a name');
  };
  const expectChar = (c: string) => (text[i] === c ? i++ : fail(`expected "${c}"`));
  const braced = (): string => {
    expectChar('{');
    const start = i;
    for (let depth = 1; depth > 0; i++) {
      if (i >= text.length) fail('unbalanced braces');
      if (text[i] === '{') depth++;
      if (text[i] === '}') depth--;
    }
    return text.slice(start, i - 1);
  };
  const value = (): string => {
    const parts: string[] = [];
    for (;;) {
      space();
      if (text[i] === '{') parts.push(braced());
      else if (text[i] === '"') {
        i++;
        const start = i;
        for (let depth = 0; text[i] !== '"' || depth > 0; i++) {
          if (i >= text.length) fail('unterminated quote');
          depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
        }
        parts.push(text.slice(start, i++));
      } else parts.push(name(/[0-9]/));
      space();
      if (text[i] !== '#') return parts.join('');
      i++;
    }
  };
  for (;;) {
    const at = text.indexOf('@', i);
    if (at < 0) return entries; // text between entries is a comment to BibTeX
    i = at + 1;
    const type = name(/[A-Za-z]/).toLowerCase();
    space();
    expectChar('{');
    space();
    const key = name(/[^\s,{}]/);
    space();
    expectChar(',');
    const fields: Record<string, string> = {};
    for (;;) {
      space();
      if (text[i] === '}') break;
      const field = name(/[A-Za-z0-9_-]/).toLowerCase();
      space();
      expectChar('=');
      if (field in fields) fail(`field ${field} twice`);
      fields[field] = value();
      space();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail('expected "," or "}"');
    }
    i++;
    entries.push({ type, key, fields });
  }
}

/** LaTeX text back to what it prints; throws on any special character left unescaped. */
function fromLatex(value: string): string {
  const commands: Record<string, string> = { textbackslash: '\\', textbraceleft: '{', textbraceright: '}', textasciicircum: '^', textasciitilde: '~' };
  const out = value.replace(
    /\\([a-z]+)\{\}|\\([$&%#_])/g,
    (_, command: string | undefined, char: string | undefined) => char ?? commands[command!] ?? `<unknown \\${command}>`,
  );
  const stripped = value.replace(/\\[a-z]+\{\}|\\[$&%#_]/g, '');
  if (/[\\{}$&%#_^~]/.test(stripped)) throw new Error(`unescaped LaTeX in ${JSON.stringify(value)}`);
  return out;
}

/** A title braced twice to keep its capitals: the outer pair is BibTeX's, the inner one protection. */
const unprotect = (value: string): string => (/^\{.*\}$/s.test(value) ? value.slice(1, -1) : value);

describe('bibtex reads back', () => {
  it('Persian, Cyrillic and every LaTeX special character survive', async () => {
    const [entry] = parseBibtex((await user(['cite', 'cite-treaty', '--style', 'bibtex'])).stdout).filter((e) => e.fields['url']!.includes('/ru/'));
    expect(entry!.type).toBe('misc');
    expect(fromLatex(unprotect(entry!.fields['title']!))).toBe('Договор о рыболовстве — قرارداد شیلات');
    expect(fromLatex(entry!.fields['howpublished']!)).toBe('Архив & Co. {1927} 100% #1 _x_ ^y~ \\z $5');
    expect(entry!.fields['url']).toBe('https://example.org/ru/договор');
  });

  it('the whole bundled corpus: one entry per page, unique keys, fields equal to the fact files', async () => {
    const facts = await rifJson<{ id: string; sources: { url: string; publisher: string; title: string | null }[] }[]>(['list']);
    const first = new Map<string, { url: string; publisher: string; title: string | null }>();
    for (const s of facts.flatMap((f) => f.sources)) if (!first.has(pageIdentity(s.url))) first.set(pageIdentity(s.url), s);
    const out = await rif(['cite', ...facts.map((f) => f.id), '--style', 'bibtex']);
    expect(out.code).toBe(0);
    const entries = parseBibtex(out.stdout);
    expect(entries).toHaveLength(first.size);
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}$/);
      const source = first.get(pageIdentity(e.fields['url']!))!;
      expect(e.fields['url']).toBe(source.url);
      expect(fromLatex(e.fields['howpublished']!)).toBe(source.publisher);
      expect(e.fields['title'] === undefined ? null : fromLatex(unprotect(e.fields['title']))).toBe(source.title);
      expect(fromLatex(e.fields['annote']!)).toMatch(/^rif [a-z0-9-]+: /);
    }
  });

  it('the parser itself rejects what BibTeX would', () => {
    expect(() => parseBibtex('@misc{k,\n  title = {a \\{ b},\n}\n')).toThrow(/unbalanced|expected/);
    expect(() => parseBibtex('@misc{k,\n  title = {a} b = {c}\n}')).toThrow(/expected "," or "}"/);
    expect(() => fromLatex('50% & more')).toThrow(/unescaped/);
    expect(parseBibtex('junk @book{k, year = 1828, title = "A {B}" # {C},}')).toEqual([{ type: 'book', key: 'k', fields: { year: '1828', title: 'A {B}C' } }]);
  });
});

/** The types and variables of CSL-JSON, from the csl-data.json schema (citation-style-language/schema). */
const CSL_TYPES = new Set(
  'article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance periodical personal_communication post post-weblog regulation report review review-book software song speech standard thesis treaty webpage'.split(
    ' ',
  ),
);
const CSL_DATES = new Set(['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']);
const CSL_STRINGS = new Set(
  'abstract annote archive archive_collection archive_location archive-place authority call-number citation-label collection-title container-title container-title-short dimensions division DOI event event-place genre ISBN ISSN jurisdiction keyword language medium note original-publisher original-publisher-place original-title part-title PMCID PMID publisher publisher-place references reviewed-title scale section source status title title-short URL version year-suffix'.split(
    ' ',
  ),
);

/** Why a CSL-JSON item breaks the schema: a required field, the type list, a variable name or its shape. */
function cslProblems(item: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof item['id'] !== 'string' && typeof item['id'] !== 'number') problems.push('id missing');
  if (!CSL_TYPES.has(item['type'] as string)) problems.push(`type ${String(item['type'])} is not a CSL type`);
  for (const [name, value] of Object.entries(item)) {
    if (name === 'id' || name === 'type') continue;
    if (CSL_STRINGS.has(name)) {
      if (typeof value !== 'string') problems.push(`${name} is not a string`);
    } else if (CSL_DATES.has(name)) {
      const parts = (value as { 'date-parts'?: unknown })['date-parts'];
      if (!Array.isArray(parts) || !parts.every((p) => Array.isArray(p) && p.length >= 1 && p.length <= 3)) problems.push(`${name} is not a CSL date`);
    } else problems.push(`${name} is not a CSL variable`);
  }
  return problems;
}

describe('csl-json', () => {
  it('every item of the whole bundled corpus has an id, a CSL type and only CSL variables', async () => {
    const ids = (await rifJson<{ id: string }[]>(['list'])).map((f) => f.id);
    const out = await rif(['cite', ...ids, '--style', 'csl-json']);
    const items = JSON.parse(out.stdout) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(500);
    expect(items.flatMap(cslProblems)).toEqual([]);
    expect(new Set(items.map((i) => i['id'])).size).toBe(items.length);
    expect(items.every((i) => typeof i['URL'] === 'string' && /^https?:\/\//.test(i['URL']))).toBe(true);
  });

  it('the check catches what the schema forbids', () => {
    expect(cslProblems({ id: 'a', type: 'website', URL: 'x', publisher_name: 'p', issued: '2020' })).toEqual([
      'type website is not a CSL type',
      'publisher_name is not a CSL variable',
      'issued is not a CSL date',
    ]);
  });

  it('keys and ids agree, so a BibTeX and a CSL library of the same facts match', async () => {
    const bib = parseBibtex((await rif(['cite', 'jcpoa-2015', '--style', 'bibtex'])).stdout).map((e) => e.key);
    const csl = (JSON.parse((await rif(['cite', 'jcpoa-2015', '--style', 'csl-json'])).stdout) as { id: string }[]).map((i) => i.id);
    expect(csl).toEqual(bib);
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

  it('control characters never reach the terminal, in any style', () => {
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
      sources: [{ url: 'https://example.org/\u0007bell', publisher: 'P\u009b', title: 'T\u0008', title_en: null, published: null, accessed: null }],
      file: '/dev/null',
    };
    for (const style of ['markdown', 'plain', 'bibtex', 'csl-json'] as const) {
      const text = renderCitation([fact], style);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
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
      ['cite', 'treaty-of-gulistan', '--style', 'apa'],
      2,
      /argument 'apa' is invalid\. Allowed choices are markdown, plain, bibtex, csl-json\.\n$/,
    ],
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

  it('--format markdown, plain and json are the styles of those names; a format and a style that disagree are a usage error', async () => {
    for (const [format, style] of [
      ['markdown', 'markdown'],
      ['plain', 'plain'],
      ['json', 'csl-json'],
    ]) {
      expect((await rif(['cite', 'jcpoa-2015', '--format', format!])).stdout).toBe((await rif(['cite', 'jcpoa-2015', '--style', style!])).stdout);
    }
    expect((await rif(['cite', 'jcpoa-2015', '--json'])).stdout).toBe((await rif(['cite', 'jcpoa-2015', '--style', 'csl-json'])).stdout);
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

  it.each(['markdown', 'plain', 'bibtex', 'csl-json'])('--cite %s prints what rif cite --style %s prints', async (style) => {
    const out = await user(['search', 'fishing', 'accord', '--cite', style]);
    expect(out.stdout).toBe((await user(['cite', 'cite-treaty', '--style', style])).stdout);
  });

  it('takes the style after =, and works as the default command', async () => {
    const out = await rif(['turkmenchay', '--cite=plain']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Treaty of Turkmenchay .* \[1, 2, 3, 4, 5, 6\]\n/);
  });

  it.each([
    ['nothing matches', ['search', 'qqqzzzxxx', '--cite'], 1, /^rif: no facts match "qqqzzzxxx"\n$/],
    ['an unknown style', ['search', 'shahed', '--cite', 'apa'], 2, /Allowed choices are markdown, plain, bibtex, csl-json/],
    ['a listing format as well', ['search', 'shahed', '--cite', '--json'], 2, /--cite prints a citation, not a listing: drop --json/],
  ])('%s → exit %i', async (_, argv, code, message) => {
    const out = await rif(argv);
    expect(out.code).toBe(code);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  });
});
