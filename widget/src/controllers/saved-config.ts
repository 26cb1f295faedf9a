/**
 * `config="id"`: a configuration saved in the configurator. It is loaded before the picker starts;
 * its options apply where the element has no attribute of its own (attributes win), and its
 * appearance becomes the element's `--bp-*` properties, under the shop's own CSS (a `:host` rule in
 * the shadow root: the page's rules for the element still win). A configuration that does not exist
 * or cannot be loaded fires `branch-picker-error` with code `config`, and the picker starts on its
 * own attributes.
 */
import type { ReactiveController } from 'lit';
import { appearanceProperties, parseAppearance } from '#core/appearance';
import type { PublicConfig } from '#core/widget-config';
import { ApiClient } from '../api/api-client';
import { PickerError, reportError } from '../errors';
import { OPTION_KEYS, OPTIONS, type OptionKey } from '../options';
import type { PickerHost } from './host';

export type SavedConfigState = 'none' | 'loading' | 'ready' | 'failed';

export interface SavedConfigOptions {
  /** The `config` attribute's id, and the proxy it is saved on. */
  source(): { id: string | null; api: string };
}

export class SavedConfigController implements ReactiveController {
  state: SavedConfigState = 'none';
  /** The saved options, by attribute name. */
  options: Readonly<Record<string, string | true>> = {};
  private readonly host: PickerHost;
  private readonly o: SavedConfigOptions;
  private loadedFor = '';
  private abort: AbortController | undefined;
  private sheet: CSSStyleSheet | undefined;

  constructor(host: PickerHost, options: SavedConfigOptions) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  /**
   * The element's own option values with the saved ones filled in where it has none (an absent
   * attribute, an empty `lang`, an unset flag).
   */
  merge(own: Readonly<Partial<Record<OptionKey, unknown>>>): Partial<Record<OptionKey, unknown>> {
    const out: Partial<Record<OptionKey, unknown>> = { ...own };
    for (const key of OPTION_KEYS) {
      const mine = own[key];
      const saved = this.options[OPTIONS[key].attribute];
      if (
        (mine === null || mine === undefined || mine === false || mine === '') &&
        saved !== undefined
      )
        out[key] = saved;
    }
    return out;
  }

  /** Whether the picker may start: no configuration, or it has answered one way or the other. */
  get settled(): boolean {
    return this.state === 'none' || this.state === 'ready' || this.state === 'failed';
  }

  hostUpdate(): void {
    const { id, api } = this.o.source();
    const key = id ? `${api}|${id}` : '';
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    this.abort?.abort();
    this.apply({});
    this.options = {};
    this.state = id ? 'loading' : 'none';
    if (id) void this.load(id, api);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    // Loaded again on the next connection, should the element come back.
    this.loadedFor = '';
    this.state = 'none';
  }

  private async load(id: string, api: string): Promise<void> {
    const abort = (this.abort = new AbortController());
    try {
      const config: PublicConfig = await new ApiClient(api, () => import('ky')).config(
        id,
        abort.signal,
      );
      if (abort.signal.aborted) return;
      this.options = config.options;
      this.apply(appearanceProperties(parseAppearance(config.appearance)));
      this.state = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.state = 'failed';
      reportError(
        this.host,
        new PickerError(
          'config',
          `the configuration ${id} could not be loaded (${(error as Error).message}); the picker uses its own attributes`,
          { cause: error },
        ),
      );
    }
    this.host.requestUpdate();
  }

  /** Custom properties as a `:host` rule of the shadow root: the page's own CSS still wins. */
  private apply(properties: Readonly<Record<string, string>>): void {
    const root = this.host.renderRoot as ShadowRoot;
    if (!('adoptedStyleSheets' in root)) return;
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    }
    const body = Object.entries(properties)
      .map(([name, value]) => `${name}:${value}`)
      .join(';');
    this.sheet.replaceSync(body ? `:host{${body}}` : '');
  }
}
