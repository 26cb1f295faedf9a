/**
 * The README's npm examples are the files in e2e/npm-app/, which CI type-checks against the packed
 * package: what a shop copies from the README is known to compile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './element-api';

const APP = path.join(ROOT, 'e2e/npm-app');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = /<!-- npm:start -->([\s\S]*?)<!-- npm:end -->/.exec(README)?.[1] ?? '';

/** `<!-- e2e/npm-app/x -->` followed by a fenced block: file → the block's text. */
const shown = new Map(
  [...section.matchAll(/<!-- (e2e\/npm-app\/[\w.]+) -->\n```\w+\n([\s\S]*?)```/g)].map((m) => [
    m[1]!,
    m[2]!,
  ]),
);

describe("README's npm section", () => {
  it('is there, between <!-- npm:start --> and <!-- npm:end -->', () => {
    expect(section).toContain("import 'branch-picker'");
  });

  it('shows every example of e2e/npm-app', () => {
    const examples = readdirSync(APP).filter((f) => /\.(ts|tsx|vue)$/.test(f));
    expect([...shown.keys()].sort()).toEqual(examples.map((f) => `e2e/npm-app/${f}`).sort());
  });

  it('shows each example exactly as the file has it', () => {
    for (const [file, code] of shown)
      expect(code, `README.md's ${file} differs from the file`).toBe(
        readFileSync(path.join(ROOT, file), 'utf8'),
      );
  });

  it("names the package's dependencies", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'npm/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies)) expect(section).toContain(name);
  });
});
