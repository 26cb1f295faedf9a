/**
 * `<branch-picker>` in Vue 3 templates (Volar, vue-tsc). Load these typings once in the project:
 *
 *   import type {} from 'branch-picker/vue';
 *
 * and tell Vue's compiler the tag is a custom element (`isCustomElement`). Props are declared in
 * camelCase, as Vue declares a component's props, and checked whichever way the template spells
 * them (`map-style` or `mapStyle`); `@branch-select` is the `onBranchSelect` prop. The attributes
 * come from the element's options table (element-types.d.ts).
 */
import type { DefineComponent } from 'vue';
import type { BranchPickerAttributes, BranchPickerEventMap } from './element-types.js';

/** `branch-picker-ready` → `BranchPickerReady`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;

/** The element's attributes as Vue props: `no-list` → `noList`. */
export type BranchPickerVueAttributes = {
  [K in keyof BranchPickerAttributes as Uncapitalize<Pascal<K>>]: BranchPickerAttributes[K];
};

/** `@branch-select="…"` (the `onBranchSelect` prop), `@branch-picker-error`, …: one per event. */
export type BranchPickerVueEvents = {
  [K in keyof BranchPickerEventMap as `on${Pascal<K>}`]?: (event: BranchPickerEventMap[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'branch-picker': DefineComponent<BranchPickerVueAttributes & BranchPickerVueEvents>;
  }
}
