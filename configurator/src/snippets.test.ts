import { describe, expect, it } from 'vitest';
import { snippet } from './snippets';

const context = {
  proxy: 'https://picker.example.com',
  id: 'abc123def456',
  site: 'https://shop.example',
};

describe('snippets', () => {
  it('carries the configuration id and nothing else of it in the script tag', () => {
    const html = snippet('script', context);
    expect(html).toContain(
      '<script src="https://picker.example.com/widget/branch-picker.js" async>',
    );
    const element = /<branch-picker[^>]*>/.exec(html)![0];
    expect(element).toBe('<branch-picker config="abc123def456">');
  });

  it('names the allowed site as the iframe’s parent, encoded', () => {
    expect(snippet('iframe', context)).toContain(
      '/embed?config=abc123def456&parent_origin=https%3A%2F%2Fshop.example',
    );
  });

  it('gives an app the embed page’s address', () => {
    expect(snippet('webview', context)).toBe(
      'https://picker.example.com/embed?config=abc123def456',
    );
  });

  it('calls ecomStartWidget with the configuration', () => {
    expect(snippet('pochta', context)).toMatch(/ecomStartWidget\(\{[\s\S]*config: 'abc123def456'/);
  });
});
