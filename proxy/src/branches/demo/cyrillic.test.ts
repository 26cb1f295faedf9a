import { describe, expect, it } from 'vitest';
import { toCyrillic } from './cyrillic';

describe('town names back in Cyrillic', () => {
  it.each([
    ['Saratov', 'Саратов'],
    ['Yekaterinburg', 'Екатеринбург'],
    ['Nizhniy Novgorod', 'Нижний Новгород'],
    ['Tol’yatti', 'Тольятти'],
    ['Staryy Oskol', 'Старый Оскол'],
    ['Naberezhnyye Chelny', 'Набережные Челны'],
    ['Rostov-na-Donu', 'Ростов-на-Дону'],
    ['Orël', 'Орёл'],
    ['Elista', 'Элиста'],
    ['Prokop’yevsk', 'Прокопьевск'],
    ['Maykop', 'Майкоп'],
    ['Podolsk', 'Подольск'],
    ['Leninsk-Kuznetsky', 'Ленинск-Кузнецкий'],
    ['Kazan', 'Казань'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(toCyrillic(latin)).toBe(cyrillic);
  });
});
