/**
 * The README is the site owner's manual: every attribute, part, custom property and event the
 * element has must be in it, and nothing it lists may be gone from the element.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  optionTable,
  readmeBlock,
  UPDATE_COMMAND,
  writeReadmeTables,
} from '../../scripts/readme-tables';
import { ERROR_CODES } from './errors';
import { CLOSE_EVENT, ERROR_EVENT, READY_EVENT, SELECT_EVENT } from './events';
import { OPTIONS } from './options';

const ROOT = path.resolve(import.meta.dirname, '../..');
if (process.env.UPDATE_README) writeReadmeTables();
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The first column of the table between `<!-- name:start -->` and `<!-- name:end -->`. */
function documented(name: string): string[] {
  const block = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(README);
  if (!block)
    throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> table`);
  return [...block[1]!.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

/** Every source file of the widget, as text. */
function widgetSources(): string {
  const dir = path.join(ROOT, 'widget/src');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

describe('README.md documents the element', () => {
  const sources = widgetSources();

  it('lists every attribute, and no attribute the element lacks', () => {
    const attributes = Object.values(OPTIONS).map((o) => o.attribute);
    expect(documented('options').sort()).toEqual([...attributes].sort());
  });

  it('documents each attribute as the options table does, default and all', () => {
    expect(readmeBlock(README, 'options'), `README.md is out of date: run ${UPDATE_COMMAND}`).toBe(
      optionTable(),
    );
  });

  it('names every error code the element reports, and no other', () => {
    const line = README.split('\n').find((l) => l.startsWith('| `branch-picker-error` |')) ?? '';
    const named = [...line.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!).slice(1);
    const reported = ERROR_CODES.filter((c) => c !== 'destroyed');
    expect(named.filter((c) => c !== 'code' && c !== 'message').sort()).toEqual(
      [...reported].sort(),
    );
  });

  it('lists every part, and no part the element lacks', () => {
    const parts = new Set([...sources.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]!));
    expect(documented('parts').sort()).toEqual([...parts].sort());
  });

  it('lists every custom property, and no property the element ignores', () => {
    const properties = new Set([...sources.matchAll(/var\((--bp-[a-z-]+)/g)].map((m) => m[1]!));
    expect(documented('properties').sort()).toEqual([...properties].sort());
  });

  it('names every event', () => {
    for (const event of [SELECT_EVENT, READY_EVENT, ERROR_EVENT, CLOSE_EVENT])
      expect(README).toContain(`\`${event}\``);
  });
});
