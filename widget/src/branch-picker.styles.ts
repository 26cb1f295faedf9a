import { css } from 'lit';

/**
 * The element's styles. Everything lives in the shadow root: nothing leaks out to the shop's page
 * and the shop's CSS does not leak in, except through the documented `--bp-*` custom properties
 * and `::part()`s. Only `display` and a default height sit on `:host`.
 */
export const styles = css`
  :host {
    display: block;
    height: 520px;
    contain: content;
  }
  :host([hidden]) {
    display: none;
  }
  /* A dialog takes no room in the page, and containment would clip its fixed overlay to the host. */
  :host([mode='modal']) {
    height: 0;
    contain: none;
  }

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
    --_shadow: 0 6px 24px rgb(16 24 40 / 0.16), 0 1px 3px rgb(16 24 40 / 0.12);
    --_ok: var(--bp-color-open, #17813a);

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
    --_shadow: 0 6px 24px rgb(0 0 0 / 0.5);
    --_ok: var(--bp-color-open, #5fd17d);
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

  /* Layout. Wide: the panel (search, filters, list or card) beside the map. Narrow (a phone): the
     map fills the picker, search and filters on top, the list or card in a sheet below. */
  .frame {
    position: relative;
    display: grid;
    grid-template-columns: minmax(300px, 380px) 1fr;
    width: 100%;
    height: 100%;
  }
  .no-pane.wide .frame {
    grid-template-columns: minmax(260px, 340px) 1fr;
  }
  .panel {
    position: relative;
    z-index: 6;
    display: flex;
    flex-direction: column;
    min-height: 0;
    border-right: 1px solid var(--_border);
    background: var(--_surface);
  }
  .stage {
    position: relative;
    min-width: 0;
    min-height: 0;
  }
  .map {
    position: absolute;
    inset: 0;
  }
  .pane {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .narrow .frame {
    display: block;
  }
  .narrow .stage {
    position: absolute;
    inset: 0;
  }
  .narrow .panel {
    display: contents;
  }
  .narrow .toolbar {
    position: absolute;
    left: 8px;
    right: 8px;
    top: 8px;
    z-index: 7;
    padding: 8px;
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .narrow .pane {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    z-index: 8;
    height: 62%;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface);
    box-shadow: 0 -6px 24px rgb(16 24 40 / 0.18);
    transform: translateY(100%);
    visibility: hidden;
    transition:
      transform 220ms ease-out,
      visibility 0s linear 220ms;
  }
  .narrow.sheet-open .pane {
    transform: none;
    visibility: visible;
    transition: transform 220ms ease-out;
  }
  .narrow .count {
    display: none;
  }
  /* MapLibre's zoom buttons move below the toolbar. */
  .narrow .maplibregl-ctrl-top-right {
    top: 132px;
  }
  /* Fingers need 44 px: MapLibre's 29 px zoom buttons and the chips grow on a phone. */
  .narrow .maplibregl-ctrl-group button {
    width: 44px;
    height: 44px;
  }
  .narrow .chip {
    min-height: 44px;
  }
  .sheet-toggle {
    position: absolute;
    left: 50%;
    bottom: 36px;
    z-index: 9;
    transform: translateX(-50%);
    min-height: 44px;
    padding: 10px 22px;
    border: 0;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_primary-contrast);
    font: inherit;
    font-weight: 700;
    box-shadow: var(--_shadow);
    cursor: pointer;
  }
  .narrow.sheet-open .sheet-toggle {
    bottom: calc(62% + 10px);
  }
  .narrow.sheet-open .overlay {
    top: 19%;
  }

  /* Modal: a dialog over the page, the page dimmed behind it. */
  .modal {
    position: fixed;
    inset: 0;
    z-index: 2147483000;
    border: 0;
    border-radius: 0;
    background: transparent;
  }
  .backdrop {
    position: absolute;
    inset: 0;
    background: rgb(10 14 22 / 0.55);
  }
  .modal .frame {
    position: absolute;
    inset: 4vh 4vw;
    width: auto;
    height: auto;
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 24px 64px rgb(0 0 0 / 0.35);
  }
  .modal.narrow .frame {
    inset: 0;
    border-radius: 0;
  }

  /* Toolbar: search, near me, filters. */
  .toolbar {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 12px;
    border-bottom: 1px solid var(--_border);
  }
  .narrow .toolbar {
    border-bottom: 0;
  }
  .search-row {
    display: flex;
    gap: 8px;
    align-items: flex-start;
  }
  .search {
    position: relative;
    flex: 1;
    min-width: 0;
  }
  .search-input {
    width: 100%;
    min-height: 44px;
    padding: 10px 40px 10px 14px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface);
    color: var(--_text);
    /* 16 px: phones do not zoom the page when the field takes focus. */
    font: inherit;
    font-size: 16px;
  }
  .search-input::placeholder {
    color: var(--_muted);
  }
  .search-input:focus-visible,
  .chip:focus-visible,
  .row:focus-visible,
  .icon-button:focus-visible,
  .sheet-toggle:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .search-spinner {
    position: absolute;
    right: 12px;
    top: 12px;
  }
  .suggestions {
    position: absolute;
    left: 0;
    right: 0;
    top: calc(100% + 4px);
    z-index: 20;
    max-height: min(60vh, 420px);
    overflow: auto;
    margin: 0;
    padding: 4px;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .suggestion {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-height: 44px;
    padding: 8px 10px;
    border-radius: 6px;
    cursor: pointer;
  }
  .suggestion.is-active,
  .suggestion:hover {
    background: color-mix(in srgb, var(--_primary) 12%, var(--_surface));
  }
  .s-main {
    display: flex;
    align-items: center;
    gap: 6px;
    font-weight: 600;
  }
  .s-sub {
    color: var(--_muted);
    font-size: 13px;
  }
  .search-note {
    margin: 6px 2px 0;
    color: var(--_muted);
    font-size: 14px;
  }
  .icon-button {
    flex: none;
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface);
    color: var(--_text);
    font-size: 22px;
    cursor: pointer;
  }
  .icon-button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .icon-button svg {
    width: 22px;
    height: 22px;
    fill: currentColor;
    stroke: currentColor;
    stroke-width: 2;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .more-filters {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    width: 100%;
  }
  .narrow .more-filters {
    flex-wrap: nowrap;
    width: auto;
  }
  .narrow .filters {
    flex-wrap: nowrap;
    overflow-x: auto;
    scrollbar-width: none;
    /* The row scrolls sideways on a phone: its right edge fades to say there is more. */
    padding-right: 24px;
    mask-image: linear-gradient(to right, #000 calc(100% - 28px), transparent);
  }
  .chip {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 5px;
    min-height: 36px;
    padding: 5px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 13px;
    cursor: pointer;
  }
  /* The chip's 36 px grow to a 44 px tap target with a transparent halo. */
  .chip {
    position: relative;
  }
  .chip::after {
    content: '';
    position: absolute;
    inset: -4px 0;
  }
  .chip[aria-pressed='true'] {
    border-color: var(--_primary);
    background: color-mix(in srgb, var(--_primary) 14%, var(--_surface));
    font-weight: 600;
  }
  .chip-count {
    color: var(--_muted);
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }

  /* The list. */
  .list-summary,
  .list-note,
  .notice {
    margin: 10px 14px 4px;
    font-size: 13px;
    color: var(--_muted);
  }
  .notice {
    padding: 8px 10px;
    border-radius: 8px;
    background: color-mix(in srgb, #f59f00 16%, var(--_surface));
    color: var(--_text);
  }
  .list {
    position: relative;
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .list-spacer {
    position: relative;
  }
  .list-item {
    position: absolute;
    left: 0;
    right: 0;
    top: 0;
  }
  .row {
    display: grid;
    align-content: center;
    gap: 3px;
    width: 100%;
    height: 84px;
    padding: 8px 14px;
    line-height: 1.3;
    border: 0;
    border-bottom: 1px solid var(--_border);
    background: none;
    color: var(--_text);
    font: inherit;
    text-align: left;
    cursor: pointer;
  }
  .row:hover,
  .row.is-highlighted {
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  .row-top {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .row-name {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    font-weight: 600;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .row-distance {
    flex: none;
    color: var(--_muted);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .row-address,
  .row-state {
    overflow: hidden;
    font-size: 13px;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .row-address {
    color: var(--_muted);
    min-height: 1.3em;
  }
  .row-state.is-open,
  .state.is-open {
    color: var(--_ok);
  }
  .row-state.is-closed,
  .state.is-closed {
    color: var(--_muted);
  }
  .dot {
    flex: none;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_type);
  }
  .bp-parcel_locker .dot,
  .dot.bp-parcel_locker {
    border-radius: 2px;
  }
  .bp-pickup_point .dot,
  .dot.bp-pickup_point {
    border-radius: 1px;
    transform: rotate(45deg) scale(0.85);
  }
  .empty {
    display: grid;
    gap: 10px;
    justify-items: start;
    margin: 16px 14px;
  }
  .empty p {
    margin: 0;
  }
  .remembered {
    display: grid;
    gap: 8px;
    margin: 12px 12px 0;
    padding: 10px 12px;
    border-radius: calc(var(--_radius) - 4px);
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
    font-size: 14px;
  }
  .remembered-actions {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  button.small {
    min-height: 44px;
    padding: 6px 14px;
    font-size: 14px;
  }

  /* Markers: buttons over the map, positioned by the map controller. */
  .bp-markers {
    position: absolute;
    left: 0;
    top: 0;
    width: 0;
    height: 0;
  }
  .bp-marker {
    position: absolute;
    left: 0;
    top: 0;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: inherit;
    cursor: pointer;
    pointer-events: auto;
    -webkit-tap-highlight-color: transparent;
    animation: bp-appear 160ms ease-out;
  }
  .bp-marker:focus {
    outline: none;
  }
  .bp-marker:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 50%;
  }
  .bp-cluster {
    width: var(--size, 40px);
    height: var(--size, 40px);
    min-width: 44px;
    min-height: 44px;
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--_primary);
    background-clip: content-box;
    color: var(--_primary-contrast);
    font-weight: 700;
    font-size: 13px;
    font-variant-numeric: tabular-nums;
    box-shadow:
      0 0 0 5px color-mix(in srgb, var(--_primary) 28%, transparent),
      0 2px 6px rgb(0 0 0 / 0.25);
    transition: transform 120ms ease-out;
  }
  .bp-cluster:hover {
    filter: brightness(1.08);
  }
  .bp-branch {
    width: 44px;
    height: 44px;
    display: grid;
    place-items: center;
  }
  .bp-dot {
    width: 20px;
    height: 20px;
    border-radius: 50%;
    background: var(--_type);
    border: 3px solid #fff;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.4);
    transition:
      width 120ms ease-out,
      height 120ms ease-out;
  }
  /* Shapes as well as colours tell the types apart, for those who do not see the colours. */
  .bp-post_office {
    --_type: var(--_post_office);
  }
  .bp-parcel_locker {
    --_type: var(--_parcel_locker);
  }
  .bp-parcel_locker .bp-dot {
    border-radius: 5px;
  }
  .bp-pickup_point {
    --_type: var(--_pickup_point);
  }
  .bp-pickup_point .bp-dot {
    border-radius: 4px;
    transform: rotate(45deg) scale(0.9);
  }
  .bp-branch:hover .bp-dot,
  .bp-active .bp-dot {
    width: 28px;
    height: 28px;
  }
  .bp-active {
    z-index: 2;
  }
  .bp-active .bp-dot {
    box-shadow:
      0 0 0 5px color-mix(in srgb, var(--_type) 35%, transparent),
      0 2px 6px rgb(0 0 0 / 0.4);
  }
  .bp-chosen .bp-dot {
    border-color: var(--_text);
  }
  @keyframes bp-appear {
    from {
      opacity: 0;
    }
  }

  /* The count of branches in view, top left. */
  .count {
    position: absolute;
    top: 10px;
    left: 10px;
    z-index: 3;
    padding: 6px 12px;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font-size: 14px;
    font-weight: 600;
    pointer-events: none;
  }

  .overlay {
    position: absolute;
    left: 50%;
    top: 50%;
    z-index: 4;
    transform: translate(-50%, -50%);
    display: flex;
    align-items: center;
    gap: 12px;
    max-width: calc(100% - 32px);
    padding: 14px 18px;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .spinner {
    flex: none;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    border: 3px solid color-mix(in srgb, var(--_primary) 25%, transparent);
    border-top-color: var(--_primary);
    animation: bp-spin 0.8s linear infinite;
  }
  @keyframes bp-spin {
    to {
      transform: rotate(1turn);
    }
  }

  button.primary,
  button.secondary {
    min-height: 44px;
    padding: 10px 18px;
    border-radius: calc(var(--_radius) - 4px);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    border: 0;
    background: var(--_primary);
    color: var(--_primary-contrast);
  }
  button.primary:hover {
    filter: brightness(1.06);
  }
  button.primary[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_primary) 14%, var(--_surface));
    color: var(--_text);
  }
  button.secondary {
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  button:focus-visible,
  h2:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* The branch card: in the panel (wide), in the sheet (narrow); Choose pinned at its foot. */
  .card {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    color: var(--_text);
  }
  .no-pane.wide .card {
    position: absolute;
  }
  .card-head {
    padding: 12px 14px 0;
  }
  .card-body {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding: 0 14px 8px;
  }
  .card-foot {
    padding: 10px 14px 14px;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
  }
  .card h3 {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 8px;
    margin: 14px 0 6px;
    font-size: 14px;
  }
  .card h3 .muted {
    font-weight: 400;
    font-size: 13px;
  }
  .state {
    margin: 0 0 6px;
    font-weight: 600;
  }
  .hours {
    width: 100%;
    border-collapse: collapse;
    font-size: 14px;
  }
  .hours th {
    width: 5.5em;
    padding: 3px 8px 3px 0;
    font-weight: 400;
    text-align: left;
    vertical-align: top;
    color: var(--_muted);
  }
  .hours td {
    padding: 3px 0;
  }
  .hours tr.today th,
  .hours tr.today td {
    font-weight: 700;
    color: var(--_text);
  }
  .today-mark {
    display: block;
    font-size: 11px;
    font-weight: 600;
    color: var(--_primary);
    text-transform: uppercase;
  }
  .break {
    display: block;
    color: var(--_muted);
    font-weight: 400;
    font-size: 13px;
  }
  .holidays {
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 14px;
  }
  .holidays li {
    display: flex;
    gap: 8px;
  }
  .holidays li > span:first-child {
    min-width: 5.5em;
    color: var(--_muted);
  }
  .warn {
    color: #b54708;
    font-weight: 600;
  }
  .dark .warn {
    color: #fdb022;
  }
  .card-head {
    display: flex;
    flex: none;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .type {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .type::before {
    content: '';
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_type);
  }
  .close {
    flex: none;
    width: 44px;
    height: 44px;
    margin: -10px -10px -10px 0;
    border: 0;
    border-radius: 50%;
    background: none;
    color: var(--_muted);
    font-size: 24px;
    line-height: 1;
    cursor: pointer;
  }
  .close:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .card h2 {
    margin: 4px 0 4px;
    font-size: 18px;
    line-height: 1.3;
  }
  /* The heading takes focus so that a screen reader reads the card next; it is not a control, and
     a ring around it after a tap or a click would look like a fault. The next Tab lands on one. */
  .card h2:focus {
    outline: none;
  }
  .address {
    margin: 0 0 12px;
    color: var(--_text);
  }
  .facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 12px;
    margin: 14px 0 6px;
    font-size: 14px;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
  }
  .card .primary {
    width: 100%;
  }
  .quote {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 8px;
    margin: 0 0 12px;
    padding: 10px 12px;
    border-radius: calc(var(--_radius) - 4px);
    background: color-mix(in srgb, var(--_primary) 7%, var(--_surface));
  }
  .quote-label {
    color: var(--_muted);
    font-size: 14px;
  }
  .price {
    font-size: 17px;
  }
  .badge {
    padding: 1px 8px;
    border-radius: 999px;
    background: color-mix(in srgb, #f59f00 22%, var(--_surface));
    color: var(--_text);
    font-size: 12px;
    font-weight: 600;
  }
  .hint {
    margin: -6px 0 12px;
    font-size: 13px;
  }
  button.link {
    min-height: 44px;
    padding: 0 4px;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
  .muted {
    color: var(--_muted);
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }

  /* No movement the buyer did not ask for: the sheet, markers and spinners stand still (the map's
     own camera jumps instead of flying; see map-controller). */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
