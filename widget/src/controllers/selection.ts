/**
 * The branch whose card is open, and the choice: its details and the price of the parcel to it
 * (two abortable loads, Lit's Task), focus into the card and back out of it, *Choose* (the event, the
 * marker, remembering it on this device), the branch chosen last time, and `select()` from the page.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController } from 'lit';
import type { Branch } from '#core/branch';
import { toSelectionQuote, type QuoteAnswer, type QuoteQuery } from '#core/quote';
import { PickerError, reportError, toErrorDetail } from '../errors';
import { SELECT_EVENT, toSelection, type BranchSelection, type PickerErrorDetail } from '../events';
import type { PickerOptions } from '../options';
import { recall, remember } from '../state/remember';
import type { LoadStatus, PickerStore } from '../state/store';
import type { HistoryController } from './history';
import type { LayoutController } from './layout';
import type { PickerSession } from './session';
import type { PickerHost } from './host';

/** The price of the configured parcel to the open branch. */
export interface QuoteState {
  status: LoadStatus;
  quote: QuoteAnswer | null;
  error: PickerErrorDetail | null;
}

/** The branch whose card is open, as the card shows it. */
export interface ActiveBranch {
  id: string;
  status: LoadStatus;
  branch: Branch | null;
  error: PickerErrorDetail | null;
  /** null when the picker has no sender (`from`) to price from. */
  quote: QuoteState | null;
}

export interface SelectionOptions {
  store: PickerStore;
  session: PickerSession;
  layout: LayoutController;
  history: HistoryController;
  options(): PickerOptions;
  /** Whether the card's code has arrived (focus goes into the card once it is drawn). */
  cardReady(): boolean;
  /** Centres a branch on the map. */
  showBranch(location: Branch['location']): void;
  /** The buyer chose (a dialog closes then). */
  onChosen(): void;
}

const statusOf = (task: Task<unknown[], unknown>): LoadStatus =>
  task.status === TaskStatus.COMPLETE
    ? 'ready'
    : task.status === TaskStatus.ERROR
      ? 'error'
      : 'loading';

export class SelectionController implements ReactiveController {
  private readonly host: PickerHost;
  private readonly o: SelectionOptions;
  private readonly details: Task<[string], Branch>;
  private readonly quote: Task<[QuoteQuery], QuoteAnswer>;
  /** Id of the branch the quote task is pricing. */
  private quoteFor: string | null = null;
  /** Focus goes to the card's heading once it has rendered (the buyer opened it). */
  private focusPending = false;
  /** What had focus when the buyer opened the card: focus returns there when it closes. */
  private opener: HTMLElement | null = null;
  /** `select()` called before the map was ready. */
  private pendingSelect: string | undefined;

  constructor(host: PickerHost, options: SelectionOptions) {
    this.host = host;
    this.o = options;
    const report = (error: unknown) => reportError(host, error);
    this.details = new Task(host, {
      task: ([id], { signal }) => this.client().branch(id, signal),
      autoRun: false,
      onError: report,
    });
    this.quote = new Task(host, {
      task: ([query], { signal }) => this.client().quote(query, signal),
      autoRun: false,
      onError: report,
    });
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.focusPending || !this.o.cardReady() || this.active?.status === 'loading') return;
    this.focusPending = false;
    this.host.renderRoot.querySelector<HTMLElement>('.card h2')?.focus();
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** The open card's state, or null when no card is open. */
  get active(): ActiveBranch | null {
    const id = this.o.store.getState().activeId;
    if (!id) return null;
    const branch = this.loaded(id) ?? null;
    const status = branch ? 'ready' : statusOf(this.details);
    return {
      id,
      status,
      branch,
      error: status === 'error' ? toErrorDetail(this.details.error) : null,
      quote:
        branch && this.o.options().from && this.quoteFor === id
          ? {
              status: statusOf(this.quote),
              quote: this.quote.status === TaskStatus.COMPLETE ? (this.quote.value ?? null) : null,
              error:
                this.quote.status === TaskStatus.ERROR ? toErrorDetail(this.quote.error) : null,
            }
          : null,
    };
  }

  /** The run ended: the card closes, its loads stop. */
  reset(): void {
    this.details.abort();
    this.quote.abort();
    this.o.store.getState().closeCard();
    this.focusPending = false;
    this.opener = null;
  }

  /** The session has its client: the branch chosen last time on this device is offered. */
  recall(base: string): void {
    this.o.store.getState().setRemembered(this.o.options().noRemember ? null : recall(base));
  }

  /** Opens a branch's card and loads its details, then its price. */
  async activate(id: string, byUser: boolean): Promise<Branch | undefined> {
    if (!this.o.session.client) return undefined;
    const first = this.o.store.getState().activeId === null;
    if (first) {
      const from = (this.host.renderRoot as ShadowRoot).activeElement;
      this.opener = byUser && from instanceof HTMLElement ? from : null;
    }
    this.o.store.getState().open(id);
    this.o.session.map?.setActive(id);
    this.focusPending = byUser;
    this.o.layout.cardOpened(first);
    if (first && byUser) this.o.history.opened('card');
    await this.details.run([id]);
    const branch = this.loaded(id);
    if (branch) this.loadQuote(branch);
    return branch;
  }

  /** Prices the parcel again (the page changed it, or the buyer asked to retry). */
  readonly reloadQuote = (): void => {
    const branch = this.active?.branch;
    if (branch) this.loadQuote(branch);
  };

  readonly retryDetails = (): void => {
    const id = this.o.store.getState().activeId;
    if (id) void this.activate(id, true);
  };

  /** Closes the card; `byBack`: the buyer pressed Back, whose entry is gone already. */
  readonly closeCard = ({ byBack = false }: { byBack?: boolean } = {}): void => {
    const id = this.o.store.getState().activeId;
    if (!byBack) this.o.history.closed('card');
    this.details.abort();
    this.quote.abort();
    this.o.store.getState().closeCard();
    this.o.session.map?.setActive(null);
    this.o.layout.cardClosed();
    // Focus goes back to where the card came from: the marker or the search box if still there,
    // else the branch's row (the list was re-rendered), else its marker.
    const opener = this.opener;
    this.opener = null;
    void this.host.updateComplete.then(() => {
      if (opener?.isConnected) {
        opener.focus();
        return;
      }
      const selector = id ? `[data-branch-id="${CSS.escape(id)}"]` : null;
      const root = this.host.renderRoot;
      const back = selector
        ? (root.querySelector<HTMLElement>(`.row${selector}`) ??
          root.querySelector<HTMLElement>(`.bp-branch${selector}`))
        : null;
      back?.focus();
    });
  };

  /** *Choose*: marks the branch, remembers it, tells the shop. */
  readonly choose = (): void => {
    const active = this.active;
    const branch = active?.branch;
    if (!branch) return;
    const answer = active.quote?.quote;
    this.mark(branch);
    const { session } = this.o;
    if (session.client && !this.o.options().noRemember) {
      remember(session.client.base, {
        id: branch.id,
        name: branch.name,
        address: branch.address.full,
        at: Date.now(),
      });
    }
    this.host.dispatchEvent(
      new CustomEvent<BranchSelection>(SELECT_EVENT, {
        // The payload's quote is what the buyer saw on the card, or null when there was none.
        detail: toSelection(branch, answer ? toSelectionQuote(answer) : null),
        bubbles: true,
        composed: true,
      }),
    );
    this.o.onChosen();
  };

  /** The branch chosen last time: shown (and chosen again, when `choose`). */
  async openRemembered(choose: boolean): Promise<void> {
    const remembered = this.o.store.getState().remembered;
    if (!remembered) return;
    const branch = await this.activate(remembered.id, true);
    if (!branch) return;
    this.o.showBranch(branch.location);
    if (choose) this.choose();
  }

  /** Shows a branch as chosen, firing no event; before the map is ready, as soon as it is. */
  async select(id: string): Promise<void> {
    if (!this.o.session.map) {
      this.pendingSelect = id;
      return;
    }
    const branch = await this.activate(id, false);
    if (!branch) return;
    this.mark(branch);
    this.o.showBranch(branch.location);
  }

  /** The map is ready: the branch the page asked for is shown. */
  preselect(selected: string | null): void {
    const id = this.pendingSelect ?? selected;
    this.pendingSelect = undefined;
    if (id) void this.select(id);
  }

  private mark(branch: Branch): void {
    this.o.store.getState().choose(branch.id);
    this.o.session.map?.setChosen(branch.id);
  }

  private loadQuote(branch: Branch): void {
    const o = this.o.options();
    if (!o.from || !this.o.session.client) return;
    this.quoteFor = branch.id;
    void this.quote.run([
      {
        from: o.from,
        to: branch.postalCode,
        weight: o.weight,
        value: o.value,
        cod: o.cod === 'value' ? o.value : o.cod,
        service: o.service,
        ...(o.config ? { config: o.config } : {}),
      },
    ]);
  }

  /** The details of `id`, when they are what the details task holds. */
  private loaded(id: string): Branch | undefined {
    const value = this.details.value;
    return this.details.status === TaskStatus.COMPLETE && value?.id === id ? value : undefined;
  }

  private client() {
    const client = this.o.session.client;
    if (!client) throw new PickerError('destroyed', 'the picker was stopped');
    return client;
  }
}
