/**
 * The npm package's `element-types.d.ts`: `<branch-picker>`'s attributes and events as TypeScript,
 * made from the element's surface (scripts/element-api.ts) when the package is built, so a new
 * option reaches the React and Vue typings (npm/jsx.d.ts, npm/vue.d.ts) without anyone writing it
 * down twice.
 */
import { attributeType } from './custom-elements';
import type { ApiOption, ElementApi } from './element-api';

/** Where the package's own declarations are, seen from the package's root. */
export const TYPES_ENTRY = './types/widget/src/index.js';

/** `map-style` → `mapStyle`: the property of an attribute. */
export const camelCase = (name: string): string =>
  name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * What a template may pass for the attribute: numbers as numbers too (React and Vue set the
 * property, which takes either; on a server they render as text).
 */
function valueType(option: ApiOption): string {
  return option.kind === 'number' ? 'number | string' : attributeType(option);
}

const docComment = (text: string, indent: string): string =>
  `${indent}/** ${text.replace(/\*\//g, '*\\/')} */`;

const key = (name: string): string => (/^[a-z]+$/i.test(name) ? name : `'${name}'`);

/** The text of element-types.d.ts. Throws when an option's property is not its attribute in camelCase. */
export function elementTypings(api: ElementApi): string {
  for (const o of api.options)
    if (camelCase(o.attribute) !== o.property)
      throw new Error(
        `widget/src/options.ts: the option ${o.property} has the attribute ${o.attribute}; ` +
          `the typings (and the README) promise ${camelCase(o.attribute)}: rename one of them`,
      );
  const detailTypes = [
    ...new Set(api.events.flatMap((e) => e.detail.match(/[A-Z]\w*/g) ?? [])),
  ].sort();
  const attributes = api.options.map(
    (o) =>
      `${docComment(`${o.doc}. Default: ${o.defaultText}.`, '  ')}\n  ${key(o.attribute)}?: ${valueType(o)};`,
  );
  const events = api.events.map(
    (e) => `${docComment(e.description, '  ')}\n  ${key(e.name)}: CustomEvent<${e.detail}>;`,
  );
  return `/**
 * \`<branch-picker>\`'s attributes and events as types, for the JSX (React) and Vue typings
 * (jsx.d.ts, vue.d.ts). Generated from the element's options table when the package was built.
 */
import type { ${detailTypes.join(', ')} } from '${TYPES_ENTRY}';

/** The element's attributes, as HTML, JSX or a Vue template writes them. */
export interface BranchPickerAttributes {
${attributes.join('\n')}
}

/** The element's events, by name. */
export interface BranchPickerEventMap {
${events.join('\n')}
}
`;
}
