import { describe, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { toSelection } from '../events';
import { daysText, toPvzData } from './pvz-data';

describe('the payload widget.pochta.ru sites read', () => {
  const office = makeBranch('410012');
  const quote = {
    cost: { amount: 351.4, currency: 'RUB' as const },
    delivery: { minDays: 2, maxDays: 5 },
    source: 'pochta' as const,
    stale: false,
  };

  it('names an office, its address and the price as Russian Post’s widget does', () => {
    const data = toPvzData(toSelection(office, quote), {
      service: 'parcel-online',
      weight: 1000,
      sumoc: '300000',
    });
    expect(data).toMatchObject({
      id: '410012',
      mailType: 'ONLINE_PARCEL',
      pvzType: 'russian_post',
      indexTo: '410012',
      cashOfDelivery: 35140,
      deliveryDescription: {
        description: '2–5 дней',
        values: { deliveryMin: 2, deliveryMax: 5, extraTimeInHours: 0 },
      },
      regionTo: 'Саратовская область',
      areaTo: null,
      cityTo: 'Саратов',
      addressTo: 'ул. Ленина, 1',
      location: null,
      weight: '1000',
      sumoc: '300000',
    });
    expect(data.branchPicker.branch.id).toBe('410012');
  });

  it('calls lockers postamat and partner points additional_pvz, and services by Russian Post’s names', () => {
    const locker = toPvzData(toSelection(makeBranch('1', { type: 'parcel_locker' }), null), {
      service: 'first-class',
      weight: 500,
      sumoc: '0',
    });
    expect(locker).toMatchObject({
      pvzType: 'postamat',
      mailType: 'PARCEL_CLASS_1',
      cashOfDelivery: null,
      deliveryDescription: null,
    });
    const point = toPvzData(toSelection(makeBranch('2', { type: 'pickup_point' }), null), {
      service: 'ecom',
      weight: 500,
      sumoc: '0',
    });
    expect(point).toMatchObject({ pvzType: 'additional_pvz', mailType: 'ECOM_MARKETPLACE' });
  });

  it.each([
    [1, 1, '1 день'],
    [2, 4, '2–4 дня'],
    [2, 5, '2–5 дней'],
    [21, 21, '21 день'],
    [11, 11, '11 дней'],
  ])('says %i–%i days as “%s”', (min, max, text) => {
    expect(daysText(min, max)).toBe(text);
  });
});
