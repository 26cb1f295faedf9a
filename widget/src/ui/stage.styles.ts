import { css } from 'lit';

/** Over the map: the count of branches in view, the phone's map/list switch, loading and errors. */
export const stageStyles = css`
  .count {
    position: absolute;
    top: 10px;
    left: 10px;
    z-index: var(--_z-count);
    padding: 6px 12px;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font-size: 14px;
    font-weight: 600;
    pointer-events: none;
  }
  .narrow .count {
    display: none;
  }
  .sheet-toggle {
    position: absolute;
    left: 50%;
    bottom: 36px;
    z-index: var(--_z-sheet-toggle);
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
    bottom: calc(var(--_sheet-height) + 10px);
  }
  .overlay {
    position: absolute;
    left: 50%;
    top: 50%;
    z-index: var(--_z-overlay);
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
  /* With the sheet open, the message sits in the middle of the map that is still in view. */
  .narrow.sheet-open .overlay {
    top: calc((100% - var(--_sheet-height)) / 2);
  }
`;
