/**
 * The card's code, its opening-hours arithmetic and its styles arrive as a chunk of their own once
 * the map is ready, off the entry script's budget. Until then (a very fast click) a placeholder
 * stands in.
 */
import { html } from 'lit';
import { PickerError, reportError } from '../errors';
import type { Catalog } from '../i18n';
import type * as CardModule from './card';
import { addStyles } from '../util/adopt-styles';
import type { PickerHost } from '../controllers/host';

export class CardLoader {
  private readonly host: PickerHost;
  private module: typeof CardModule | null = null;
  private loading: Promise<void> | undefined;

  constructor(host: PickerHost) {
    this.host = host;
  }

  /** Whether the card can be drawn. */
  get ready(): boolean {
    return this.module !== null;
  }

  /** Fetches the chunk, once; a failure is reported and the next call tries again. */
  load(): void {
    this.loading ??= import('./card').then(
      (module) => {
        addStyles(this.host.renderRoot as ShadowRoot, module.cardStyles, 'after');
        this.module = module;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = undefined;
        reportError(
          this.host,
          new PickerError('chunk-load', 'the card could not be loaded', { cause: error }),
        );
      },
    );
  }

  /** The card, or a placeholder while its code is on the way. */
  render(t: Catalog, props: () => Omit<CardModule.CardProps, 't'>) {
    if (this.module) return this.module.renderCard({ t, ...props() });
    this.load();
    return html`<section class="card" part="card" aria-busy="true">
      <p class="card-body muted">${t.detailsLoading}</p>
    </section>`;
  }
}
