/**
 * Sets inline style properties through the CSSOM on every render, as an element directive. Lit's
 * styleMap writes a `style="…"` attribute on first render, which a strict Content-Security-Policy
 * (no `style-src 'unsafe-inline'`) refuses; `element.style.setProperty` it allows.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class StyleProps extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT)
      throw new Error('styleProps goes on an element: <div ${styleProps({…})}>');
  }

  render(_props: Readonly<Record<string, string>>): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]): typeof nothing {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    return nothing;
  }
}

export const styleProps = directive(StyleProps);
