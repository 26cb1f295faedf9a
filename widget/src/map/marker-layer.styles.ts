import { css } from 'lit';

/** The markers the marker layer builds: buttons over the map, positioned by the map controller. */
export const markerStyles = css`
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
    border-radius: 50%;
    background: none;
    font: inherit;
    color: inherit;
    cursor: pointer;
    pointer-events: auto;
    -webkit-tap-highlight-color: transparent;
    animation: bp-appear 160ms ease-out;
  }
  .bp-cluster {
    width: var(--size, 40px);
    height: var(--size, 40px);
    min-width: 44px;
    min-height: 44px;
    display: grid;
    place-items: center;
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
    border: 3px solid var(--_marker-outline);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.4);
    transition:
      width 120ms ease-out,
      height 120ms ease-out;
  }
  /* Shapes as well as colours tell the types apart, for those who do not see the colours. */
  .bp-parcel_locker .bp-dot {
    border-radius: 5px;
  }
  .bp-pickup_point .bp-dot {
    border-radius: 4px;
    transform: rotate(45deg) scale(0.9);
  }
  /* Under the pointer, highlighted from the list, or open: the marker grows. */
  .bp-branch:hover .bp-dot,
  .bp-highlight .bp-dot,
  .bp-active .bp-dot {
    width: 28px;
    height: 28px;
  }
  .bp-highlight,
  .bp-active {
    z-index: var(--_z-marker);
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
`;
