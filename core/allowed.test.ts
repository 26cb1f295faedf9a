import { describe, expect, it } from 'vitest';
import { allowedOrigin, allowedReturnUrl, originList, parseOrigin, returnUrlList } from './allowed';

describe('allowed parent origins', () => {
  const allowed = originList('https://shop.example, http://localhost:3000');

  it('takes exact origins, written any way a URL may be', () => {
    expect(allowedOrigin('https://shop.example', allowed)).toBe('https://shop.example');
    expect(allowedOrigin('HTTPS://SHOP.EXAMPLE:443', allowed)).toBe('https://shop.example');
    expect(allowedOrigin('http://localhost:3000', allowed)).toBe('http://localhost:3000');
  });

  it.each([
    'https://shop.example.evil.com',
    'https://evil.com',
    'http://shop.example',
    'https://shop.example:8443',
    'https://shop.example/path',
    'https://user@shop.example',
    'null',
    '*',
    '',
    'javascript:alert(1)',
  ])('refuses %s', (candidate) => {
    expect(allowedOrigin(candidate, allowed)).toBeNull();
  });

  it('refuses a setting that is not a list of origins, saying what is', () => {
    expect(() => parseOrigin('https://shop.example/checkout')).toThrow(
      /scheme, host and port only/,
    );
    expect(() => originList('shop.example')).toThrow(
      /not an origin such as https:\/\/shop.example/,
    );
  });
});

describe('allowed return URLs', () => {
  const rules = returnUrlList(
    'https://shop.ru/checkout/, https://shop.ru:8443/pay, myshop://picked',
  );

  it.each([
    'https://shop.ru/checkout/',
    'https://shop.ru/checkout/done?order=5',
    'https://shop.ru/checkout',
    'https://shop.ru:8443/pay/ok',
    'https://shop.ru:8443/pay',
    'myshop://picked',
    'myshop://picked?x=1',
  ])('allows %s', (candidate) => {
    expect(allowedReturnUrl(candidate, rules)).not.toBeNull();
  });

  it.each([
    'https://shop.ru.evil.com/checkout/',
    'https://shop.ru/checkout-evil',
    'https://shop.ru/x-evil',
    'https://shop.ru@evil.com/checkout/',
    'https://evil.com/https://shop.ru/checkout/',
    'https://shop.ru/checkout/../admin',
    'https://shop.ru/checkout/%2e%2e/admin',
    'https:\\\\shop.ru.evil.com\\checkout\\',
    'http://shop.ru/checkout/',
    'https://shop.ru:8443/payment',
    'https://shop.ru/pay',
    'myshop://evil',
    'javascript:alert(1)//https://shop.ru/checkout/',
    'data:text/html,<script>alert(1)</script>',
    '//shop.ru/checkout/',
    '/checkout/',
    '',
  ])('refuses %s', (candidate) => {
    expect(allowedReturnUrl(candidate, rules)).toBeNull();
  });

  it('refuses rules that could allow scripts or hide a host', () => {
    expect(() => returnUrlList('javascript:alert(1)')).toThrow(/cannot be a return URL/);
    expect(() => returnUrlList('https://user@shop.ru/')).toThrow(/cannot be a return URL/);
    expect(() => returnUrlList('shop.ru/checkout')).toThrow(/not a URL/);
  });
});
