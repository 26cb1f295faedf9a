import { css } from 'lit';

/** Text for screen readers only, and no movement for those who asked for none. */
export const a11y = css`
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
