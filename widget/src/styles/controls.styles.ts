import { css } from 'lit';

/** Buttons, the one focus ring, the spinner and muted text: shared by every piece. */
export const controls = css`
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
  button.small {
    min-height: 44px;
    padding: 6px 14px;
    font-size: 14px;
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
  /* The one focus ring: keyboard focus only, on every control and on what takes focus to be read. */
  :is(button, input, [tabindex]):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
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
  .muted {
    color: var(--_muted);
  }
  /* A type's dot: a circle for offices, a square for lockers, a diamond for pickup points. */
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
`;
