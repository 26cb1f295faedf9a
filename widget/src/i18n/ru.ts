import type { Catalog } from './catalog';

/** Russian, the default language. */
export const ru: Catalog = {
  locale: 'ru-RU',
  typeName: {
    post_office: 'Почтовое отделение',
    parcel_locker: 'Почтомат',
    pickup_point: 'Пункт выдачи',
  },
  branches: { one: 'пункт', few: 'пункта', many: 'пунктов', other: 'пункта' },
  mapLabel: 'Карта пунктов выдачи',
  inView: 'На карте {count}',
  noneInView: 'В этой части карты пунктов нет',
  loading: 'Загружаем пункты выдачи…',
  loadFailed: 'Не удалось загрузить пункты выдачи.',
  retry: 'Повторить',
  clusterLabel: 'Группа: {count}. Приблизить',
  branchLabel: '{type} {code}',
  choose: 'Выбрать этот пункт',
  chosen: 'Пункт выбран',
  close: 'Закрыть',
  postalCode: 'Индекс',
  detailsLoading: 'Загружаем сведения о пункте…',
  detailsFailed: 'Не удалось загрузить сведения о пункте.',
  zoomIn: 'Приблизить',
  zoomOut: 'Отдалить',
};
