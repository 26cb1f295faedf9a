/**
 * A query as the index reads it: its words, each as typed and as a key (a skeleton, or digits),
 * with the everyday town names (aliases.ts) recognised first, over one or several words, and the
 * words that only say what kind of street or place follows dropped.
 */
import { LONGEST_ALIAS, TOWN_ALIASES } from './aliases';
import { isStopword, normalize, skeleton, tokens } from './text';

/** More words than this are left out: nobody types an address that long into a search box. */
export const MAX_TERMS = 8;

export interface Term {
  /** The word (or alias phrase) as the buyer typed it. */
  typed: string;
  /** What it is looked up by: its skeleton, or its digits; empty for an alias of several words. */
  key: string;
  digits: boolean;
  /** Letters (or digits) of the normalised word: what typo tolerance is scaled to. */
  letters: number;
  /** The query's last word, perhaps still being typed: it matches the start of words too. */
  last: boolean;
  /** For an alias: the normalised name of the town it stands for. */
  alias?: string;
}

const DIGITS = /^\d+$/;

/** The query's terms, and the words after the last one taken (as typed), left out. */
export function parseQuery(query: string): { terms: Term[]; beyond: string[] } {
  const list = tokens(query);
  const terms: Term[] = [];
  let i = 0;
  for (; i < list.length && terms.length < MAX_TERMS;) {
    let alias: { town: string; length: number } | undefined;
    for (let n = Math.min(LONGEST_ALIAS, list.length - i); n >= 1 && !alias; n--) {
      const phrase = list
        .slice(i, i + n)
        .map((t) => t.word)
        .join(' ');
      const town = TOWN_ALIASES[phrase];
      if (town) alias = { town: normalize(town), length: n };
    }
    const last = i + (alias?.length ?? 1) === list.length;
    if (alias) {
      const words = list.slice(i, i + alias.length);
      const single = alias.length === 1 ? words[0]!.word : '';
      terms.push({
        typed: words.map((t) => t.typed).join(' '),
        key: single ? skeleton(single) : '',
        digits: false,
        letters: single.length,
        last,
        alias: alias.town,
      });
      i += alias.length;
      continue;
    }
    const { typed, word } = list[i]!;
    i++;
    if (isStopword(word)) continue;
    const digits = DIGITS.test(word);
    terms.push({ typed, key: digits ? word : skeleton(word), digits, letters: word.length, last });
  }
  const beyond = list
    .slice(i)
    .filter((t) => !isStopword(t.word))
    .map((t) => t.typed);
  return { terms, beyond };
}
