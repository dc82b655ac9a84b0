// Names as a sentence uses them, mid-sentence: "the Russian Federation", "the CIA", "Qajar Iran",
// "an unnamed source in a Russian special service", "two unnamed Western security officials".
import { oneLine } from './cited-source.js';

/**
 * The nouns that make a name a description, which English writes with "the": the Russian Empire, the
 * Islamic Republic of Iran, the Imperial State of Iran, the Kremlin, the Clinton administration. A name
 * is judged by the head of its first phrase (its last word before "of", "for", "in", "on" or a comma):
 * "Bank of Persia" takes it, "Qajar Iran" not; a railway or an airline does not ("Russian Railways", "Iran Air").
 */
const TAKES_THE = new Set(
  [
    'administration agency alliance army assembly bank board brigade centre center command commission committee company conference corps',
    'cossacks council department duchy duma embassy emirates empire federation fleet flotilla force forces forum front government',
    'institute kingdom khanate kremlin majlis ministry mirror movement navy office organisation organization party republic secretariat',
    'senate service society state states times troops tsardom union university voice',
  ]
    .join(' ')
    .split(' '),
);
/** Initials read as a name of that kind (the CIA, the IAEA, the USSR), and groups named in the plural (the Taliban). */
const NAMES_THE = new Set('CIA EU FSB GCC GRU IAEA IRGC KGB NKVD NSA OGPU P5+1 SCO SVR UN USSR Houthis Taliban'.split(' '));

/**
 * Words that open a description, not a name, and so are lower case mid-sentence: "Unnamed US officials",
 * "Two unnamed Western security officials", "A senior European Union official", "Later writers …",
 * "Open-source analysts". A name's own first word ("The Washington Post") is not among them.
 */
const COMMON_FIRST = new Set(
  'a an another anonymous both earlier eight five four later many nine one open-source other senior several seven six some ten three two unnamed various'.split(
    ' ',
  ),
);

/** Where a name's first phrase ends: "unnamed source | in a Russian special service", "Bank | of Persia". */
const PHRASE_END = /,|\s+(?:of|for|in|on|at|from|to|via|quoted|visiting|speaking)\s+/;

/** "an" before a vowel sound, as far as letters tell: an unnamed, an official, an IAEA; a European, a US. */
const indefinite = (word: string): string => (/^(?:[aio]|e(?!u)|un(?!i))/i.test(word) ? 'an' : 'a');

/**
 * A name as a sentence uses it: with "the" where English puts one ("the Russian Federation", "the CIA",
 * "Qajar Iran"), a description's first word in lower case, and "a" or "an" before a description of one
 * person ("a Tasnim News Agency defence reporter", "an unnamed senior Iranian official").
 */
export function withArticle(name: string): string {
  const words = oneLine(name).split(' ');
  if (COMMON_FIRST.has(words[0]!.toLowerCase())) words[0] = words[0]!.toLowerCase();
  const text = words.join(' ');
  const head = text.replace(/\s*\(.*$/, '');
  if (/^(the|a|an)\s/i.test(head) || /^[A-Z][^\s]*'s\s/.test(head)) return text;
  if (NAMES_THE.has(head)) return `the ${text}`;
  const phrase = head.split(PHRASE_END)[0]!;
  const last = phrase.split(' ').at(-1)!;
  if (/^[A-Z]/.test(phrase) && TAKES_THE.has(last.toLowerCase())) return `the ${text}`;
  // a description ending in one common noun (official, reporter, source) is of one person: "a" or "an"
  if (/^[a-z-]+$/.test(last) && !/s$/.test(last) && phrase.includes(' ')) return `${indefinite(phrase)} ${text}`;
  return text;
}
