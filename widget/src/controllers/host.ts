/**
 * What the controllers need of the element that hosts them: Lit's controller host, the element
 * itself (events, size, focus) and its shadow root.
 */
import type { ReactiveControllerHost } from 'lit';

export type PickerHost = ReactiveControllerHost &
  HTMLElement & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    readonly hasUpdated: boolean;
  };
