/**
 * `/map/widget/widget.js`, the drop-in for sites written for widget.pochta.ru: the same path, the
 * same `ecomStartWidget({ id, containerId, callbackFunction, weight, sumoc, startZip,
 * start_location, dimensions })`, our picker in that container, and the payload those sites
 * already read (pvz-data.ts). Switching is changing the host in one script tag.
 *
 * Those sites name no sender (it lives behind Russian Post's numeric `id`): it comes from the call
 * (`from`, our addition) or the proxy (DEFAULT_SENDER_POSTAL_CODE, filled in as the proxy serves this
 * file). Without one the picker still opens, and the callback is not called with a made-up price.
 * A classic script, built by widget/loader-plugin.ts.
 */
import type { MailService } from '#core/mail-services';
import { toPvzData, type PvzData } from './pvz-data';

/** Replaced by the proxy with DEFAULT_SENDER_POSTAL_CODE (a JSON string) or `null`. */
declare const __BP_DEFAULT_SENDER__: string | null;

/** What widget.pochta.ru's integrations pass, plus ours (`from`, `service`). */
interface EcomOptions {
  /** Russian Post's widget id: accepted and not needed. */
  id?: number | string;
  containerId: string;
  callbackFunction?: (data: PvzData) => void;
  /** Grams. */
  weight?: number | string;
  /** Declared value in kopecks, as widget.pochta.ru reads it. */
  sumoc?: number | string;
  /** A postal code to start the map at. */
  startZip?: string;
  /** An address to start the map at, e.g. `обл Нижегородская, г Нижний Новгород`. */
  start_location?: string;
  dimensions?: { length: number; width: number; height: number }[];
  zoom?: number;
  /** Ours: the sender's postal code, when the proxy has no default. */
  from?: string;
  /** Ours: the mail service (default `parcel-online`). */
  service?: MailService;
  /** Ours: a configuration saved in the configurator (else the one that replaces `id`, if any). */
  config?: string;
}

const DEFAULT_WEIGHT_G = 1000;
/** The map's zoom on the start place: a town's streets. */
const START_ZOOM = 12;

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const proxy = new URL('../../', script?.src ?? location.href);

  /** The loader, once, from the same proxy. */
  const loadPicker = (): void => {
    if ((window as unknown as { __branchPicker?: unknown }).__branchPicker) return;
    if (document.querySelector('script[data-branch-picker-loader]')) return;
    const loader = document.createElement('script');
    loader.src = new URL('widget/branch-picker.js', proxy).href;
    loader.async = true;
    loader.dataset.branchPickerLoader = '';
    document.head.append(loader);
  };

  /** Where the site asked the map to start: a postal code or an address, through our search. */
  async function startAt(query: string): Promise<string | null> {
    try {
      const url = new URL('api/v1/branches/search', proxy);
      url.searchParams.set('q', query);
      url.searchParams.set('limit', '1');
      const answer = (await (await fetch(url, { credentials: 'omit' })).json()) as {
        results?: { location: { lon: number; lat: number } }[];
        places?: { lon: number; lat: number }[];
      };
      const at = answer.places?.[0] ?? answer.results?.[0]?.location;
      return at ? `${at.lon},${at.lat}` : null;
    } catch {
      return null;
    }
  }

  /** The saved configuration that records this widget.pochta.ru id, when there is one. */
  async function replacing(id: number | string): Promise<string | null> {
    try {
      const url = new URL(
        `api/v1/configs/by-pochta-widget/${encodeURIComponent(String(id))}`,
        proxy,
      );
      const response = await fetch(url, { credentials: 'omit' });
      return response.ok ? ((await response.json()) as { id: string }).id : null;
    } catch {
      return null;
    }
  }

  function notice(container: HTMLElement, text: string): void {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = text;
    const s = p.style;
    s.margin = '0 0 8px';
    s.padding = '8px 12px';
    s.background = '#fff4e5';
    s.font = '14px/1.4 system-ui, sans-serif';
    container.prepend(p);
  }

  /** Throws at once, as widget.pochta.ru's does, for a call it cannot place. */
  function ecomStartWidget(options: EcomOptions): void {
    const container = options?.containerId ? document.getElementById(options.containerId) : null;
    if (!container)
      throw new Error(
        `ecomStartWidget: no element with id ${JSON.stringify(options?.containerId)} (containerId): put <div id="…"> in the page before the call and pass its id as containerId`,
      );
    loadPicker();
    start(container, options).catch((error: unknown) =>
      console.error('[branch-picker] ecomStartWidget failed', error),
    );
  }

  async function start(container: HTMLElement, options: EcomOptions): Promise<void> {
    const weight = Math.max(
      1,
      Math.round(Number(options.weight ?? DEFAULT_WEIGHT_G)) || DEFAULT_WEIGHT_G,
    );
    const sumoc = String(options.sumoc ?? 0);
    const service: MailService = options.service ?? 'parcel-online';
    const config = options.config ?? (options.id ? await replacing(options.id) : null);
    // A saved configuration may name the sender itself.
    const from = options.from ?? (config ? null : __BP_DEFAULT_SENDER__);
    const picker = document.createElement('branch-picker');
    if (config) picker.setAttribute('config', config);
    picker.setAttribute('weight', String(weight));
    picker.setAttribute('service', service);
    const kopecks = Number(sumoc);
    if (kopecks > 0) picker.setAttribute('value', String(kopecks / 100));
    const box = options.dimensions?.[0];
    if (box) picker.setAttribute('size', `${box.length}x${box.width}x${box.height}`);
    if (from) picker.setAttribute('from', from);
    const start = options.startZip || options.start_location;
    const center = start ? await startAt(start) : null;
    if (center) {
      picker.setAttribute('center', center);
      picker.setAttribute('zoom', String(options.zoom ?? START_ZOOM));
    }
    // The container's own height, as on widget.pochta.ru; the picker's default when it has none.
    if (container.clientHeight > 0) picker.style.height = `${container.clientHeight}px`;
    container.replaceChildren(picker);
    if (!from && !config) {
      const how =
        'ecomStartWidget: no sender postal code, so no price and no callback. Set DEFAULT_SENDER_POSTAL_CODE on the proxy, or pass from: "101000" to ecomStartWidget.';
      console.error(how);
      notice(container, 'Стоимость доставки недоступна: не указан индекс отправителя.');
    }
    picker.addEventListener('branch-select', (event) => {
      // No made-up price: without a sender there is none to hand over.
      if (!from && !event.detail.quote) return;
      options.callbackFunction?.(toPvzData(event.detail, { service, weight, sumoc }));
    });
  }

  (window as unknown as { ecomStartWidget: typeof ecomStartWidget }).ecomStartWidget =
    ecomStartWidget;
})();
