import { css } from 'lit';

/** The toolbar: search, near me, the dialog's close button, and the filters below them. */
export const toolbarStyles = css`
  .toolbar {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 12px;
    border-bottom: 1px solid var(--_border);
  }
  .narrow .toolbar {
    position: absolute;
    left: 8px;
    right: 8px;
    top: 8px;
    z-index: var(--_z-toolbar);
    padding: 8px;
    border-bottom: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .search-row {
    display: flex;
    gap: 8px;
    align-items: flex-start;
  }
`;
