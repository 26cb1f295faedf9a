/**
 * The configurator's words, in Russian and English: sections, fields, choices and messages a
 * merchant reads. Fields are keyed by the option's name in the widget's options table; an option the
 * table gains later and this file does not know yet is shown with the table's own description.
 */
import type { OptionKey } from '#core/options';

export type UiLang = 'ru' | 'en';

interface FieldWords {
  label: string;
  hint?: string;
  choices?: Record<string, string>;
}

export interface UiWords {
  title: string;
  intro: string;
  language: string;
  sections: Record<
    'shipment' | 'branches' | 'appearance' | 'behaviour' | 'pricing' | 'sites' | 'other',
    string
  >;
  fields: Partial<Record<OptionKey, FieldWords>>;
  appearance: Record<'primary' | 'radius' | 'font' | 'height', FieldWords>;
  pricing: Record<
    | 'showPrice'
    | 'markupPercent'
    | 'markupFixed'
    | 'roundTo'
    | 'roundMode'
    | 'freeAbove'
    | 'extraDays',
    FieldWords
  >;
  sites: Record<'allowedOrigins' | 'allowedReturnUrls' | 'pochtaWidgetId' | 'name', FieldWords>;
  startSearch: string;
  startSearchButton: string;
  startNone: string;
  startAt: string;
  startNotFound: string;
  startClear: string;
  senderChecking: string;
  senderUnknown: string;
  /** After the choice a widget makes when none is set. */
  byDefault: string;
  preview: string;
  desktop: string;
  phone: string;
  light: string;
  dark: string;
  save: string;
  saving: string;
  saved: string;
  unsaved: string;
  saveFirst: string;
  tokenOnce: string;
  tokenLabel: string;
  idLabel: string;
  copy: string;
  copied: string;
  openTestPage: string;
  outputs: Record<'script' | 'npm' | 'iframe' | 'webview' | 'pochta', string>;
  outputsTitle: string;
  versions: string;
  restore: string;
  version: string;
  openSaved: string;
  open: string;
  exportJson: string;
  importJson: string;
  newConfig: string;
  rotateToken: string;
  conflict: string;
  loadSaved: string;
  fixFirst: string;
  problem: string;
  invalid: string;
}

const ru: UiWords = {
  title: 'Конструктор виджета выбора пункта выдачи',
  intro:
    'Настройте виджет: предпросмотр меняется сразу. Сохраните и получите код для сайта, приложения или iframe.',
  language: 'Язык конструктора',
  sections: {
    shipment: 'Отправление',
    branches: 'Пункты',
    appearance: 'Внешний вид',
    behaviour: 'Поведение',
    pricing: 'Стоимость',
    sites: 'Сайты и приложения',
    other: 'Другое',
  },
  fields: {
    from: {
      label: 'Индекс отправителя',
      hint: 'Шесть цифр: с ним карточка пункта показывает стоимость и срок.',
    },
    service: {
      label: 'Способ отправки',
      choices: {
        parcel: 'Посылка',
        'parcel-online': 'Посылка онлайн',
        'courier-online': 'Курьер онлайн',
        ems: 'EMS',
        'first-class': 'Посылка 1 класса',
        ecom: 'ЕКОМ',
      },
    },
    weight: { label: 'Вес посылки по умолчанию, г', hint: 'Целое число граммов, от 1 до 50 000.' },
    size: { label: 'Размер посылки, см', hint: 'Длина × ширина × высота, например 30x20x10.' },
    value: { label: 'Объявленная ценность, ₽' },
    cod: { label: 'Наложенный платёж, ₽', hint: 'Оставьте пустым, если его нет.' },
    types: {
      label: 'Какие пункты показывать',
      choices: {
        post_office: 'Отделения',
        parcel_locker: 'Почтоматы',
        pickup_point: 'Пункты выдачи',
      },
    },
    filters: {
      label: 'Фильтры для покупателя',
      choices: {
        types: 'Типы пунктов',
        'open-now': 'Открыто сейчас',
        card: 'Оплата картой',
        cod: 'Наложенный платёж',
        weekends: 'Работает в выходные',
        fits: 'Посылка поместится',
      },
    },
    zoom: { label: 'Масштаб карты в начале', hint: 'От 0 (весь мир) до 20 (дом).' },
    selected: { label: 'Пункт, открытый сразу', hint: 'Индекс или код пункта.' },
    mapStyle: { label: 'Своя подложка карты (URL стиля MapLibre)' },
    theme: { label: 'Тема', choices: { light: 'Светлая', dark: 'Тёмная', auto: 'Как в системе' } },
    lang: { label: 'Язык виджета', choices: { ru: 'Русский', en: 'English' } },
    mode: {
      label: 'Как показывать',
      choices: { inline: 'В странице', modal: 'Окном поверх страницы' },
    },
    noList: { label: 'Без списка пунктов' },
    noSearch: { label: 'Без поиска' },
    noGeolocation: { label: 'Без кнопки «Рядом со мной»' },
    noRemember: { label: 'Не запоминать последний выбор покупателя' },
    history: { label: 'Кнопка «Назад» закрывает карточку и список' },
    phoneStart: {
      label: 'На телефоне сначала показывать',
      choices: { map: 'Карту', list: 'Список' },
    },
  },
  appearance: {
    primary: {
      label: 'Основной цвет',
      hint: 'Кнопки, выбранные фильтры, группы на карте. Надписи на светлом цвете станут тёмными, чтобы их было легко прочесть.',
    },
    radius: { label: 'Скругление углов, px' },
    font: { label: 'Шрифт', hint: 'Названия через запятую, например «PT Sans, sans-serif».' },
    height: { label: 'Высота, px', hint: 'От 240 до 1600.' },
  },
  pricing: {
    showPrice: { label: 'Показывать стоимость и срок доставки' },
    markupPercent: { label: 'Наценка, %' },
    markupFixed: { label: 'Наценка, ₽' },
    roundTo: { label: 'Округлять до, ₽', hint: '0 — не округлять.' },
    roundMode: { label: 'Как округлять', choices: { up: 'Вверх', nearest: 'До ближайшего' } },
    freeAbove: {
      label: 'Бесплатно от суммы заказа, ₽',
      hint: 'Оставьте пустым, если бесплатной доставки нет.',
    },
    extraDays: { label: 'Дней на сборку заказа' },
  },
  sites: {
    allowedOrigins: {
      label: 'Сайты, где работает виджет',
      hint: 'По одному на строку: схема, домен и порт, например https://shop.ru',
    },
    allowedReturnUrls: {
      label: 'Адреса возврата для приложений',
      hint: 'По одному на строку, например myshop://picked или https://shop.ru/checkout/',
    },
    pochtaWidgetId: {
      label: 'Номер виджета widget.pochta.ru, который заменяем',
      hint: 'Необязательно: тогда ecomStartWidget({id}) возьмёт эти настройки.',
    },
    name: { label: 'Название настройки', hint: 'Для вас: например «Полка — Москва».' },
  },
  startSearch: 'Город или индекс, откуда начинать карту',
  startSearchButton: 'Найти',
  startNone: 'Вся страна',
  startAt: 'Начинать с: {place}',
  startNotFound: 'Не нашли «{query}»: попробуйте город или индекс',
  startClear: 'Вся страна',
  senderChecking: 'Проверяем индекс…',
  senderUnknown: 'В справочнике нет отделения с этим индексом: проверьте цифры',
  byDefault: '(по умолчанию)',
  preview: 'Предпросмотр',
  desktop: 'Компьютер',
  phone: 'Телефон',
  light: 'Светлая',
  dark: 'Тёмная',
  save: 'Сохранить',
  saving: 'Сохраняем…',
  saved: 'Сохранено: версия {version}',
  unsaved: 'Есть несохранённые изменения',
  saveFirst: 'Сохраните настройку, чтобы получить код.',
  tokenOnce:
    'Ключ владельца показан один раз. Сохраните его: без него настройку нельзя изменить с другого компьютера.',
  tokenLabel: 'Ключ владельца',
  idLabel: 'Номер настройки',
  copy: 'Копировать',
  copied: 'Скопировано',
  openTestPage: 'Открыть тестовую страницу',
  outputs: {
    script: 'Код для сайта',
    npm: 'Для сборки (npm)',
    iframe: 'Во фрейме',
    webview: 'Адрес для приложения',
    pochta: 'Вместо widget.pochta.ru',
  },
  outputsTitle: 'Код для вставки',
  versions: 'Версии',
  restore: 'Вернуть эту версию',
  version: 'Версия {version}, {date}',
  openSaved: 'Открыть сохранённую настройку',
  open: 'Открыть',
  exportJson: 'Скачать JSON',
  importJson: 'Загрузить из JSON',
  newConfig: 'Новая настройка',
  rotateToken: 'Новый ключ владельца',
  conflict:
    'Настройку уже изменили в другой вкладке или на другом компьютере. Загрузите сохранённую версию, затем повторите изменения.',
  loadSaved: 'Загрузить сохранённую версию',
  fixFirst: 'Исправьте отмеченные поля.',
  problem: 'Не получилось: {detail}',
  invalid: 'Проверьте значение',
};

const en: UiWords = {
  title: 'Pickup point widget builder',
  intro:
    'Shape the widget and watch the preview change as you go; save it to get the code for a site, an app or an iframe.',
  language: 'Builder language',
  sections: {
    shipment: 'Shipment',
    branches: 'Branches',
    appearance: 'Appearance',
    behaviour: 'Behaviour',
    pricing: 'Pricing',
    sites: 'Sites and apps',
    other: 'Other',
  },
  fields: {
    from: {
      label: "Sender's postal code",
      hint: 'Six digits: with it, a branch card shows the cost and delivery time.',
    },
    service: {
      label: 'Mail service',
      choices: {
        parcel: 'Parcel',
        'parcel-online': 'Parcel online',
        'courier-online': 'Courier online',
        ems: 'EMS',
        'first-class': 'First-class parcel',
        ecom: 'ECOM',
      },
    },
    weight: { label: 'Default parcel weight, g', hint: 'Whole grams, 1 to 50,000.' },
    size: { label: 'Parcel size, cm', hint: 'Length × width × height, such as 30x20x10.' },
    value: { label: 'Declared value, ₽' },
    cod: { label: 'Cash on delivery, ₽', hint: 'Leave empty when there is none.' },
    types: {
      label: 'Branches to show',
      choices: {
        post_office: 'Post offices',
        parcel_locker: 'Lockers',
        pickup_point: 'Pickup points',
      },
    },
    filters: {
      label: 'Filters offered to the buyer',
      choices: {
        types: 'Branch types',
        'open-now': 'Open now',
        card: 'Card payment',
        cod: 'Cash on delivery',
        weekends: 'Open at weekends',
        fits: 'Parcel fits',
      },
    },
    zoom: { label: 'Starting zoom', hint: '0 (the world) to 20 (a building).' },
    selected: { label: 'Branch open at start', hint: 'Its postal code or id.' },
    mapStyle: { label: 'Your own basemap (MapLibre style URL)' },
    theme: { label: 'Theme', choices: { light: 'Light', dark: 'Dark', auto: 'Follow the system' } },
    lang: { label: 'Widget language', choices: { ru: 'Русский', en: 'English' } },
    mode: { label: 'How it shows', choices: { inline: 'In the page', modal: 'In a dialog' } },
    noList: { label: 'No list of branches' },
    noSearch: { label: 'No search' },
    noGeolocation: { label: 'No “near me” button' },
    noRemember: { label: "Don't remember the buyer's last choice" },
    history: { label: 'Back button closes the card and the list' },
    phoneStart: { label: 'On a phone, show first', choices: { map: 'The map', list: 'The list' } },
  },
  appearance: {
    primary: {
      label: 'Primary colour',
      hint: 'Buttons, pressed filters, clusters on the map. Labels on a light colour turn dark, so that they stay easy to read.',
    },
    radius: { label: 'Corner radius, px' },
    font: { label: 'Font', hint: 'Font names separated by commas, such as “PT Sans, sans-serif”.' },
    height: { label: 'Height, px', hint: '240 to 1600.' },
  },
  pricing: {
    showPrice: { label: 'Show cost and delivery time' },
    markupPercent: { label: 'Markup, %' },
    markupFixed: { label: 'Markup, ₽' },
    roundTo: { label: 'Round to, ₽', hint: '0 leaves kopecks.' },
    roundMode: { label: 'Rounding', choices: { up: 'Up', nearest: 'To the nearest' } },
    freeAbove: { label: 'Free shipping from an order of, ₽', hint: 'Leave empty for none.' },
    extraDays: { label: 'Days to pack the order' },
  },
  sites: {
    allowedOrigins: {
      label: 'Sites where the widget works',
      hint: 'One per line: scheme, domain and port, such as https://shop.example',
    },
    allowedReturnUrls: {
      label: 'Return addresses for apps',
      hint: 'One per line, such as myshop://picked or https://shop.example/checkout/',
    },
    pochtaWidgetId: {
      label: 'widget.pochta.ru widget number this replaces',
      hint: 'Optional: ecomStartWidget({id}) then takes these settings.',
    },
    name: { label: 'Name of this configuration', hint: 'For you: such as “Polka — Moscow”.' },
  },
  startSearch: 'Town or postal code the map starts at',
  startSearchButton: 'Find',
  startNone: 'The whole country',
  startAt: 'Starts at: {place}',
  startNotFound: 'Nothing found for “{query}”: try a town or a postal code',
  startClear: 'The whole country',
  senderChecking: 'Checking the postal code…',
  senderUnknown: 'No branch in the directory has this postal code: check the digits',
  byDefault: '(default)',
  preview: 'Preview',
  desktop: 'Desktop',
  phone: 'Phone',
  light: 'Light',
  dark: 'Dark',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved: version {version}',
  unsaved: 'There are unsaved changes',
  saveFirst: 'Save the configuration to get the code.',
  tokenOnce:
    'The owner key is shown this once. Keep it: without it the configuration cannot be changed from another computer.',
  tokenLabel: 'Owner key',
  idLabel: 'Configuration id',
  copy: 'Copy',
  copied: 'Copied',
  openTestPage: 'Open a test page',
  outputs: {
    script: 'Code for a site',
    npm: 'For a build (npm)',
    iframe: 'In an iframe',
    webview: 'Address for an app',
    pochta: 'Instead of widget.pochta.ru',
  },
  outputsTitle: 'Code to paste',
  versions: 'Versions',
  restore: 'Restore this version',
  version: 'Version {version}, {date}',
  openSaved: 'Open a saved configuration',
  open: 'Open',
  exportJson: 'Download JSON',
  importJson: 'Load from JSON',
  newConfig: 'New configuration',
  rotateToken: 'New owner key',
  conflict:
    'The configuration was changed in another tab or on another computer. Load the saved version, then make your changes again.',
  loadSaved: 'Load the saved version',
  fixFirst: 'Correct the marked fields.',
  problem: 'That did not work: {detail}',
  invalid: 'Check this value',
};

export const WORDS: Record<UiLang, UiWords> = { ru, en };

/** Replaces `{name}` placeholders. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
