/**
 * The README's reference tables, made from the tables in the code: the element's options
 * (widget/src/options.ts) and the proxy's environment (proxy/src/config.ts). Tests compare the
 * README with these; `UPDATE_README=1 npx vitest run readme` writes them into README.md. (Through
 * Vitest: the options read the language files with Vite's `import.meta.glob`.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENV, type EnvVar } from '../proxy/src/config';
import { OPTIONS, type OptionDef } from '../widget/src/options';
import { ROOT } from './fingerprint';

export const README_PATH = path.join(ROOT, 'README.md');
export const UPDATE_COMMAND = 'UPDATE_README=1 npx vitest run readme';

/** The attribute table: one row per option, in the table's order. */
export function optionTable(): string {
  const row = (o: OptionDef<unknown>) => `| \`${o.attribute}\` | ${o.defaultText} | ${o.doc} |`;
  return [
    '| attribute | default | what |',
    '|---|---|---|',
    ...Object.values(OPTIONS).map((o: OptionDef<unknown>) => row(o)),
  ].join('\n');
}

/** The environment table: one row per variable. */
export function envTable(): string {
  const row = (v: EnvVar<unknown>) =>
    `| \`${v.name}\` | ${v.shown ?? `\`${String(v.default)}\``} | ${v.doc} |`;
  return ['| variable | default | what |', '|---|---|---|', ...Object.values(ENV).map(row)].join(
    '\n',
  );
}

/** The lines between `<!-- name:start -->` and `<!-- name:end -->`. */
export function readmeBlock(readme: string, name: string): string {
  const block = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(
    readme,
  );
  if (!block) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end -->`);
  return block[1]!;
}

const TABLES: Record<string, () => string> = { options: optionTable, env: envTable };

/** Writes every table into README.md. */
export function writeReadmeTables(): void {
  let readme = readFileSync(README_PATH, 'utf8');
  for (const [name, table] of Object.entries(TABLES))
    readme = readme.replace(readmeBlock(readme, name), table());
  writeFileSync(README_PATH, readme);
}
