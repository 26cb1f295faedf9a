/**
 * `<branch-picker>` in React 19's JSX. Load these typings once in the project:
 *
 *   import type {} from 'branch-picker/jsx';
 *
 * React 19 passes a custom element's props as properties when the element has one (`mapStyle`)
 * and as attributes otherwise (`map-style`, the name HTML and server rendering use), and listens
 * for an event when a function prop is named `on` + the event's exact name: `onbranch-select`
 * hears `branch-select`. The props here are the attributes (generated from the element's options
 * table, element-types.d.ts) and those event props.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { BranchPickerAttributes, BranchPickerEventMap } from './element-types.js';
import type { BranchPicker } from './index.js';

/** `onbranch-select={(event) => …}`, `onbranch-picker-error`, …: one per event. */
export type BranchPickerEventProps = {
  [K in keyof BranchPickerEventMap as `on${K}`]?: (event: BranchPickerEventMap[K]) => void;
};

/** Everything `<branch-picker>` takes in JSX: an HTML element's props, its attributes, its events. */
export type BranchPickerProps = DetailedHTMLProps<HTMLAttributes<BranchPicker>, BranchPicker> &
  BranchPickerAttributes &
  BranchPickerEventProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'branch-picker': BranchPickerProps;
    }
  }
}
