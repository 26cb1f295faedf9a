/**
 * A query typed on the wrong keyboard layout, as every Russian user does now and then: the same
 * keys read on the other layout (ЙЦУКЕН and QWERTY), `cfhfnjd` back to `саратов` and `ьщысщц` to
 * `moscow`. Done on the raw query, before it is split into words: х ъ ж э б ю ё sit on
 * `[ ] ; ' , .` and the backtick, which splitting would drop.
 */

// prettier-ignore
const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
// prettier-ignore
const CYRILLIC_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбюё';

const TO_CYRILLIC = new Map<string, string>();
const TO_LATIN = new Map<string, string>();
for (let i = 0; i < LATIN_KEYS.length; i++) {
  TO_CYRILLIC.set(LATIN_KEYS[i]!, CYRILLIC_KEYS[i]!);
  TO_LATIN.set(CYRILLIC_KEYS[i]!, LATIN_KEYS[i]!);
}
// Shifted, where the shifted key is not simply the capital letter.
for (const [latin, cyrillic] of [
  ['{', 'х'],
  ['}', 'ъ'],
  [':', 'ж'],
  ['"', 'э'],
  ['<', 'б'],
  ['>', 'ю'],
  ['~', 'ё'],
] as const)
  TO_CYRILLIC.set(latin, cyrillic);

const HAS_LATIN = /[a-z]/i;
const HAS_CYRILLIC = /[а-яё]/i;

/**
 * `text` read on the other layout, or null when that means nothing: no letters, or letters of both
 * alphabets (a buyer who mixes them meant them). Every comma and full stop becomes б and ю: on the
 * Russian layout those are other keys, so someone typing Russian on the wrong layout has no way
 * to type them (`cg,` is спб); a Latin query that meant them as punctuation matches as typed.
 */
export function otherLayout(text: string): string | null {
  const latin = HAS_LATIN.test(text);
  const cyrillic = HAS_CYRILLIC.test(text);
  if (latin === cyrillic) return null;
  const table = latin ? TO_CYRILLIC : TO_LATIN;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const mapped = table.get(lower);
    out += mapped === undefined ? ch : ch !== lower ? mapped.toUpperCase() : mapped;
  }
  return out;
}
