/**
 * The embed page (`/embed?…`): the picker full-screen, mobile-first, its options from the query
 * under the attributes' names. The choice, a close and errors go to the host through the bridges;
 * with no bridge, the buyer is sent to the allowed `return_url` with the choice in its query. The
 * proxy decided which parent and which return URL are allowed (a JSON block in the page).
 * Loaded as a chunk of its own, by the loader, only on this page.
 */
import { reportError } from '../errors';
import type { BranchSelection } from '../events';
import { OPTION_KEYS, OPTIONS, OptionError, type OptionDef } from '../options';
import { findBridges, MESSAGE_VERSION, type Bridge, type EmbedMessage } from './bridges';

interface Decision {
  parentOrigin: string | null;
  returnUrl: string | null;
  problems: string[];
}

/** Query parameters of the page itself, not options of the picker. */
const PAGE_PARAMS = new Set(['parent_origin', 'return_url']);
/** Options the page decides: the proxy is the page's own, and the picker fills the page. */
const FIXED: Readonly<Record<string, string>> = {
  api: 'the embed page always uses the proxy that serves it',
  mode: 'the embed page always shows the picker full-screen',
};

function decision(): Decision {
  const block = document.getElementById('branch-picker-embed');
  try {
    return JSON.parse(block?.textContent ?? '') as Decision;
  } catch {
    return { parentOrigin: null, returnUrl: null, problems: [] };
  }
}

/** The picker with every usable option of the query; what cannot be used is listed. */
function pickerFromQuery(query: URLSearchParams): { picker: HTMLElement; problems: string[] } {
  const picker = document.createElement('branch-picker');
  const byName = new Map<string, OptionDef<unknown>>();
  for (const key of OPTION_KEYS) {
    const def: OptionDef<unknown> = OPTIONS[key];
    byName.set(def.attribute, def).set(key, def);
  }
  const problems: string[] = [];
  for (const [name, value] of query) {
    if (PAGE_PARAMS.has(name)) continue;
    const def = byName.get(name);
    if (!def) {
      const known = OPTION_KEYS.map((k) => OPTIONS[k].attribute).join(', ');
      problems.push(`"${name}" is not an option of the picker; the options are ${known}`);
    } else if (FIXED[def.attribute]) {
      problems.push(`"${name}" is ignored: ${FIXED[def.attribute]}`);
    } else {
      try {
        def.parse(value);
        picker.setAttribute(def.attribute, value);
      } catch (error) {
        if (!(error instanceof OptionError)) throw error;
        problems.push(error.message);
      }
    }
  }
  // The phone's back button closes the card, then the list, before it leaves the page.
  picker.setAttribute('history', '');
  return { picker, problems };
}

/** The choice in the return URL's query, flat, as a server-side page reads it. */
function returnUrlWith(base: string, { branch, quote }: BranchSelection): string {
  const url = new URL(base);
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined) url.searchParams.set(name, String(value));
  };
  set('branch_id', branch.id);
  set('type', branch.type);
  set('postal_code', branch.postalCode);
  set('name', branch.name);
  set('address', branch.address.full);
  set('lat', branch.location.lat);
  set('lon', branch.location.lon);
  if (quote) {
    set('cost', quote.cost.amount);
    set('currency', quote.cost.currency);
    set('min_days', quote.delivery.minDays);
    set('max_days', quote.delivery.maxDays);
    set('quote_source', quote.source);
  }
  return url.href;
}

export function startEmbed(): void {
  const { parentOrigin, returnUrl, problems: hostProblems } = decision();
  for (const problem of hostProblems) console.error(`[branch-picker] embed: ${problem}`);
  const bridges: Bridge[] = findBridges(parentOrigin);
  const send = (message: EmbedMessage) => {
    for (const bridge of bridges) bridge.post(message);
  };

  const { picker, problems } = pickerFromQuery(new URLSearchParams(location.search));
  const main = document.getElementById('embed') ?? document.body;
  if (problems.length) {
    const notice = document.createElement('p');
    notice.className = 'embed-notice';
    notice.setAttribute('role', 'alert');
    const intro =
      new URLSearchParams(location.search).get('lang') === 'en'
        ? 'Some options were not used'
        : 'Некоторые параметры не применены';
    notice.textContent = `${intro}: ${problems.join('; ')}.`;
    main.append(notice);
    for (const message of problems) {
      console.error(`[branch-picker] embed: ${message}`);
      send({
        type: 'branch-picker-error',
        version: MESSAGE_VERSION,
        code: 'invalid-option',
        message,
      });
    }
  }
  main.append(picker);

  picker.addEventListener('branch-select', (event) => {
    const selection = event.detail;
    send({ type: 'branch-select', version: MESSAGE_VERSION, ...selection });
    if (!bridges.length && returnUrl) location.assign(returnUrlWith(returnUrl, selection));
  });
  picker.addEventListener('branch-picker-error', (event) => {
    send({
      type: 'branch-picker-error',
      version: MESSAGE_VERSION,
      ...event.detail,
    });
  });

  const close = () => send({ type: 'branch-picker-close', version: MESSAGE_VERSION });
  // Commands: from the iframe's parent, only from that window at the allowed origin; from a native
  // host, through a function it calls (evaluateJavascript, injectJavaScript).
  addEventListener('message', (event) => {
    if (!parentOrigin || event.source !== window.parent || event.origin !== parentOrigin) return;
    const command = (event.data as { type?: unknown } | null)?.type;
    if (command === 'close') close();
  });
  (window as unknown as { branchPickerEmbed: object }).branchPickerEmbed = {
    version: MESSAGE_VERSION,
    close,
  };
  if (!bridges.length && !returnUrl)
    reportError(
      picker,
      new OptionError(
        'embed',
        location.search,
        'no host to tell the choice to: open this page in an app with a bridge, in an iframe with an allowed parent_origin, or with an allowed return_url',
      ),
    );
}
