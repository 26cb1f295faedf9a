/**
 * `/widget/branch-picker.js`: the one script a site adds, in any form a site adds scripts — a
 * classic `<script src>`, `type="module"`, `async` or `defer`, inserted later by a tag manager, or
 * twice. It is small and does three things:
 * 1. reserves the picker's room before the widget arrives (no layout shift: an undefined element
 *    would be an inline box of no height);
 * 2. as soon as a `<branch-picker>` is in the page, loads the widget from its versioned folder, and
 *    for a picker that shows at once starts MapLibre's code, the workers' code and the network
 *    itself downloading beside it;
 * 3. offers `BranchPicker.pick(options)`, a dialog that resolves with the choice.
 * It is a classic script (no `import.meta`, no imports), built by widget/loader-plugin.ts, which
 * fills in the version and the files of this build.
 */
import type { BranchSelection } from '../events';

declare const __BP_VERSION__: string;
/** The entry module, relative to the version folder. */
declare const __BP_ENTRY__: string;
/**
 * Code the picker needs right after the entry (MapLibre's chunk, the workers), relative likewise:
 * fetched into the HTTP cache, not run, so that the entry is not kept waiting while MapLibre's
 * megabyte is compiled (measured: no slower than the entry alone as a module script).
 */
declare const __BP_PRELOAD__: string[];

type PickOptions = Record<string, string | number | boolean | null | undefined>;

interface EntryModule {
  pick(options?: PickOptions): Promise<BranchSelection | null>;
  startEmbed(): Promise<void>;
}

/** What the page sees as `window.BranchPicker`. */
interface LoaderGlobal {
  version: string;
  /** Loads the widget (once) and resolves with its module. */
  load(): Promise<EntryModule>;
  /** Opens the picker as a dialog; resolves with the choice, or null when the buyer closed it. */
  pick(options?: PickOptions): Promise<BranchSelection | null>;
}

const TAG = 'branch-picker';
const SCRIPT_NAME = /\/branch-picker\.js(?:[?#].*)?$/;

(() => {
  // `__branchPicker` is ours for certain; `BranchPicker` may be a host's (webview_flutter names its
  // channels on window), and is then left alone.
  const w = window as unknown as { BranchPicker?: unknown; __branchPicker?: LoaderGlobal };
  const other = w.__branchPicker;
  if (other) {
    // Included twice, or two versions on one page: the first serves, the second says so.
    if (other.version !== __BP_VERSION__)
      console.info(
        `[branch-picker] ${__BP_VERSION__} was included after ${other.version}; ${other.version} serves this page`,
      );
    return;
  }

  // A classic script knows itself; a module script does not, so it is found by its name.
  const self = document.currentScript as HTMLScriptElement | null;
  const src =
    self?.src ||
    [...document.querySelectorAll<HTMLScriptElement>('script[src]')]
      .map((s) => s.src)
      .filter((s) => SCRIPT_NAME.test(s))
      .pop();
  if (!src) {
    console.error('[branch-picker] the loader cannot tell where it was loaded from');
    return;
  }
  const here = new URL('.', src);
  const root = here.pathname.endsWith(`/${__BP_VERSION__}/`)
    ? here
    : new URL(`${__BP_VERSION__}/`, here);
  /** The proxy: the widget's folder is `<proxy>/widget/<version>/`. */
  const proxy = new URL('../../', root);
  const at = (file: string) => new URL(file, root).href;

  // Room for the picker before the widget's own styles arrive, at no specificity, so that the
  // shop's height wins as it will afterwards.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `:where(${TAG}:not(:defined)){display:block;height:520px}:where(${TAG}[mode="modal" i]:not(:defined)){display:none}`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // No constructable stylesheets: the widget sizes itself once it arrives.
  }

  let entry: Promise<EntryModule> | undefined;
  const load = (): Promise<EntryModule> =>
    (entry ??= (import(/* @vite-ignore */ at(__BP_ENTRY__)) as Promise<EntryModule>).catch(
      (error: unknown) => {
        entry = undefined;
        throw error;
      },
    ));

  let warmed = false;
  /** A picker that shows at once: what it needs next downloads now, beside the entry. */
  const warm = (picker: Element): void => {
    if (warmed || /^modal$/i.test(picker.getAttribute('mode') ?? '')) return;
    warmed = true;
    const quiet = () => undefined;
    for (const file of __BP_PRELOAD__) fetch(at(file), { credentials: 'omit' }).catch(quiet);
    // The network, as the worker will ask for it: the HTTP cache hands it over.
    const api = new URL(picker.getAttribute('api') || proxy.href, location.href);
    if (!api.pathname.endsWith('/')) api.pathname += '/';
    fetch(new URL('api/v1/branches', api), { credentials: 'omit' }).catch(quiet);
  };

  const found = (picker: Element): void => {
    warm(picker);
    load().catch((error: unknown) =>
      console.error(
        `[branch-picker] the widget could not be loaded from ${at(__BP_ENTRY__)}`,
        error,
      ),
    );
  };

  const first = document.querySelector(TAG);
  if (first) found(first);
  else {
    // Watch for the element (a single-page shop's checkout route, a tag manager) until it comes;
    // once the widget is defined, the browser upgrades every later one itself.
    const observer = new MutationObserver(() => {
      const picker = document.querySelector(TAG);
      if (!picker) return;
      observer.disconnect();
      found(picker);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  const api: LoaderGlobal = {
    version: __BP_VERSION__,
    load,
    pick: (options) => load().then((m) => m.pick(options)),
  };
  w.__branchPicker = api;
  w.BranchPicker ??= api;

  // The embed page (`<script … data-embed>`) builds its picker from the query.
  if (self?.dataset.embed !== undefined)
    load()
      .then((m) => m.startEmbed())
      .catch((error: unknown) => console.error('[branch-picker] the embed page failed', error));
})();
