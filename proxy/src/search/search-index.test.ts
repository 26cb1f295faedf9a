/**
 * Search: each rule of rank.ts on a few hand-made branches, then a table of real-looking queries
 * (typos, the wrong layout, everyday names, abbreviations, unknown words) over the demo network.
 */
import { describe, expect, it } from 'vitest';
import type { Branch } from '#core/branch';
import { makeBranch } from '#core/branch.fixture';
import { generateDemoNetwork } from '../branches/demo/generate';
import { distance } from './fuzzy';
import { otherLayout } from './keyboard';
import { SearchIndex } from './search-index';

function branch(
  id: string,
  city: string,
  street: string,
  house = '1',
  extra: Partial<Branch> = {},
): Branch {
  const region = extra.address?.region ?? (city === 'Саратов' ? 'Саратовская область' : 'Область');
  return makeBranch(id, {
    name: `Отделение ${id}`,
    address: { full: `${id}, ${city}, ${street}, ${house}`, region, city, street, house },
    ...extra,
  });
}

const SMALL = new SearchIndex([
  branch('410012', 'Саратов', 'ул. Московская', '28'),
  branch('410013', 'Саратов', 'пр-т Кирова', '5'),
  branch('412000', 'Сартово', 'ул. Полевая'),
  branch('197000', 'Санкт-Петербург', 'Невский пр-т', '28', {
    address: {
      full: '',
      region: 'Санкт-Петербург',
      city: 'Санкт-Петербург',
      street: 'Невский пр-т',
      house: '28',
    },
    location: { lat: 59.93, lon: 30.33 },
  }),
  branch('197001', 'Питерка', 'ул. Ленина', '2', { location: { lat: 50.7, lon: 47.4 } }),
  branch('101000', 'Москва', 'ул. Тверская', '7', {
    address: { full: '', region: 'Москва', city: 'Москва', street: 'ул. Тверская', house: '7' },
    location: { lat: 55.76, lon: 37.6 },
  }),
  branch('101001', 'Москва', 'ул. Арбат', '1', {
    address: { full: '', region: 'Москва', city: 'Москва', street: 'ул. Арбат', house: '1' },
    location: { lat: 55.75, lon: 37.59 },
  }),
  branch('170000', 'Тверь', 'ул. Советская', '3', {
    address: {
      full: '',
      region: 'Тверская область',
      city: 'Тверь',
      street: 'ул. Советская',
      house: '3',
    },
  }),
]);

const ids = (q: string, near?: { lon: number; lat: number }) =>
  SMALL.find(q, { limit: 10, ...(near ? { near } : {}) }).hits.map((h) => h.branch.id);

describe('search ranking, rule by rule', () => {
  it('puts an exact postal code above everything, and keeps postal codes exact or prefix', () => {
    expect(ids('410012')[0]).toBe('410012');
    expect(ids('4100')).toEqual(['410012', '410013']);
    expect(ids('410099')).toEqual([]); // no typo tolerance for numbers
  });

  it('ranks whole words over starts of words over typos', () => {
    // "Сартово" is a whole word; Саратов is one edit away from "сартов", and second.
    expect(ids('Сартово')).toEqual(['412000']);
    expect(ids('Сартов')).toEqual(['412000', '410012', '410013']);
  });

  it('scales typos to the word: none up to 3 letters, one from 4, two from 8', () => {
    expect(distance('sratov', 'saratov', 1)).toBe(1);
    expect(ids('Срт')).toEqual([]);
    expect(ids('Сратов')).toEqual(['410012', '410013']);
    expect(ids('Срaтв')).toEqual([]); // 5 letters, two edits
    expect(ids('Санкт-Петрбурк')).toEqual(['197000']); // two edits in a long word
    // A swap of two letters is one edit.
    expect(ids('Сараотв')).toEqual(['410012', '410013']);
  });

  it('counts an alias as a whole word: питер is Санкт-Петербург before Питерка', () => {
    expect(ids('питер')).toEqual(['197000', '197001']);
    expect(ids('СПб')).toEqual(['197000']);
    expect(ids('С.-Пб. Невский 28')).toEqual(['197000']);
    expect(SMALL.find('питер', { limit: 5 }).places.map((p) => p.name)).toEqual([
      'Санкт-Петербург',
      'Питерка',
    ]);
  });

  it('reads a query typed on the other layout, before tokenising', () => {
    expect(otherLayout('cfhfnjd')).toBe('саратов');
    expect(otherLayout('Vjcrdf')).toBe('Москва');
    expect(otherLayout('ndthcrfz')).toBe('тверская');
    expect(otherLayout('gtnhjgfdkjdcr-rfvxfncrbq')).toBe('петропавловск-камчатский');
    expect(otherLayout(';erjdcrbq')).toBe('жуковский'); // ж on the semicolon
    expect(otherLayout('[f,fhjdcr')).toBe('хабаровск'); // х and б on [ and ,
    expect(otherLayout('ьщысщц')).toBe('moscow');
    expect(otherLayout('Moscow Москва')).toBeNull(); // both alphabets: meant as typed
    const found = SMALL.find('cfhfnjd', { limit: 5 });
    expect(found.layout).toBe('саратов');
    expect(found.hits.map((h) => h.branch.id)).toEqual(['410012', '410013']);
  });

  it('understands street and address abbreviations on both sides', () => {
    expect(ids('Саратов проспект Кирова 5')).toEqual(['410013']);
    expect(ids('г. Саратов, пр-т Кирова, д. 5')).toEqual(['410013']);
    expect(ids('Невский проспект 28')).toEqual(['197000']);
    expect(ids('ул Тверская д 7 г Москва')).toEqual(['101000']);
  });

  it('keeps the largest set of words with a result, town words first, and names the rest', () => {
    const found = SMALL.find('Москва Тверская 99 Арбатская', { limit: 5 });
    expect(found.hits.map((h) => h.branch.id)).toEqual(['101000']);
    expect(found.unmatched).toEqual(['99', 'Арбатская']);
    // No Советская in Москва: Москва (a town) is kept, not Советская.
    const town = SMALL.find('Москва Советская', { limit: 5 });
    expect(town.unmatched).toEqual(['Советская']);
    expect(town.places.map((p) => p.name)).toEqual(['Москва']);
    expect(town.hits.map((h) => h.branch.id).sort()).toEqual(['101000', '101001']);
    // A house number is not kept without its street.
    expect(SMALL.find('Москва Ленинградский 28', { limit: 5 }).unmatched).toEqual([
      'Ленинградский',
      '28',
    ]);
  });

  it('names the words after the eighth as left out, never drops them silently', () => {
    const found = SMALL.find(`${'Москва '.repeat(8)}ул. Арбат`, { limit: 5 });
    expect(found.hits.map((h) => h.branch.id).sort()).toEqual(['101000', '101001']);
    expect(found.unmatched).toEqual(['Арбат']);
  });

  it('ranks a town kept alone by distance from its centre, not from the map', () => {
    const far = { lon: 37.0, lat: 55.0 };
    const found = SMALL.find('Москва Покровка', { limit: 5, near: far });
    const centre = found.places[0]!;
    expect(found.hits.map((h) => h.distance)).toEqual(
      [...found.hits.map((h) => h.distance)].sort((a, b) => a! - b!),
    );
    expect(found.hits[0]!.distance).toBeLessThan(2000);
    expect(centre.name).toBe('Москва');
  });

  it('breaks ties by distance from near', () => {
    expect(ids('Москва', { lon: 37.59, lat: 55.75 })).toEqual(['101001', '101000']);
    expect(ids('Москва', { lon: 37.6, lat: 55.76 })).toEqual(['101000', '101001']);
  });

  it('ranks towns by points, then by size', () => {
    expect(SMALL.find('са', { limit: 5 }).places.map((p) => p.name)).toEqual([
      'Саратов',
      'Санкт-Петербург',
      'Сартово',
    ]);
  });
});

describe('search over the demo network: what buyers type', () => {
  const network = generateDemoNetwork();
  const index = new SearchIndex(network);
  const near = { lon: 37.62, lat: 55.75 }; // a map left on Moscow

  it.each([
    // [query, the first town suggested]; the first result is in one of the towns suggested
    ['Сартов', 'Саратов'],
    ['Саратв', 'Саратов'],
    ['Владивасток', 'Владивосток'],
    ['Екатеренбург', 'Екатеринбург'],
    ['Новосибирс', 'Новосибирск'],
    ['cfhfnjd', 'Саратов'],
    ['Vjcrdf', 'Москва'],
    ['ьщысщц', 'Москва'],
    ['cg,', 'Санкт-Петербург'],
    ['СПб', 'Санкт-Петербург'],
    ['Питер', 'Санкт-Петербург'],
    ['Екб', 'Екатеринбург'],
    ['МСК', 'Москва'],
    ['НН', 'Нижний Новгород'],
    ['Н. Новгород', 'Нижний Новгород'],
    ['Ростов на Дону', 'Ростов-на-Дону'],
    ['Ростов н/Д', 'Ростов-на-Дону'],
    ['yekaterinburg', 'Екатеринбург'],
    ['ekaterinburg', 'Екатеринбург'],
    ['nizhniy novgorod', 'Нижний Новгород'],
    ['saint petersburg', 'Санкт-Петербург'],
    ['Москва Тверская', 'Москва'],
    ['Санкт-Петербург Невский 28', 'Санкт-Петербург'],
  ])('%s → %s', (q, town) => {
    const found = index.find(q, { limit: 10, near });
    expect(found.places[0]?.name).toBe(town);
    expect(found.places.map((p) => p.name)).toContain(found.hits[0]?.branch.address.city);
  });

  it('answers Москва Тверская with Москва, nearest its centre, and says Тверская was left out', () => {
    const found = index.find('Москва Тверская', { limit: 10, near: { lon: 30, lat: 60 } });
    expect(found.unmatched).toEqual(['Тверская']);
    expect(found.hits.every((h) => h.branch.address.city === 'Москва')).toBe(true);
    expect(found.hits[0]!.distance).toBeLessThan(10_000);
  });

  it('finds every town of the network by its name with one letter wrong', () => {
    const towns = [...new Set(network.map((b) => b.address.city))].filter((t) => t.length >= 6);
    const sample = towns.filter((_, i) => i % 40 === 0);
    const missed = sample.filter((town) => {
      // The third letter doubled: one edit.
      const typo = town.slice(0, 3) + town[2] + town.slice(3);
      const found = index.find(typo, { limit: 50 });
      return !found.places.some((p) => p.name === town);
    });
    expect(missed).toEqual([]);
    expect(sample.length).toBeGreaterThan(50);
  });
});
