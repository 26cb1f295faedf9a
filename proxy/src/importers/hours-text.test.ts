import { describe, expect, it } from 'vitest';
import {
  clockTime,
  HoursSyntaxError,
  parseDayText,
  parseWeekText,
  parseWorkTimeLines,
} from './hours-text';

describe('hours written as text', () => {
  it.each([
    ['09:00-18:00', { open: '09:00', close: '18:00', breaks: [] }],
    ['9:00 – 18:00', { open: '09:00', close: '18:00', breaks: [] }],
    [
      '09:00-18:00 перерыв 13:00-14:00',
      { open: '09:00', close: '18:00', breaks: [{ from: '13:00', to: '14:00' }] },
    ],
    [
      '08:00-20:00, обед: 12:00-12:30',
      { open: '08:00', close: '20:00', breaks: [{ from: '12:00', to: '12:30' }] },
    ],
    ['круглосуточно', { open: '00:00', close: '24:00', breaks: [] }],
    ['24/7', { open: '00:00', close: '24:00', breaks: [] }],
    ['00:00 - 00:00', { open: '00:00', close: '24:00', breaks: [] }],
    ['10:00-23:59', { open: '10:00', close: '24:00', breaks: [] }],
    ['выходной', null],
    ['', null],
  ])('reads "%s"', (text, expected) => {
    expect(parseDayText(text)).toEqual(expected);
  });

  it.each(['с утра до вечера', '25:00-26:00', '09:00', '09:00-18:00 перерыв'])(
    'refuses "%s", saying what it expects',
    (text) => {
      expect(() => parseDayText(text)).toThrow(HoursSyntaxError);
      expect(() => parseDayText(text)).toThrow(/expected "09:00-18:00"/);
    },
  );

  it('reads the passport’s lines, with day ranges and every day', () => {
    const week = parseWorkTimeLines([
      'пн-пт, открыто: 08:00 - 20:00, перерыв: 13:00 - 14:00',
      'сб, открыто: 09:00 - 15:00',
      'вс, выходной',
    ]);
    expect(week.wed).toEqual({
      open: '08:00',
      close: '20:00',
      breaks: [{ from: '13:00', to: '14:00' }],
    });
    expect(week.sat).toEqual({ open: '09:00', close: '15:00', breaks: [] });
    expect(week.sun).toBeNull();
    expect(parseWorkTimeLines(['ежедневно, круглосуточно']).sun).toEqual({
      open: '00:00',
      close: '24:00',
      breaks: [],
    });
  });

  it('treats days a passport does not list as days off, and says which they were', () => {
    const unnamed: string[][] = [];
    expect(
      parseWorkTimeLines(['вт, открыто: 10:00 - 14:00'], (days) => unnamed.push(days)).mon,
    ).toBeNull();
    expect(unnamed).toEqual([['mon', 'wed', 'thu', 'fri', 'sat', 'sun']]);
  });

  it('refuses "open" with no hours after it, rather than reading a day off', () => {
    expect(() => parseWorkTimeLines(['пн, выходной', 'вт, открыто:'])).toThrow(
      /"вт, открыто:" does not read as hours/,
    );
    expect(() => parseWorkTimeLines(['вт, открыто'])).toThrow(HoursSyntaxError);
  });

  it('reads a week written on one line', () => {
    const week = parseWeekText('пн-пт 10:00-20:00; сб 11:00-17:00');
    expect(week.mon).toEqual({ open: '10:00', close: '20:00', breaks: [] });
    expect(week.sat).toEqual({ open: '11:00', close: '17:00', breaks: [] });
    expect(week.sun).toBeNull();
  });

  it('reads Otpravka clock times', () => {
    expect(clockTime('08:00:00.000')).toBe('08:00');
    expect(clockTime('00:00:00.000', true)).toBe('24:00');
    expect(() => clockTime('eight')).toThrow(/"HH:MM"/);
  });
});
