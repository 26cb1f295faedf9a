import { css, unsafeCSS } from 'lit';
import { ROW_HEIGHT_PX, SHEET_FRACTION, TOOLBAR_CLEARANCE_PX, Z } from './layout';

const px = (n: number) => unsafeCSS(`${n}px`);
const n = (v: number) => unsafeCSS(String(v));

/**
 * The design tokens every piece uses: colours and shapes (each reachable through a documented
 * `--bp-*` property, light and dark), the shared sizes and the stacking scale, and the reset that
 * stops a shop's inherited styles at the picker's edge.
 */
export const tokens = css`
  .base {
    --_primary: var(--bp-primary, #0a5bd3);
    --_primary-contrast: var(--bp-primary-contrast, #ffffff);
    --_surface: var(--bp-surface, #ffffff);
    --_text: var(--bp-text, #1b1d21);
    --_muted: var(--bp-muted, #5c6370);
    --_border: var(--bp-border, #dde1e7);
    --_radius: var(--bp-radius, 12px);
    --_font: var(--bp-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'PT Sans', sans-serif);
    --_focus: var(--bp-focus, #0a5bd3);
    --_post_office: var(--bp-color-post-office, #0a5bd3);
    --_parcel_locker: var(--bp-color-parcel-locker, #d4530c);
    --_pickup_point: var(--bp-color-pickup-point, #1f8a3a);
    --_ok: var(--bp-color-open, #17813a);
    --_warning: var(--bp-color-warning, #f59f00);
    --_warning-text: var(--bp-color-warning-text, #b54708);
    --_marker-outline: var(--bp-marker-outline, #ffffff);
    --_backdrop: var(--bp-backdrop, rgb(10 14 22 / 0.55));
    --_shadow: var(--bp-shadow, 0 6px 24px rgb(16 24 40 / 0.16), 0 1px 3px rgb(16 24 40 / 0.12));

    --_row-height: ${px(ROW_HEIGHT_PX)};
    --_sheet-height: ${unsafeCSS(String(SHEET_FRACTION * 100) + '%')};
    --_toolbar-clearance: ${px(TOOLBAR_CLEARANCE_PX)};
    --_z-marker: ${n(Z.marker)};
    --_z-count: ${n(Z.count)};
    --_z-overlay: ${n(Z.overlay)};
    --_z-panel: ${n(Z.panel)};
    --_z-toolbar: ${n(Z.toolbar)};
    --_z-sheet: ${n(Z.sheet)};
    --_z-sheet-toggle: ${n(Z.sheetToggle)};
    --_z-suggestions: ${n(Z.suggestions)};
    --_z-modal: ${n(Z.modal)};

    position: relative;
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    overflow: hidden;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    font-family: var(--_font);
    font-size: 15px;
    line-height: 1.4;
    color: var(--_text);
    /* Inherited properties stop here: a shop's body { letter-spacing; text-transform; … } would
       otherwise reach into the shadow root through the host. */
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    overflow-wrap: normal;
    hyphens: manual;
    direction: ltr;
    visibility: visible;
    cursor: auto;
    list-style: none;
    background: var(--_surface);
    container-type: inline-size;
    -webkit-text-size-adjust: 100%;
  }
  .base.dark {
    --_primary: var(--bp-primary, #5b9dff);
    --_primary-contrast: var(--bp-primary-contrast, #0b1220);
    --_surface: var(--bp-surface, #1d2026);
    --_text: var(--bp-text, #eceef2);
    --_muted: var(--bp-muted, #a6adbb);
    --_border: var(--bp-border, #343944);
    --_focus: var(--bp-focus, #8ab8ff);
    --_post_office: var(--bp-color-post-office, #5b9dff);
    --_parcel_locker: var(--bp-color-parcel-locker, #ff8a4c);
    --_pickup_point: var(--bp-color-pickup-point, #4cc46e);
    --_ok: var(--bp-color-open, #5fd17d);
    --_warning-text: var(--bp-color-warning-text, #fdb022);
    --_shadow: var(--bp-shadow, 0 6px 24px rgb(0 0 0 / 0.5));
    color-scheme: dark;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  /* The type colour of whatever carries the type's class: markers, dots, the card's label. */
  .bp-post_office {
    --_type: var(--_post_office);
  }
  .bp-parcel_locker {
    --_type: var(--_parcel_locker);
  }
  .bp-pickup_point {
    --_type: var(--_pickup_point);
  }
`;
