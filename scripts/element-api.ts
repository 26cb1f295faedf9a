/**
 * `<branch-picker>`'s public surface, gathered from the code that defines it, for the npm package's
 * `custom-elements.json` (scripts/custom-elements.ts) and its framework typings
 * (scripts/element-typings.ts): the attributes and properties from the options table, the events
 * from widget/src/events.ts (their detail types from its `HTMLElementEventMap`), the parts and the
 * custom properties from the widget's sources, as widget/src/readme.test.ts finds them (the
 * properties' light and dark defaults from styles/tokens.styles.ts). The README
 * gives each part, property, event and method its sentence; a name the code has and the README
 * lacks stops the build.
 *
 * The options are passed in rather than imported: options.ts reads the language files through
 * Vite's `import.meta.glob`, which a plain Node script does not have (pack.ts passes the options of
 * the package's own build; tests pass the sources').
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as events from '../widget/src/events';
import type { OptionDef, OptionKind } from '../widget/src/options';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const TAG_NAME = 'branch-picker';
export const CLASS_NAME = 'BranchPicker';

/**
 * Defaults that read differently in the package: a bundle has no script URL for the picker to find
 * its proxy by, as the script tag does.
 */
export const PACKAGE_DEFAULTS: Readonly<Record<string, string>> = {
  api: "none in a bundle: set it to the proxy's address (a script tag from the proxy needs none)",
};

/** One option: an attribute, and a property of the option's name. */
export interface ApiOption {
  property: string;
  attribute: string;
  kind: OptionKind;
  choices: readonly string[] | null;
  /** Markdown, as the README's option table has it. */
  doc: string;
  defaultText: string;
  default: unknown;
  reflects: boolean;
}

export interface ApiEvent {
  name: string;
  /** The detail's TypeScript type (`BranchSelection`, `void`), exported by the package. */
  detail: string;
  description: string;
}

export interface ApiMethod {
  name: string;
  parameters: string[];
  description: string;
}

export interface ApiNamed {
  name: string;
  description: string;
}

export interface ApiCssProperty extends ApiNamed {
  /** The light theme's default. */
  default: string;
  /** The dark theme's, when it differs. */
  darkDefault: string | null;
}

export interface ElementApi {
  options: ApiOption[];
  events: ApiEvent[];
  methods: ApiMethod[];
  parts: ApiNamed[];
  cssProperties: ApiCssProperty[];
}

/** Every source file of the widget (tests aside), as one text. */
export function widgetSources(root = ROOT): string {
  const dir = path.join(root, 'widget/src');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

/** The names of `part="…"` in the sources, in order of first appearance. */
export const partNames = (sources: string): string[] => [
  ...new Set([...sources.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]!)),
];

/** The `--bp-*` custom properties the styles read, in order of first appearance. */
export const cssPropertyNames = (sources: string): string[] => [
  ...new Set([...sources.matchAll(/var\((--bp-[a-z-]+)/g)].map((m) => m[1]!)),
];

/** The events' names: every `*_EVENT` constant of events.ts (in alphabetical order). */
export const eventNames = (): string[] =>
  Object.entries(events)
    .filter(([key, value]) => key.endsWith('_EVENT') && typeof value === 'string')
    .map(([, value]) => value as string);

/** `'branch-select': CustomEvent<BranchSelection>` lines of events.ts's HTMLElementEventMap. */
export function eventDetailTypes(eventsSource: string): Map<string, string> {
  const block = /interface HTMLElementEventMap \{([^}]*)\}/.exec(eventsSource)?.[1] ?? '';
  return new Map(
    [...block.matchAll(/'([a-z-]+)': CustomEvent<([^>]+)>;/g)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

/** The cells of each row of the Markdown table whose header row is `header`. */
function tableAfter(readme: string, header: string): string[][] {
  const lines = readme.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) throw new Error(`README.md has no table headed "${header}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The README's sentence for each name in the first column (`name`, without the backticks). */
function sentences(readme: string, header: string): Map<string, string[]> {
  return new Map(
    tableAfter(readme, header).map(([first = '', ...rest]) => [first.replace(/^`|`$/g, ''), rest]),
  );
}

function described(table: Map<string, string[]>, name: string, what: string): string[] {
  const row = table.get(name);
  if (!row)
    throw new Error(
      `README.md does not document the ${what} ${name}: add a row for it to its table`,
    );
  return row;
}

/** `var(--bp-x, fallback)` in `css`: each property's first fallback, parentheses and all. */
export function cssFallbacks(css: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of css.matchAll(/var\((--bp-[a-z-]+),\s*/g)) {
    const start = match.index + match[0].length;
    let depth = 0;
    let end = start;
    for (; end < css.length && !(css[end] === ')' && depth === 0); end++)
      depth += css[end] === '(' ? 1 : css[end] === ')' ? -1 : 0;
    if (!found.has(match[1]!)) found.set(match[1]!, css.slice(start, end).trim());
  }
  return found;
}

/** The light and the dark theme's defaults, as tokens.styles.ts gives them. */
function cssDefaults(root: string): { light: Map<string, string>; dark: Map<string, string> } {
  const tokens = readFileSync(path.join(root, 'widget/src/styles/tokens.styles.ts'), 'utf8');
  const dark = tokens.indexOf('.base.dark {');
  if (dark < 0) throw new Error('widget/src/styles/tokens.styles.ts has no .base.dark block');
  return {
    light: cssFallbacks(tokens.slice(0, dark)),
    dark: cssFallbacks(tokens.slice(dark, tokens.indexOf('\n  }', dark))),
  };
}

/** Gathers the element's surface. Throws, naming the fix, when the README misses anything. */
export function readElementApi(
  options: Readonly<Record<string, OptionDef<unknown>>>,
  root = ROOT,
): ElementApi {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const sources = widgetSources(root);
  const detailTypes = eventDetailTypes(
    readFileSync(path.join(root, 'widget/src/events.ts'), 'utf8'),
  );
  const constants = eventNames();
  const unmapped = constants.filter((name) => !detailTypes.has(name));
  if (unmapped.length || detailTypes.size !== constants.length)
    throw new Error(
      `widget/src/events.ts: its HTMLElementEventMap must name every *_EVENT constant, and only them (missing: ${unmapped.join(', ') || 'none'})`,
    );
  const eventRows = sentences(readme, '| event | when | `detail` |');
  const methodRows = sentences(readme, '| method | what |');
  const partRows = sentences(readme, '| part | what |');
  const propertyRows = sentences(readme, '| property | default (light / dark) | what |');
  const themes = cssDefaults(root);

  return {
    options: Object.entries(options).map(([property, def]) => ({
      property,
      attribute: def.attribute,
      kind: def.kind,
      choices: def.choices ?? null,
      doc: def.doc,
      defaultText: PACKAGE_DEFAULTS[property] ?? def.defaultText,
      default: def.default,
      reflects: def.reflect ?? false,
    })),
    events: [...detailTypes].map(([name, detail]) => {
      const [when = '', payload = ''] = described(eventRows, name, 'event');
      // "`{ branch, quote }`, above": the README shows the payload just before its table.
      const shown = payload.replace(/, above$/, '');
      return { name, detail, description: `Fired when ${when}. \`detail\`: ${shown}.` };
    }),
    methods: [...methodRows].map(([signature, [what = '']]) => {
      const [, name = '', parameters = ''] = /^(\w+)\(([^)]*)\)$/.exec(signature) ?? [];
      if (!name) throw new Error(`README.md: the method "${signature}" is not name(parameters)`);
      return {
        name,
        parameters: parameters ? parameters.split(/,\s*/) : [],
        description: what,
      };
    }),
    parts: partNames(sources).map((name) => ({
      name,
      description: described(partRows, name, 'part')[0] ?? '',
    })),
    cssProperties: cssPropertyNames(sources).map((name) => {
      const [, what = ''] = described(propertyRows, name, 'custom property');
      const light = themes.light.get(name) ?? '';
      const dark = themes.dark.get(name) ?? null;
      return { name, description: what, default: light, darkDefault: dark === light ? null : dark };
    }),
  };
}
