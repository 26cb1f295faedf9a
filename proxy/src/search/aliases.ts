/**
 * The names people use every day for towns, and the English names of the largest, which no
 * transliteration would reach. Each alias (as `normalize` leaves it: lower case, е for ё, words
 * split at punctuation) stands for the town of that name in the data, and counts as an exact word,
 * so `питер` is Санкт-Петербург before Питерка. One or several words: `н новгород` is what
 * "Н. Новгород" and "Н.Новгород" become. Names whose words already match (Петербург, Ростов на
 * Дону, Набережные Челны) need no alias.
 */
export const TOWN_ALIASES: Readonly<Record<string, string>> = {
  // Санкт-Петербург
  спб: 'Санкт-Петербург',
  'с пб': 'Санкт-Петербург',
  'с петербург': 'Санкт-Петербург',
  питер: 'Санкт-Петербург',
  ленинград: 'Санкт-Петербург',
  spb: 'Санкт-Петербург',
  piter: 'Санкт-Петербург',
  petersburg: 'Санкт-Петербург',
  'st petersburg': 'Санкт-Петербург',
  'saint petersburg': 'Санкт-Петербург',
  // Москва
  мск: 'Москва',
  msk: 'Москва',
  moscow: 'Москва',
  // Екатеринбург
  екб: 'Екатеринбург',
  ебург: 'Екатеринбург',
  екат: 'Екатеринбург',
  свердловск: 'Екатеринбург',
  ekb: 'Екатеринбург',
  // Нижний Новгород
  нн: 'Нижний Новгород',
  'н новгород': 'Нижний Новгород',
  'нижн новгород': 'Нижний Новгород',
  'нижний н': 'Нижний Новгород',
  горький: 'Нижний Новгород',
  // Ростов-на-Дону
  рнд: 'Ростов-на-Дону',
  'ростов н д': 'Ростов-на-Дону',
  ростовнадону: 'Ростов-на-Дону',
  // Others with a name in everyday use
  нск: 'Новосибирск',
  новосиб: 'Новосибирск',
  челяба: 'Челябинск',
  крд: 'Краснодар',
  кениг: 'Калининград',
  кенигсберг: 'Калининград',
};

/** The longest alias, in words: how far ahead a phrase is looked for. */
export const LONGEST_ALIAS = Math.max(...Object.keys(TOWN_ALIASES).map((a) => a.split(' ').length));
