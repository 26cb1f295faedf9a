import { css } from 'lit';

/** Filter chips: the types with their counts, and the needs folded behind "more". */
export const filterStyles = css`
  .filters,
  .more-filters {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .more-filters {
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
    position: relative;
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
  /* The chip's 36 px grow to a 44 px tap target with a transparent halo; on a phone, to 44 px. */
  .chip::after {
    content: '';
    position: absolute;
    inset: -4px 0;
  }
  .narrow .chip {
    min-height: 44px;
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
`;
