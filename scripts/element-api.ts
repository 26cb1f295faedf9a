/**
 * `<branch-picker>`'s public surface, gathered from the code that defines it, for the npm package's
 * `custom-elements.json` (scripts/custom-elements.ts) and its framework typings
 * (scripts/element-typings.ts): the attributes and properties from the options table, the events
 * from widget/src/events.ts (their detail types from its `HTMLElementEventMap`), the parts and the
 * custom properties from the widget's sources, as widget/src/readme.test.ts finds them. The README
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

/** The events' names: every `*_EVENT` constant of events.ts. */
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
    throw new Error(`README.md does not document the ${what} ${name}: add a row for it to its table`);
  return row;
}

/** `\`#0a5bd3\` / \`#5b9dff\`` → the light and dark defaults. */
function defaults(cell: string): [string, string | null] {
  const [light = '', dark] = cell.split(' / ').map((s) => s.replace(/^`|`$/g, ''));
  return [light, dark ?? null];
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
  const eventRows = sentences(readme, '| event | when | `detail` |');
  const methodRows = sentences(readme, '| method | what |');
  const partRows = sentences(readme, '| part | what |');
  const propertyRows = sentences(readme, '| property | default (light / dark) | what |');

  return {
    options: Object.entries(options).map(([property, def]) => ({
      property,
      attribute: def.attribute,
      kind: def.kind,
      choices: def.choices ?? null,
      doc: def.doc,
      defaultText: def.defaultText,
      default: def.default,
      reflects: def.reflect ?? false,
    })),
    events: eventNames().map((name) => {
      const detail = detailTypes.get(name);
      if (!detail)
        throw new Error(`widget/src/events.ts: add '${name}' to its HTMLElementEventMap`);
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
      const [cell = '', what = ''] = described(propertyRows, name, 'custom property');
      const [light, dark] = defaults(cell);
      return { name, description: what, default: light, darkDefault: dark };
    }),
  };
}
