import { css } from 'lit';
import { markerStyles } from './map/marker-layer.styles';
import { a11y } from './styles/a11y.styles';
import { controls } from './styles/controls.styles';
import { tokens } from './styles/tokens.styles';
import { filterStyles } from './ui/filters.styles';
import { listPaneStyles } from './ui/list-pane.styles';
import { listStyles } from './ui/list.styles';
import { searchStyles } from './ui/search.styles';
import { stageStyles } from './ui/stage.styles';
import { toolbarStyles } from './ui/toolbar.styles';

/**
 * The element's own layout: the host, the frame, the panel beside the map (wide) or over it with a
 * sheet below (narrow, a phone), and the dialog. Each piece inside has its styles beside its
 * template (ui/*.styles.ts); the shared tokens, controls and accessibility sheets are in styles/.
 * Everything lives in the shadow root: nothing leaks out, and the shop's CSS comes in only through
 * the documented `--bp-*` custom properties and `::part()`s.
 */
const layout = css`
  :host {
    display: block;
    height: 520px;
    /* The picker's layout never depends on the page's, nor the page's on it. */
    contain: content;
  }
  :host([hidden]) {
    display: none;
  }
  /* A dialog takes no room in the page, and containment would clip its fixed overlay to the host. */
  :host([mode='modal']) {
    height: 0;
    contain: none;
  }

  /* Wide: the panel (search, filters, list or card) beside the map. */
  .frame {
    position: relative;
    display: grid;
    grid-template-columns: minmax(300px, 380px) 1fr;
    width: 100%;
    height: 100%;
  }
  .no-pane.wide .frame {
    grid-template-columns: minmax(260px, 340px) 1fr;
  }
  .panel {
    position: relative;
    z-index: var(--_z-panel);
    display: flex;
    flex-direction: column;
    min-height: 0;
    border-right: 1px solid var(--_border);
    background: var(--_surface);
  }
  .stage {
    position: relative;
    min-width: 0;
    min-height: 0;
  }
  .map {
    position: absolute;
    inset: 0;
  }
  .pane {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }

  /* Narrow (a phone): the map fills the picker, search and filters on top, the list or card in a
     sheet below. */
  .narrow .frame {
    display: block;
  }
  .narrow .stage {
    position: absolute;
    inset: 0;
  }
  .narrow .panel {
    display: contents;
  }
  .narrow .pane {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    z-index: var(--_z-sheet);
    height: var(--_sheet-height);
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface);
    box-shadow: var(--_shadow);
    transform: translateY(100%);
    visibility: hidden;
    transition:
      transform 220ms ease-out,
      visibility 0s linear 220ms;
  }
  .narrow.sheet-open .pane {
    transform: none;
    visibility: visible;
    transition: transform 220ms ease-out;
  }
  /* MapLibre's zoom buttons move below the toolbar, and grow to 44 px for fingers. */
  .narrow .maplibregl-ctrl-top-right {
    top: var(--_toolbar-clearance);
  }
  .narrow .maplibregl-ctrl-group button {
    width: 44px;
    height: 44px;
  }

  /* Modal: a dialog over the page, the page dimmed behind it. */
  .modal {
    position: fixed;
    inset: 0;
    z-index: var(--_z-modal);
    border: 0;
    border-radius: 0;
    background: transparent;
  }
  .backdrop {
    position: absolute;
    inset: 0;
    background: var(--_backdrop);
  }
  .modal .frame {
    position: absolute;
    inset: 4vh 4vw;
    width: auto;
    height: auto;
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .modal.narrow .frame {
    inset: 0;
    border-radius: 0;
  }
`;

/** The element's styles: shared sheets first, then its own layout, then each piece's. */
export const styles = [
  tokens,
  controls,
  a11y,
  layout,
  toolbarStyles,
  searchStyles,
  filterStyles,
  listPaneStyles,
  listStyles,
  stageStyles,
  markerStyles,
];
