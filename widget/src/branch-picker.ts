/**
 * `<branch-picker>`: every branch findable by search, list or map; the facts that decide the choice
 * on a card; inline or in a dialog; on a phone with a bottom sheet; by mouse, touch or keyboard.
 *
 * A thin host: its properties come from the options table (options.ts), parsed once per update;
 * each concern is a reactive controller that releases what it acquired when the element leaves the
 * page (controllers/, ui/list.ts, ui/search.ts, ui/card-loader.ts); the markup is template
 * functions in ui/, each with its styles beside it.
 *
 * Member order: static → private fields → lifecycle → private methods → public methods → render().
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { styles } from './branch-picker.styles';
import { Announcer } from './controllers/announcer';
import { DialogController } from './controllers/dialog';
import { HistoryController } from './controllers/history';
import { LayoutController } from './controllers/layout';
import { LIST_LIMIT, MapView } from './controllers/map-view';
import { Navigation } from './controllers/navigation';
import { SavedConfigController } from './controllers/saved-config';
import { SelectionController } from './controllers/selection';
import { PickerSession } from './controllers/session';
import { StoreController } from './controllers/store-controller';
import { catalog, type Catalog } from './i18n';
import {
  isDark,
  OPTION_KEYS,
  OPTION_PROPERTIES,
  parcelOf,
  resolveOptions,
  sessionKey,
  siteTypes,
  type OptionKey,
  type OptionProperties,
  type ResolvedOptions,
} from './options';
import { createPickerStore, isActiveChosen, rememberedOffer } from './state/store';
import { CardLoader } from './ui/card-loader';
import { ListController } from './ui/list';
import { renderListPane } from './ui/list-pane';
import { SearchController } from './ui/search';
import { renderStage } from './ui/stage';
import { renderToolbar } from './ui/toolbar';
import { SCRIPT_BASE } from './util/script-base';

/** What a change re-prices the open card for. */
const PARCEL_KEYS: readonly OptionKey[] = ['from', 'weight', 'value', 'cod', 'service', 'size'];

// The options' properties (api, types, …) are declared from the options table; `lang` is
// HTMLElement's own, a string that is empty when the attribute is absent.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface BranchPicker extends Omit<OptionProperties, 'lang'> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class BranchPicker extends LitElement {
  static override styles = styles;
  static override properties = OPTION_PROPERTIES;

  /** Every option parsed, once per update (willUpdate). */
  private resolved: ResolvedOptions = resolveOptions({});
  private get options() {
    return this.resolved.options;
  }
  private readonly state = new StoreController(this, createPickerStore());
  private readonly store = this.state.store;
  private readonly layout = new LayoutController(this, () => this.options.phoneStart === 'list');
  private readonly savedConfig = new SavedConfigController(this, {
    source: () => ({ id: this.options.config, api: this.options.api }),
  });
  private readonly announcer = new Announcer(this);
  private readonly card = new CardLoader(this);
  private readonly dialog = new DialogController(this, {
    modal: () => this.options.mode === 'modal',
    initialFocus: () =>
      this.renderRoot.querySelector<HTMLElement>(
        this.options.noSearch ? '.dialog-close' : '#bp-search',
      ),
    frame: () => this.renderRoot.querySelector<HTMLElement>('.frame'),
    closeInner: () => Boolean(this.store.getState().activeId && (this.selection.closeCard(), true)),
  });
  private readonly backButton = new HistoryController(this, {
    enabled: () => this.options.history,
    close: (layer) =>
      layer === 'card' ? this.selection.closeCard({ byBack: true }) : this.layout.setSheet(false),
  });
  private readonly session: PickerSession = new PickerSession(this, {
    store: this.store,
    resolved: () => this.resolved,
    dark: () => this.dark,
    key: () => sessionKey(this.resolved, this.dark),
    visible: () =>
      this.savedConfig.settled && (this.options.mode !== 'modal' || this.dialog.isOpen),
    narrow: () => this.layout.narrow,
    markers: {
      onCluster: (f) => void this.view.expandCluster(f),
      onBranch: (f) => void this.selection.activate(f.id, true),
      onHover: (id) => this.list.highlight(id),
    },
    onMove: () => this.view.schedule(),
    onStart: (client) => this.selection.recall(client.base),
    onReady: (options) => {
      this.view.catchUp(options);
      this.view.schedule();
      this.selection.preselect(options.selected);
      this.card.load();
    },
    onStop: () => {
      this.selection.reset();
      this.view.reset();
      this.list.reset();
      this.announcer.cancel();
    },
  });
  private readonly list: ListController = new ListController(this, {
    client: () => this.session.client,
    onOpen: (row) => this.navigation.openRow(row),
    onHighlight: (id) => this.session.map?.setHighlight(id),
  });
  private readonly view: MapView = new MapView(this, {
    store: this.store,
    session: this.session,
    list: this.list,
    announcer: this.announcer,
    t: () => this.t,
    resolved: () => this.resolved,
  });
  private readonly selection: SelectionController = new SelectionController(this, {
    store: this.store,
    session: this.session,
    layout: this.layout,
    history: this.backButton,
    options: () => this.resolved.options,
    cardReady: () => this.card.ready,
    showBranch: (location) => this.navigation.showBranch(location),
    onChosen: () => this.dialog.close(),
  });
  private readonly navigation: Navigation = new Navigation(this, {
    store: this.store,
    session: this.session,
    layout: this.layout,
    view: this.view,
    announcer: this.announcer,
    t: () => this.t,
    openBranch: (id) => void this.selection.activate(id, true),
  });
  private readonly search = new SearchController(this, {
    client: () => this.session.client,
    near: () => this.session.map?.centre() ?? null,
    types: () => this.view.activeTypes(),
    onPlace: (place) => this.navigation.goToPlace(place),
    onBranch: (branch) => this.navigation.goToBranch(branch),
  });

  protected override willUpdate(): void {
    const values: Partial<Record<OptionKey, unknown>> = {};
    for (const key of OPTION_KEYS) values[key] = this[key];
    values.lang = this.lang || null;
    this.resolved = resolveOptions(this.savedConfig.merge(values));
    if (!this.options.api) this.options.api = SCRIPT_BASE;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.session.restartIfChanged() || !this.session.map) return;
    if (changed.has('center') || changed.has('zoom')) this.view.applyStartView();
    if (changed.has('selected') && this.selected) void this.selection.select(this.selected);
    if (PARCEL_KEYS.some((key) => changed.has(key))) this.selection.reloadQuote();
  }

  private get t(): Catalog {
    return catalog(this.options.lang);
  }

  private get dark(): boolean {
    return isDark(this.options.theme, this.layout.systemDark);
  }

  /**
   * Shows a branch as chosen: centres the map on it and opens its card. Fires no `branch-select`
   * (that event means the buyer chose). Resolves when the card has its details; called before the
   * map is ready, it shows the branch as soon as the map is.
   */
  select(id: string): Promise<void> {
    return this.selection.select(id);
  }

  /** In modal mode: shows the dialog (starting the map the first time) and moves focus into it. */
  open(): void {
    this.dialog.open();
  }

  /** In modal mode: hides the dialog, gives focus back to where it was, fires `branch-picker-close`. */
  close(): void {
    this.dialog.close();
  }

  /** Frees the map, the worker, listeners and requests. The element stays in the page, empty. */
  destroy(): void {
    this.session.destroy();
  }

  override render() {
    const { t, resolved } = this;
    const { options } = resolved;
    const s = this.state.state;
    const active = this.selection.active;
    const modal = options.mode === 'modal';
    const showList = !options.noList;
    const classes = [
      'base',
      this.dark ? 'dark' : 'light',
      this.layout.narrow ? 'narrow' : 'wide',
      modal ? 'modal' : 'inline',
      this.layout.sheetOpen || active ? 'sheet-open' : '',
      showList || active ? 'has-pane' : 'no-pane',
    ].join(' ');
    const pane = active
      ? this.card.render(t, () => ({
          active,
          chosen: isActiveChosen(s),
          parcel: parcelOf(resolved),
          now: Date.now(),
          onClose: () => this.selection.closeCard(),
          onChoose: this.selection.choose,
          onRetryDetails: this.selection.retryDetails,
          onRetryQuote: this.selection.reloadQuote,
        }))
      : showList
        ? renderListPane({
            t,
            remembered: rememberedOffer(s),
            notice: s.notice,
            inView: s.status === 'ready' ? s.inView : null,
            list: () => this.list.render(t),
            limit: LIST_LIMIT,
            onShowRemembered: () => void this.selection.openRemembered(false),
            onChooseRemembered: () => void this.selection.openRemembered(true),
            onShowNearest: () => void this.navigation.showNearest(),
          })
        : nothing;
    return html`<div
      part="base"
      class=${classes}
      lang=${options.lang}
      ?hidden=${modal && !this.dialog.isOpen}
      @keydown=${this.dialog.onKeyDown}
    >
      ${modal ? html`<div class="backdrop" @click=${() => this.close()}></div>` : nothing}
      <div
        class="frame"
        part="frame"
        role=${modal ? 'dialog' : nothing}
        aria-modal=${modal ? 'true' : nothing}
        aria-label=${modal ? t.dialogLabel : nothing}
      >
        <div class="panel" part="panel">
          ${renderToolbar({
            t,
            search: options.noSearch ? nothing : this.search.render(t),
            nearMe: options.noGeolocation
              ? 'hidden'
              : s.status === 'ready'
                ? 'enabled'
                : 'disabled',
            onNearMe: this.navigation.nearMe,
            onClose: modal ? () => this.close() : null,
            filters: {
              filters: s.filters,
              types: siteTypes(resolved),
              byType: s.byType,
              canFit: parcelOf(resolved) !== null,
              offered: options.filters,
              expanded: this.layout.filtersOpen,
              onToggle: () => this.layout.toggleFilters(),
              onType: (type) => this.view.toggleType(type),
              onFlag: (flag) => this.view.toggleFlag(flag),
            },
          })}
          <div class="pane" part="pane">${pane}</div>
        </div>
        ${renderStage({
          t,
          status: s.status,
          inView: s.inView,
          countText: this.view.countText(),
          sheet: this.layout.narrow && showList && !active ? this.layout.sheetOpen : null,
          onToggleSheet: () => {
            this.layout.setSheet(!this.layout.sheetOpen);
            if (this.layout.sheetOpen) this.backButton.opened('sheet');
            else this.backButton.closed('sheet');
          },
          onRetry: () => this.session.restart(),
        })}
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcer.text}</div>
    </div>`;
  }
}
