// The facts to cite with their sentences and the sources chosen for each, every page once across them.
import type { Fact } from '../facts/types.js';
import { baseKey, pageIdentity } from './cite-keys.js';
import { citationSentence } from './cite-sentence.js';
import { citedTitle, type Citation, type CitedSource } from './cited-source.js';

/** Which of a fact's sources a citation uses: these numbers (from 1, as rif show numbers them), or the first `max`. */
type SourceChoice = { readonly numbers: readonly number[] } | { readonly max: number };

/** The sources a choice picks from a fact's list, in the order asked (numbers) or the fact's (max). */
function chosenSources<T>(sources: readonly T[], choice: SourceChoice): T[] {
  return 'numbers' in choice ? choice.numbers.map((n) => sources[n - 1]!) : sources.slice(0, choice.max);
}

export interface CollectOptions {
  readonly choice: SourceChoice;
  /** the key of every page of the record, by page identity */
  readonly keys: ReadonlyMap<string, string>;
  /** the access date for sources that have none (--accessed) */
  readonly accessed?: string;
  /** rif's version, which the entry of each fact names */
  readonly version: string;
  /** the date each fact's entry was issued, by fact id (see CitedFact.issued) */
  readonly issued?: ReadonlyMap<string, string>;
}

export function collectCitation(facts: readonly Fact[], options: CollectOptions): Citation {
  const byPage = new Map<string, { source: Fact['sources'][number]; citedFor: string[] }>();
  const cited = facts.map((fact) => {
    const sentence = citationSentence(fact);
    const pages: string[] = [];
    for (const source of chosenSources(fact.sources, options.choice)) {
      const page = pageIdentity(source.url);
      if (pages.includes(page)) continue;
      pages.push(page);
      const entry = byPage.get(page) ?? { source, citedFor: [] };
      byPage.set(page, entry);
      entry.citedFor.push(`rif ${fact.id}: ${sentence}`);
    }
    return { fact, sentence, pages };
  });
  const sources = new Map<string, CitedSource>();
  for (const [page, { source, citedFor }] of byPage) {
    sources.set(page, {
      ...source,
      title: source.title === null ? null : citedTitle(source.title),
      title_en: source.title_en === null ? null : citedTitle(source.title_en),
      url: source.url.trim(),
      accessed: source.accessed ?? options.accessed ?? null,
      key: options.keys.get(page) ?? baseKey(source),
      number: sources.size + 1,
      note: citedFor.join(' '),
    });
  }
  return {
    facts: cited.map(({ fact, sentence, pages }) => ({
      fact,
      sentence,
      issued: options.issued?.get(fact.id) ?? null,
      sources: pages.map((p) => sources.get(p)!),
    })),
    sources: [...sources.values()],
    version: options.version,
  };
}
