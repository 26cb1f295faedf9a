import { describe, expect, it } from 'vitest';
import { minifyCss } from './css-literals';

describe('minifying the CSS in style templates', () => {
  it('drops comments and folds white space next to braces, semicolons, commas and colons', () => {
    const css = `
      /* The sheet, on a phone. */
      .narrow .pane {
        height: 62%;
        transition:
          transform 220ms ease-out,
          visibility 0s linear 220ms;
      }`;
    expect(minifyCss(css)).toBe(
      ' .narrow .pane{height:62%;transition:transform 220ms ease-out,visibility 0s linear 220ms}',
    );
  });

  it('keeps the space that makes a descendant selector, and spaces inside values', () => {
    expect(minifyCss('.a :hover { width: calc(100% - 28px) }')).toBe(
      '.a :hover{width:calc(100% - 28px)}',
    );
  });

  it('keeps one space where an interpolation follows, so `solid ${colour}` stays two words', () => {
    expect(minifyCss('border: 1px solid ')).toBe('border:1px solid ');
  });
});
