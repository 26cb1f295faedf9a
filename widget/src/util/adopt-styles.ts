/**
 * Styles that arrive after the element was defined (MapLibre's with the map chunk, the card's with
 * the card chunk) join the shadow root's own, once per root: before them (MapLibre's, which ours
 * override) or after them.
 */
import type { CSSResult } from 'lit';

export function addStyles(root: ShadowRoot, styles: CSSResult, where: 'before' | 'after'): void {
  const sheet = styles.styleSheet;
  if (sheet) {
    if (root.adoptedStyleSheets.includes(sheet)) return;
    root.adoptedStyleSheets =
      where === 'before'
        ? [sheet, ...root.adoptedStyleSheets]
        : [...root.adoptedStyleSheets, sheet];
    return;
  }
  // No constructable stylesheets (older browsers): a <style> element, which Lit's render leaves alone.
  for (const el of root.querySelectorAll('style')) if (el.textContent === styles.cssText) return;
  const style = document.createElement('style');
  style.textContent = styles.cssText;
  if (where === 'before') root.prepend(style);
  else root.append(style);
}
