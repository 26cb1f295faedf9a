/**
 * Text as search compares it: lower case, ё as е, punctuation as spaces, address words such as
 * "ул." or "д." dropped, and every word reduced to a Latin "skeleton" that a Cyrillic spelling and
 * its romanisations share (Саратов, saratov; Тольятти, tolyatti, toljatti; Щёлково, shchelkovo,
 * schelkovo), so that a buyer typing in either alphabet finds the same branches.
 */

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Romanisation variants folded to one spelling, longest first. */
const FOLDS: readonly [RegExp, string][] = [
  [/shch|sch/g, 's'],
  [/sh/g, 's'],
  [/zh/g, 'z'],
  [/kh/g, 'h'],
  [/ch|tch/g, 'c'],
  [/ts|tz/g, 'c'],
  [/[yji]u/g, 'u'],
  [/[yji]a/g, 'a'],
  [/[yji]o/g, 'o'],
  [/[yj]e/g, 'e'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/[yj]/g, 'i'],
  [/ii|iy|yi/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** Words that say what kind of place or street follows; they carry nothing to match on. */
const STOPWORDS = new Set([
  'ул',
  'улица',
  'пр',
  'проспект',
  'пер',
  'переулок',
  'д',
  'дом',
  'г',
  'город',
  'с',
  'село',
  'п',
  'пос',
  'поселок',
  'пгт',
  'рп',
  'дер',
  'деревня',
  'обл',
  'область',
  'край',
  'респ',
  'республика',
  'корп',
  'корпус',
  'к',
  'стр',
  'строение',
  'ш',
  'шоссе',
  'бульвар',
  'пл',
  'площадь',
  'наб',
  'набережная',
  'мкр',
  'микрорайон',
  'район',
  'ao',
  'ul',
  'ulitsa',
  'street',
  'st',
  'prospekt',
  'pr',
  'pereulok',
  'dom',
  'gorod',
  'g',
  'oblast',
  'obl',
]);

/**
 * Abbreviations with a hyphen (пр-т, пр-кт, б-р, р-н, пр-д), dropped before words are split at
 * hyphens, which would leave stray letters ("б", "р") to match on.
 */
const HYPHENATED = /(?<![\p{L}\p{N}])(?:пр-кт|пр-т|б-р|р-н|пр-д)(?![\p{L}\p{N}])/giu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Lower case, ё→е, hyphenated abbreviations dropped, anything but letters and digits to spaces. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(HYPHENATED, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of `text` as typed (for telling the buyer which were left out) and normalised. */
export function tokens(text: string): { typed: string; word: string }[] {
  return text
    .replace(HYPHENATED, ' ')
    .split(SEPARATORS)
    .filter(Boolean)
    .map((typed) => ({ typed, word: typed.toLowerCase().replace(/ё/g, 'е') }));
}

/** Whether a normalised word only says what kind of place or street follows. */
export const isStopword = (word: string): boolean => STOPWORDS.has(word);

/** The words worth matching on, normalised, address kinds dropped. */
export function words(text: string): string[] {
  return normalize(text)
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w));
}

const skeletons = new Map<string, string>();
/** Distinct words are few (towns, streets): computing each skeleton once makes indexing fast. */
const SKELETON_CACHE_LIMIT = 200_000;

/** A word's alphabet-independent key: `Саратов` and `saratov` both give `saratov`. */
export function skeleton(word: string): string {
  const cached = skeletons.get(word);
  if (cached !== undefined) return cached;
  const key = computeSkeleton(word);
  if (skeletons.size < SKELETON_CACHE_LIMIT) skeletons.set(word, key);
  return key;
}

function computeSkeleton(word: string): string {
  let latin = '';
  for (const ch of word) latin += CYRILLIC_TO_LATIN[ch] ?? ch;
  for (const [pattern, replacement] of FOLDS) latin = latin.replace(pattern, replacement);
  return latin;
}
