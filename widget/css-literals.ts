/**
 * A Vite plugin that minifies the CSS inside Lit's css`…` templates of `*.styles.ts` files: comments
 * out, white space folded. esbuild minifies the code around them but leaves template text alone,
 * and the entry script's budget counts every byte. Only white space next to `{ } ; ,` goes, never a
 * space between selectors (`.a :hover` is not `.a:hover`); `${…}` interpolations are kept as they are.
 */
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** Minifies one static piece of CSS text. */
export function minifyCss(text: string): string {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      // After a colon only a declaration's value follows: selectors never put a space after theirs.
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
  );
}

export function cssLiterals(): Plugin {
  return {
    name: 'branch-picker:css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\.styles\.ts$/.test(id)) return null;
      const out = new MagicString(code);
      for (const literal of code.matchAll(/\bcss`([^`]*)`/g)) {
        const start = literal.index + 'css`'.length;
        // Static text between interpolations; an interpolation holds no backtick or brace here.
        let offset = start;
        for (const part of literal[1]!.split(/(\$\{[^}]*\})/)) {
          if (!part.startsWith('${') && part.length) {
            const min = minifyCss(part);
            if (!min) out.remove(offset, offset + part.length);
            else if (min !== part) out.overwrite(offset, offset + part.length, min);
          }
          offset += part.length;
        }
      }
      return out.hasChanged()
        ? { code: out.toString(), map: out.generateMap({ hires: true }) }
        : null;
    },
  };
}
