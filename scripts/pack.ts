/**
 * `npx tsx scripts/pack.ts`: the npm package, built into dist/npm/, for `npm pack ./dist/npm` (with
 * the `./`: npm reads `dist/npm` as a GitHub repository).
 * 1. The code (npm/vite.config.ts): the entry, its lazy chunks, the two workers. Checked: the
 *    build imports exactly the package's dependencies, and each worker is one file.
 * 2. The declarations (tsc, npm/tsconfig.types.json) into types/: `#core/*` and extensionless
 *    imports rewritten into relative `.js` paths, which any consumer resolves (Node16 and Bundler
 *    alike); the files index.d.ts does not reach left out.
 * 3. custom-elements.json and element-types.d.ts, from the element's surface as the build itself
 *    has it (its OPTIONS) and the sources (parts, custom properties, events).
 * 4. package.json from npm/package.json (the version and the dependencies' ranges from the root
 *    package.json), README.md with its reference tables, jsx.d.ts, vue.d.ts, index.d.ts.
 * 5. A link e2e/npm-app/node_modules/branch-picker → dist/npm: the README's examples there
 *    type-check against the package as a shop's project resolves it
 *    (`npx vue-tsc -p e2e/npm-app/tsconfig.json`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  copyFile,
  mkdir,
  readdir,
  readFile,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import type { OptionDef } from '../widget/src/options';
import { customElementsManifest } from './custom-elements';
import { readElementApi, ROOT, type ElementApi } from './element-api';
import { elementTypings, TYPES_ENTRY } from './element-typings';

export const OUT = path.join(ROOT, 'dist/npm');
const SOURCE = path.join(ROOT, 'npm');
const TYPES = path.join(OUT, 'types');

/**
 * Packages the declarations may name through another: tsc writes an inferred type where it was
 * declared (`import("lit-html").TemplateResult`), and a shop's project may not resolve lit-html
 * itself (pnpm does not hoist it); lit re-exports all of it.
 */
const TYPE_REEXPORTS: Readonly<Record<string, string>> = {
  'lit-html': 'lit',
  '@lit/reactive-element': 'lit',
};

/**
 * Dependencies pinned to the version built with rather than the root's range: the package ships
 * MapLibre's worker, which must be the same version as MapLibre's main thread.
 */
const PINNED = new Set(['maplibre-gl']);

interface Manifest {
  name: string;
  version: string;
  description: string;
  dependencies: Record<string, string>;
}

const readJson = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(file, 'utf8')) as T;

/** `@lit/task/x.js` → `@lit/task`, `lit/directive.js` → `lit`. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** 1. The code; returns the packages it imports. */
async function buildCode(): Promise<Set<string>> {
  const result = await build({
    configFile: path.join(SOURCE, 'vite.config.ts'),
    logLevel: 'warn',
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = outputs.flatMap((o) => o.output);
  const names = new Set(files.map((f) => f.fileName));
  const imported = new Set<string>();
  for (const file of files)
    if (file.type === 'chunk')
      for (const id of [...file.imports, ...file.dynamicImports])
        if (!names.has(id)) imported.add(packageOf(id));

  // The shop's bundler copies a worker as one file: a chunk beside it would be left behind.
  const code = files
    .filter((f) => f.type === 'chunk')
    .map((f) => f.code)
    .join('\n');
  for (const worker of await readdir(path.join(OUT, 'workers')))
    if (!code.includes(`/workers/${worker}"`))
      throw new Error(
        `dist/npm/workers/${worker} is not a worker the code starts: a worker imports a chunk of ` +
          "its own, which the shop's bundler would not copy; keep each worker one file",
      );
  return imported;
}

/** Where a specifier in `file` points, as a relative `.js` path, or a package the package has. */
function resolveSpecifier(file: string, specifier: string, dependencies: Set<string>): string {
  if (specifier.includes('?'))
    throw new Error(`${file}: the declarations import ${specifier}, a Vite query`);
  const local = specifier.startsWith('#core/')
    ? path.join(TYPES, 'core', specifier.slice('#core/'.length))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(file), specifier.replace(/\.(ts|js)$/, ''))
      : null;
  if (!local) {
    const name = TYPE_REEXPORTS[specifier] ?? specifier;
    if (!dependencies.has(packageOf(name)))
      throw new Error(
        `${path.relative(OUT, file)}: the declarations import ${specifier}, which the package ` +
          'does not depend on: add it to npm/package.json or keep it out of the public types',
      );
    return name;
  }
  const target = existsSync(`${local}.d.ts`)
    ? `${local}.js`
    : existsSync(path.join(local, 'index.d.ts'))
      ? path.join(local, 'index.js')
      : null;
  if (!target) throw new Error(`${file}: no declarations for ${specifier}`);
  const relative = path.relative(path.dirname(file), target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g;

/** 2. The declarations, their imports rewritten; the ones the entry does not reach removed. */
async function buildDeclarations(dependencies: Set<string>): Promise<void> {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'npm/tsconfig.types.json'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const entry = path.join(TYPES, 'widget/src/index.d.ts');
  const reached = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    const text = await readFile(file, 'utf8');
    if (text.includes('/// <reference'))
      throw new Error(`${file}: a triple-slash reference, which a consumer may not resolve`);
    const rewritten = text.replace(SPECIFIER, (_, before: string, quote: string, spec: string) => {
      const target = resolveSpecifier(file, spec, dependencies);
      if (target.startsWith('.'))
        queue.push(path.resolve(path.dirname(file), target.replace(/\.js$/, '.d.ts')));
      return `${before}${quote}${target}${quote}`;
    });
    await writeFile(file, rewritten);
  }
  for (const entry of await readdir(TYPES, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && !reached.has(file)) await rm(file);
  }
  // Folders left empty: the deepest first.
  const dirs = (await readdir(TYPES, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => b.length - a.length);
  for (const dir of dirs) if (!(await readdir(dir)).length) await rm(dir, { recursive: true });
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The README's reference tables, from the element's surface. */
function referenceTables(api: ElementApi): string {
  return [
    '## Attributes',
    '',
    'Each is also a property of the same name in camelCase (`map-style` is `mapStyle`).',
    '',
    '| attribute | default | what |',
    '|---|---|---|',
    ...api.options.map((o) => `| \`${o.attribute}\` | ${cell(o.defaultText)} | ${cell(o.doc)} |`),
    '',
    '## Events',
    '',
    'All bubble and cross the shadow root.',
    '',
    '| event | `detail` | when |',
    '|---|---|---|',
    ...api.events.map((e) => `| \`${e.name}\` | \`${e.detail}\` | ${cell(e.description)} |`),
    '',
    '## Methods',
    '',
    ...api.methods.map((m) => `- \`${m.name}(${m.parameters.join(', ')})\`: ${m.description}`),
    '',
    'Parts (`::part()`) and custom properties (`--bp-*`) are listed in `custom-elements.json`.',
    '',
  ].join('\n');
}

/** 4. The manifest, from the template: version and dependency ranges from the root. */
async function packageManifest(): Promise<Manifest> {
  const root = await readJson<Manifest>(path.join(ROOT, 'package.json'));
  const template = await readJson<Omit<Manifest, 'version'>>(path.join(SOURCE, 'package.json'));
  const dependencies: Record<string, string> = {};
  for (const name of Object.keys(template.dependencies)) {
    const range = root.dependencies[name];
    if (!range) throw new Error(`npm/package.json depends on ${name}, which package.json lacks`);
    dependencies[name] = PINNED.has(name)
      ? (await readJson<Manifest>(path.join(ROOT, 'node_modules', name, 'package.json'))).version
      : range;
  }
  // The template has no version: it is the root's, put second as npm does.
  const { name, ...rest } = template;
  return { name, version: root.version, ...rest, dependencies };
}

/** 5. e2e/npm-app resolves `branch-picker` to the package, through its exports. */
async function linkExamples(): Promise<void> {
  const modules = path.join(ROOT, 'e2e/npm-app/node_modules');
  const link = path.join(modules, 'branch-picker');
  await mkdir(modules, { recursive: true });
  await unlink(link).catch(() => undefined);
  await symlink(path.relative(modules, OUT), link, 'dir');
}

export async function pack(): Promise<Manifest> {
  const started = performance.now();
  const manifest = await packageManifest();
  const dependencies = new Set(Object.keys(manifest.dependencies));

  const imported = await buildCode();
  const missing = [...dependencies].filter((d) => !imported.has(d));
  const extra = [...imported].filter((d) => !dependencies.has(d));
  if (missing.length || extra.length)
    throw new Error(
      'npm/package.json must list exactly what the build imports: ' +
        [
          extra.length ? `add ${extra.join(', ')}` : '',
          missing.length ? `remove ${missing.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
    );

  await buildDeclarations(dependencies);

  // The element as the build has it: importing the package in Node defines nothing and reads no DOM.
  const built = (await import(pathToFileURL(path.join(OUT, 'index.js')).href)) as {
    OPTIONS: Record<string, OptionDef<unknown>>;
  };
  const api = readElementApi(built.OPTIONS);
  await writeFile(
    path.join(OUT, 'custom-elements.json'),
    `${JSON.stringify(customElementsManifest(api, manifest.description), null, 2)}\n`,
  );
  await writeFile(path.join(OUT, 'element-types.d.ts'), elementTypings(api));
  await writeFile(
    path.join(OUT, 'index.d.ts'),
    [
      `export * from '${TYPES_ENTRY}';`,
      "export type { BranchPickerAttributes, BranchPickerEventMap } from './element-types.js';",
      '',
    ].join('\n'),
  );
  for (const file of ['jsx.d.ts', 'vue.d.ts'])
    await copyFile(path.join(SOURCE, file), path.join(OUT, file));
  const readme = await readFile(path.join(SOURCE, 'README.md'), 'utf8');
  await writeFile(path.join(OUT, 'README.md'), `${readme.trimEnd()}\n\n${referenceTables(api)}`);
  await writeFile(path.join(OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  await linkExamples();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`npm: ${manifest.name}@${manifest.version} built → dist/npm in ${seconds} s`);
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await pack();
