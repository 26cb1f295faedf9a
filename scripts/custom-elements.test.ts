/**
 * custom-elements.json leaves nothing of the element out: every option as an attribute and a
 * property, every event with its detail type, every part and every custom property the widget's
 * sources have (found here by the same patterns as widget/src/readme.test.ts, not through the
 * generator's own), and only methods the element has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CustomElementDeclaration, CustomElementField } from 'custom-elements-manifest/schema';
import { describe, expect, it } from 'vitest';
import { BranchPicker } from '../widget/src/branch-picker';
import * as events from '../widget/src/events';
import { OPTIONS } from '../widget/src/options';
import { customElementsManifest, SCHEMA_VERSION } from './custom-elements';
import { cssFallbacks, readElementApi, ROOT } from './element-api';

const manifest = customElementsManifest(readElementApi(OPTIONS), 'the picker');
const element = manifest.modules[0]!.declarations![0] as CustomElementDeclaration;

const sources = readdirSync(path.join(ROOT, 'widget/src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(path.join(ROOT, 'widget/src', f), 'utf8'))
  .join('\n');

describe('custom-elements.json', () => {
  it('is a schema 2.0.0 manifest that defines <branch-picker> as BranchPicker', () => {
    expect(manifest.schemaVersion).toBe(SCHEMA_VERSION);
    expect(element).toMatchObject({ tagName: 'branch-picker', name: 'BranchPicker' });
    expect(manifest.modules[0]!.exports).toContainEqual(
      expect.objectContaining({ kind: 'custom-element-definition', name: 'branch-picker' }),
    );
  });

  it('has an attribute for every option, named as the option table names it', () => {
    const attributes = element.attributes!.map((a) => [a.name, a.fieldName]);
    expect(attributes).toEqual(Object.entries(OPTIONS).map(([key, o]) => [o.attribute, key]));
  });

  it('has a property for every option, tied to its attribute', () => {
    const fields = element
      .members!.filter((m): m is CustomElementField => m.kind === 'field')
      .map((f) => [f.name, f.attribute]);
    expect(fields).toEqual(Object.entries(OPTIONS).map(([key, o]) => [key, o.attribute]));
  });

  it('gives a choice attribute its values as its type', () => {
    const theme = element.attributes!.find((a) => a.name === 'theme');
    expect(theme?.type?.text).toBe(OPTIONS.theme.choices!.map((c) => `'${c}'`).join(' | '));
  });

  it('lists every event the element fires, with its detail type', () => {
    const names = Object.entries(events)
      .filter(([key]) => key.endsWith('_EVENT'))
      .map(([, name]) => name as string);
    expect(element.events!.map((e) => e.name).sort()).toEqual(names.sort());
    expect(element.events!.find((e) => e.name === events.SELECT_EVENT)?.type.text).toBe(
      'CustomEvent<BranchSelection>',
    );
  });

  it('lists every part of the sources', () => {
    const parts = new Set([...sources.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]!));
    expect(element.cssParts!.map((p) => p.name).sort()).toEqual([...parts].sort());
    for (const part of element.cssParts!) expect(part.description, part.name).toBeTruthy();
  });

  it('lists every custom property the styles read, each with its default', () => {
    const properties = new Set([...sources.matchAll(/var\((--bp-[a-z-]+)/g)].map((m) => m[1]!));
    expect(element.cssProperties!.map((p) => p.name).sort()).toEqual([...properties].sort());
    for (const property of element.cssProperties!)
      expect(property.default, property.name).toBeTruthy();
  });

  it("takes a custom property's default whole, parentheses and commas included", () => {
    const css = 'a: var(--bp-shadow, 0 1px rgb(0 0 0 / 0.5), 0 2px red); b: var(--bp-text, #111);';
    expect(cssFallbacks(css)).toEqual(
      new Map([
        ['--bp-shadow', '0 1px rgb(0 0 0 / 0.5), 0 2px red'],
        ['--bp-text', '#111'],
      ]),
    );
  });

  it('lists only methods the element has', () => {
    const methods = element.members!.filter((m) => m.kind === 'method');
    expect(methods.map((m) => m.name)).toContain('select');
    for (const method of methods)
      expect(typeof BranchPicker.prototype[method.name as keyof BranchPicker], method.name).toBe(
        'function',
      );
  });
});
