import { css } from 'lit';

/** The search box and its suggestions. */
export const searchStyles = css`
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
    font: inherit;
    /* 16 px: phones do not zoom the page when the field takes focus. */
    font-size: 16px;
  }
  .search-input::placeholder {
    color: var(--_muted);
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
    z-index: var(--_z-suggestions);
    display: flex;
    flex-direction: column;
    max-height: min(60vh, 420px);
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .suggestions[hidden] {
    display: none;
  }
  /* The list scrolls, not the panel: the listbox is what the search box points into. */
  .suggestion-list {
    position: relative; /* the options' offsetParent, to scroll the active one into sight */
    min-height: 0;
    overflow: auto;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .suggestions-note {
    margin: 0;
    padding: 8px 10px 6px;
    color: var(--_text);
    font-size: 13px;
    border-bottom: 1px solid var(--_border);
    margin-bottom: 4px;
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
  .suggestion-name {
    display: flex;
    align-items: center;
    gap: 6px;
    font-weight: 600;
  }
  .suggestion-detail {
    color: var(--_muted);
    font-size: 13px;
  }
  .search-note {
    margin: 6px 2px 0;
    color: var(--_muted);
    font-size: 14px;
  }
`;
