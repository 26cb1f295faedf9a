import { describe, expect, it } from 'vitest';
import { SentAnswers } from './sent-answers';

const URL = '/api/v1/quote?from=344038&to=115162&weight=100';

function clocked() {
  const clock = { now: 1_000 };
  return { clock, sent: new SentAnswers(() => clock.now) };
}

describe('quotes as sent', () => {
  it('answers a URL with its body until the older answer stops being fresh', () => {
    const { clock, sent } = clocked();
    sent.set(URL, '2026-12-02', 5_000, '{"a":1}');
    expect(sent.get(URL, '2026-12-02')).toBe('{"a":1}');
    clock.now = 4_999;
    expect(sent.get(URL, '2026-12-02')).toBe('{"a":1}');
    clock.now = 5_000;
    expect(sent.get(URL, '2026-12-02')).toBeUndefined();
    // Gone for good: a clock set back does not bring it back.
    clock.now = 1_000;
    expect(sent.get(URL, '2026-12-02')).toBeUndefined();
  });

  it('answers nothing on another tariff date', () => {
    const { sent } = clocked();
    sent.set(URL, '2026-12-02', 5_000, '{"a":1}');
    expect(sent.get(URL, '2026-12-03')).toBeUndefined();
  });

  it('keeps each URL apart, to the byte', () => {
    const { sent } = clocked();
    sent.set(URL, '2026-12-02', 5_000, '{"a":1}');
    expect(sent.get(`${URL}&value=0`, '2026-12-02')).toBeUndefined();
    expect(sent.get(URL.replace('100', '0100'), '2026-12-02')).toBeUndefined();
  });

  it('keeps at most ten thousand URLs, forgetting the least recently asked', () => {
    const { sent } = clocked();
    sent.set(URL, '2026-12-02', 5_000, 'popular');
    for (let i = 0; i < 10_000; i++) {
      if (i % 1000 === 0) expect(sent.get(URL, '2026-12-02')).toBe('popular');
      sent.set(`${URL}&order=${i}`, '2026-12-02', 5_000, String(i));
    }
    expect(sent.get(URL, '2026-12-02')).toBe('popular');
    expect(sent.get(`${URL}&order=0`, '2026-12-02')).toBeUndefined();
    expect(sent.get(`${URL}&order=9999`, '2026-12-02')).toBe('9999');
  });
});
