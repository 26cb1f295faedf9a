import { describe, expect, it } from 'vitest';
import { toCyrillic } from './cyrillic';

describe('town names back in Cyrillic', () => {
  it('reads every town of the demo network as a Russian name could be spelt', async () => {
    const { generateDemoNetwork } = await import('./generate');
    const towns = [...new Set(generateDemoNetwork().map((b) => b.address.city))];
    const odd = towns.filter(
      (t) =>
        /[a-z]/i.test(t) || // Latin left over
        /[аеиоуыюя]э/.test(t.replace('Улан-Удэ', '')) || // э after a vowel: a dropped y
        /(^|[\s-])[ЪЬЫъьы]/.test(t) || // a word starting with a sign or ы
        /ъ($|[\s-])/.test(t) || // a hard sign ending a word: a quote read as one
        /[аеёиоуыэюя]ы|йы|ьь|ъъ/.test(t),
    );
    expect(odd).toEqual([]);
    expect(towns.length).toBeGreaterThan(4000);
  });

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
    ['Vostochnoe Degunino', 'Восточное Дегунино'],
    ['Kievskiy', 'Киевский'],
    ['Zagorskie Dali', 'Загорские Дали'],
    ['Korotchaevo', 'Коротчаево'],
    ['Yubileyny', 'Юбилейный'],
    ['Vodokhranilische', 'Водохранилище'],
    ['Verkh-Suetka', 'Верх-Суетка'],
    ['Bratsk', 'Братск'],
    ['Irkutsk', 'Иркутск'],
    ['Novokuznetsk', 'Новокузнецк'],
    ['Sovetskaya Gavan’', 'Советская Гавань'],
    ['Kamennomostskoye', 'Каменномостское'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(toCyrillic(latin)).toBe(cyrillic);
  });
});
