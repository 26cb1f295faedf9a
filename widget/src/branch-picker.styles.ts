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
    color-scheme: dark;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .map {
    position: absolute;
    inset: 0;
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

  /* The branch card, bottom left; a bottom sheet on narrow pickers. */
  .card {
    position: absolute;
    left: 12px;
    bottom: 12px;
    z-index: 5;
    width: min(380px, calc(100% - 24px));
    max-height: calc(100% - 24px);
    overflow: auto;
    padding: 16px;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  @container (max-width: 480px) {
    .card {
      left: 0;
      bottom: 0;
      width: 100%;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
  }
  .card-head {
    display: flex;
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
    margin: 6px 0 4px;
    font-size: 18px;
    line-height: 1.3;
  }
  .address {
    margin: 0 0 12px;
    color: var(--_text);
  }
  .facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 12px;
    margin: 0 0 14px;
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

  @media (prefers-reduced-motion: reduce) {
    .bp-marker,
    .spinner {
      animation: none;
    }
    .bp-dot,
    .bp-cluster {
      transition: none;
    }
  }
`;
