/**
 * The npm package's `custom-elements.json` (https://github.com/webcomponents/custom-elements-manifest,
 * schema 2.0.0), made from the element's surface as scripts/element-api.ts gathers it from the
 * code: IDEs, Storybook and documentation viewers read the attributes, properties, methods, events,
 * parts and custom properties from it. Nothing in it is written by hand, so it cannot drift from
 * the element (custom-elements.test.ts checks that nothing is left out).
 */
import type {
  Attribute,
  ClassMethod,
  CssCustomProperty,
  CssPart,
  CustomElementDeclaration,
  CustomElementField,
  Event,
  Package,
} from 'custom-elements-manifest/schema';
import { CLASS_NAME, TAG_NAME, type ApiOption, type ElementApi } from './element-api';

export const SCHEMA_VERSION = '2.0.0';
/** The package's entry module, which defines the element. */
export const ENTRY_MODULE = 'index.js';

/** Properties the element inherits from HTMLElement rather than declares (`lang`, a string). */
const INHERITED_PROPERTIES = new Set(['lang']);

/** The attribute's value as TypeScript: the choices spelled out, `boolean` for a flag. */
export function attributeType(option: ApiOption): string {
  if (option.kind === 'flag') return 'boolean';
  if (option.kind === 'choice' && option.choices)
    return option.choices.map((c) => `'${c}'`).join(' | ');
  return 'string';
}

/** The property's type, as the element declares it (`OptionProperties` in options.ts). */
export function propertyType(option: ApiOption): string {
  if (option.kind === 'flag') return 'boolean';
  return INHERITED_PROPERTIES.has(option.property) ? 'string' : 'string | null';
}

const optionDescription = (option: ApiOption): string =>
  `${option.doc}. Default: ${option.defaultText}.`;

/** The attribute text that equals the default, when there is one (`ru`, `1000`). */
function attributeDefault(option: ApiOption): string | undefined {
  const value = option.default;
  if (typeof value === 'number' || (typeof value === 'string' && value !== ''))
    return String(value);
  return undefined;
}

function attribute(option: ApiOption): Attribute {
  const text = attributeDefault(option);
  return {
    name: option.attribute,
    fieldName: option.property,
    description: optionDescription(option),
    type: { text: attributeType(option) },
    ...(text === undefined ? {} : { default: text }),
  };
}

function field(option: ApiOption): CustomElementField {
  return {
    kind: 'field',
    name: option.property,
    attribute: option.attribute,
    ...(option.reflects ? { reflects: true } : {}),
    description: optionDescription(option),
    type: { text: propertyType(option) },
  };
}

/** The manifest; `summary` is the package's description. */
export function customElementsManifest(api: ElementApi, summary: string): Package {
  const methods: ClassMethod[] = api.methods.map((m) => ({
    kind: 'method',
    name: m.name,
    description: m.description,
    parameters: m.parameters.map((name) => ({ name })),
  }));
  const events: Event[] = api.events.map((e) => ({
    name: e.name,
    type: { text: `CustomEvent<${e.detail}>` },
    description: e.description,
  }));
  const cssParts: CssPart[] = api.parts.map(({ name, description }) => ({ name, description }));
  const cssProperties: CssCustomProperty[] = api.cssProperties.map((p) => ({
    name: p.name,
    default: p.default,
    description: p.darkDefault
      ? `${p.description}. Dark theme: \`${p.darkDefault}\`.`
      : p.description,
  }));
  const element: CustomElementDeclaration = {
    kind: 'class',
    name: CLASS_NAME,
    tagName: TAG_NAME,
    customElement: true,
    summary,
    superclass: { name: 'LitElement', package: 'lit' },
    attributes: api.options.map(attribute),
    members: [...api.options.map(field), ...methods],
    events,
    cssParts,
    cssProperties,
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: ENTRY_MODULE,
        declarations: [element],
        exports: [
          { kind: 'js', name: CLASS_NAME, declaration: { name: CLASS_NAME, module: ENTRY_MODULE } },
          {
            kind: 'custom-element-definition',
            name: TAG_NAME,
            declaration: { name: CLASS_NAME, module: ENTRY_MODULE },
          },
        ],
      },
    ],
  };
}
