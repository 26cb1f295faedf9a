import { css } from 'lit';

/**
 * The branch card: in the panel (wide), in the sheet (narrow); Choose pinned at its foot. Ships in
 * the card's lazy chunk and is adopted into the shadow root when the chunk arrives.
 */
export const cardStyles = css`
  .card {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    color: var(--_text);
  }
  .no-pane.wide .card {
    position: absolute;
  }
  .card-head {
    display: flex;
    flex: none;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 12px 14px 0;
  }
  .card-body {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding: 0 14px 8px;
  }
  .card-foot {
    padding: 10px 14px 14px;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
  }
  .card h2 {
    margin: 4px 0 4px;
    font-size: 18px;
    line-height: 1.3;
  }
  /* The heading takes focus so that a screen reader reads the card next; it is not a control, and
     a ring around it after a tap or a click would look like a fault. The next Tab lands on one. */
  .card h2:focus {
    outline: none;
  }
  .card h3 {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 8px;
    margin: 14px 0 6px;
    font-size: 14px;
  }
  .card h3 .muted {
    font-weight: 400;
    font-size: 13px;
  }
  .card .primary {
    width: 100%;
  }
  .card-type {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .card-type::before {
    content: '';
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_type);
  }
  .card-close {
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
  .card-close:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .state {
    margin: 0 0 6px;
    font-weight: 600;
  }
  .state.is-open {
    color: var(--_ok);
  }
  .state.is-closed {
    color: var(--_muted);
  }
  .address {
    margin: 0 0 12px;
    color: var(--_text);
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
    background: color-mix(in srgb, var(--_warning) 22%, var(--_surface));
    color: var(--_text);
    font-size: 12px;
    font-weight: 600;
  }
  .hint {
    margin: -6px 0 12px;
    font-size: 13px;
  }
  .hours {
    width: 100%;
    border-collapse: collapse;
    font-size: 14px;
  }
  .hours th {
    width: 5.5em;
    padding: 3px 8px 3px 0;
    font-weight: 400;
    text-align: left;
    vertical-align: top;
    color: var(--_muted);
  }
  .hours td {
    padding: 3px 0;
  }
  .hours tr.today th,
  .hours tr.today td {
    font-weight: 700;
    color: var(--_text);
  }
  .today-mark {
    display: block;
    font-size: 11px;
    font-weight: 600;
    color: var(--_primary);
    text-transform: uppercase;
  }
  .break {
    display: block;
    color: var(--_muted);
    font-weight: 400;
    font-size: 13px;
  }
  .holidays {
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 14px;
  }
  .holidays li {
    display: flex;
    gap: 8px;
  }
  .holidays li > span:first-child {
    min-width: 5.5em;
    color: var(--_muted);
  }
  .facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 12px;
    margin: 14px 0 6px;
    font-size: 14px;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
  }
  .warn {
    color: var(--_warning-text);
    font-weight: 600;
  }
`;
