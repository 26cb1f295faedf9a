import { css } from 'lit';

/** The virtualised list: rows of a fixed height (`--_row-height`), positioned by transform. */
export const listStyles = css`
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
    height: var(--_row-height);
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
  .row-state.is-open {
    color: var(--_ok);
  }
  .row-state.is-closed {
    color: var(--_muted);
  }
`;
