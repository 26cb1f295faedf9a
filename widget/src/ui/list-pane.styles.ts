import { css } from 'lit';

/** What surrounds the list: the remembered branch, a notice, the summary, the empty state. */
export const listPaneStyles = css`
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
    background: color-mix(in srgb, var(--_warning) 16%, var(--_surface));
    color: var(--_text);
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
`;
