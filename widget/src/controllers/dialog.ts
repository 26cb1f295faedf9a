/**
 * `mode="modal"`: the picker as a dialog (after Shoelace's internal Modal). `open()` shows it and
 * moves focus in, Tab stays inside, `close()` hides it and gives focus back to where it was. The
 * focus trap is ours: ten lines that see into the shadow root, where focus-trap and tabbable
 * (about 5 KB) would cost the entry script its budget.
 */
import type { ReactiveController } from 'lit';
import { CLOSE_EVENT } from '../events';
import type { PickerHost } from './host';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"]), a[href]';

export interface DialogOptions {
  /** Whether the picker is a dialog at all. */
  modal(): boolean;
  /** Where focus goes on opening. */
  initialFocus(): HTMLElement | null;
  /** The dialog's box, inside which Tab stays. */
  frame(): HTMLElement | null;
  /** Closes what is open inside the picker (the card); says whether there was anything. */
  closeInner(): boolean;
}

export class DialogController implements ReactiveController {
  /** Whether the dialog is showing. */
  isOpen = false;
  private readonly host: PickerHost;
  private readonly options: DialogOptions;
  private returnFocus: HTMLElement | null = null;

  constructor(host: PickerHost, options: DialogOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    // Removed while open (a shop's route changed): nothing to give focus back to, nothing to keep.
    this.isOpen = false;
    this.returnFocus = null;
  }

  /** Shows the dialog and moves focus into it, once it has rendered. */
  open(): void {
    if (!this.options.modal() || this.isOpen) return;
    const active = document.activeElement;
    this.returnFocus = active instanceof HTMLElement ? active : null;
    this.isOpen = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.options.initialFocus()?.focus());
  }

  /** Hides the dialog, gives focus back, fires `branch-picker-close`. */
  close(): void {
    if (!this.options.modal() || !this.isOpen) return;
    this.isOpen = false;
    this.host.requestUpdate();
    this.returnFocus?.focus();
    this.returnFocus = null;
    // Focus given back to nothing focusable (the page's body): it must not stay on the closed
    // dialog's controls, which the page may remove at once (BranchPicker.pick() does).
    const focused = (this.host.renderRoot as ShadowRoot).activeElement;
    if (focused instanceof HTMLElement) focused.blur();
    this.host.dispatchEvent(new CustomEvent(CLOSE_EVENT, { bubbles: true, composed: true }));
  }

  /** Escape closes the innermost thing open: suggestions (search stops it first), the card, the dialog. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (this.options.closeInner()) event.stopPropagation();
      else if (this.isOpen) {
        event.stopPropagation();
        this.close();
      }
    } else if (event.key === 'Tab') this.trapTab(event);
  };

  /** Keeps Tab inside the dialog: from the last stop to the first, and back. */
  private trapTab(event: KeyboardEvent): void {
    if (!this.isOpen) return;
    const frame = this.options.frame();
    if (!frame) return;
    const stops = [...frame.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    if (!stops.length) return;
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    const first = stops[0]!;
    const last = stops[stops.length - 1]!;
    if (event.shiftKey && (active === first || !frame.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !frame.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }
}
