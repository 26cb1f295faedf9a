/**
 * `<branch-picker>` in every state a buyer can meet. The proxy is mocked (stories/mock-api/): the
 * scenario in the `api` path decides how it answers, so "Russian Post is down" is a story, not a
 * wait for an outage.
 */
import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { BranchPicker } from '../widget/src/branch-picker';
import {
  OPTION_KEYS,
  OPTIONS,
  type OptionDef,
  type OptionKey,
  type OptionProperties,
} from '../widget/src/options';

type Scenario = 'ok' | 'estimate' | 'stale' | 'quote-down' | 'loading' | 'down';
const SCENARIOS: Scenario[] = ['ok', 'estimate', 'stale', 'quote-down', 'loading', 'down'];

/** The picker's options (from the options table), and what a story adds around them. */
type Args = Partial<OptionProperties> & {
  scenario: Scenario;
  /** Off in every story but the one about it, so that stories do not leak choices into each other. */
  remember?: boolean;
  /** Width of the frame the picker sits in: 360 shows the phone layout. */
  width?: number;
  height?: number;
};

/** A control per option, drawn from the options table: a new option appears here by itself. */
function optionControls(): Partial<ArgTypes<Args>> {
  const control = (o: OptionDef<unknown>) =>
    o.kind === 'flag'
      ? { control: 'boolean' as const }
      : o.kind === 'choice'
        ? { control: 'inline-radio' as const, options: [...(o.choices ?? [])] }
        : { control: 'text' as const };
  return Object.fromEntries(
    OPTION_KEYS.filter((key) => key !== 'api' && key !== 'noRemember').map((key) => {
      const o: OptionDef<unknown> = OPTIONS[key];
      return [key, { ...control(o), name: o.attribute, description: o.doc }];
    }),
  );
}

/** The element with every option the story sets as its attribute, as a page would write it. */
function pickerElement(a: Args): BranchPicker {
  const el = document.createElement('branch-picker');
  for (const key of OPTION_KEYS) {
    const value = a[key as Exclude<OptionKey, 'lang'>];
    const attribute = OPTIONS[key].attribute;
    if (value === true) el.setAttribute(attribute, '');
    else if (typeof value === 'string' && value !== '') el.setAttribute(attribute, value);
  }
  el.setAttribute('api', api(a.scenario));
  if (!a.remember) el.setAttribute('no-remember', '');
  el.style.height = `${a.height ?? 640}px`;
  return el;
}

const api = (scenario: Scenario) => `/mock-api/${scenario}/`;

/** The parcel a shop in Moscow sends, so that the card has a cost and a delivery time. */
const PARCEL = { from: '101000', weight: '1200' } as const;
const SARATOV = { center: '46.03,51.53', zoom: '12' } as const;

const picker = (host: HTMLElement): BranchPicker => host.querySelector('branch-picker')!;

/** A story that has not reached its state in this long has failed. */
const STATE_TIMEOUT_MS = 15_000;

/** Resolves once `find` returns something inside the picker's shadow root, looking at each change. */
async function waitFor<T>(
  host: HTMLElement,
  find: (root: ShadowRoot) => T | null | undefined,
): Promise<T> {
  const el = picker(host);
  await customElements.whenDefined('branch-picker');
  await el.updateComplete;
  const root = el.shadowRoot!;
  const now = find(root);
  if (now) return now;
  return new Promise<T>((resolve, reject) => {
    const observer = new MutationObserver(() => {
      const found = find(root);
      if (!found) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(found);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the picker never reached the state this story shows'));
    }, STATE_TIMEOUT_MS);
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  });
}

/** Types `text` into the search box once the picker is up, and waits for `selector` to show. */
async function typeInSearch(canvas: HTMLElement, text: string, selector: string): Promise<void> {
  const input = await waitFor(canvas, (root) => root.querySelector<HTMLInputElement>('#bp-search'));
  await waitFor(canvas, (root) => root.querySelector('.count'));
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await waitFor(canvas, (root) => root.querySelector(selector));
}

const meta: Meta<Args> = {
  title: 'Branch picker',
  tags: ['autodocs'],
  args: { scenario: 'ok', width: 0, height: 640 },
  argTypes: {
    scenario: {
      control: 'select',
      options: SCENARIOS,
      description: 'How the mocked proxy answers',
    },
    ...optionControls(),
  },
  render: (a) =>
    html`<div style="padding: ${a.width ? '16px' : '0'}; ${a.width ? `width: ${a.width}px;` : ''}">
      ${pickerElement(a)}
      ${
        a.mode === 'modal'
          ? html`<button
              type="button"
              @click=${(e: Event) =>
                ((e.currentTarget as HTMLElement).previousElementSibling as BranchPicker).open()}
            >
              Выбрать пункт выдачи
            </button>`
          : nothing
      }
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The whole network, clustered: what a buyer sees first. */
export const ManyClusters: Story = {};

/** The network is on its way. */
export const Loading: Story = { args: { scenario: 'loading' } };

/** The proxy cannot be reached: a message and a way to try again. */
export const ProxyDown: Story = { args: { scenario: 'down' } };

/** A town: the map, and the list of branches in view, nearest to the centre first. */
export const TownWithList: Story = { args: { ...SARATOV } };

/** No branches where the map looks: says so, and offers the nearest one. */
export const NothingInView: Story = { args: { center: '-30,40', zoom: '8' } };

/** A branch's card: open-now, hours with today marked, cost and delivery time from Russian Post. */
export const DetailsWithQuote: Story = { args: { ...PARCEL, selected: '410012' } };

/** Russian Post is down: the cost comes from the shop's tariffs and says it is an estimate. */
export const DetailsWithEstimate: Story = {
  args: { ...PARCEL, selected: '410012', scenario: 'estimate' },
};

/** Russian Post's last answer, two hours old. */
export const DetailsWithStaleQuote: Story = {
  args: { ...PARCEL, selected: '410012', scenario: 'stale' },
};

/** The quote failed: the card says so, offers to retry, and Choose still works. */
export const QuoteFailed: Story = {
  args: { ...PARCEL, selected: '410012', scenario: 'quote-down' },
};

/** Dark theme. */
export const Dark: Story = { args: { ...PARCEL, selected: '410012', theme: 'dark' } };

/** English. */
export const English: Story = { args: { ...PARCEL, ...SARATOV, lang: 'en' } };

/** A 360-pixel phone: the map fills the frame, search and filters on top, the card in a sheet. */
export const Phone: Story = {
  args: { ...PARCEL, selected: '410012', width: 360, height: 720 },
};

/** A phone with the list open. */
export const PhoneList: Story = {
  args: { ...SARATOV, width: 360, height: 720 },
  play: async ({ canvasElement }) => {
    const toggle = await waitFor(canvasElement, (root) =>
      root.querySelector<HTMLButtonElement>('.sheet-toggle'),
    );
    await waitFor(canvasElement, (root) => root.querySelector('.count'));
    toggle.click();
  },
};

/** Suggestions as the buyer types a postal code. */
export const SearchSuggestions: Story = {
  args: { ...SARATOV },
  play: async ({ canvasElement }) => typeInSearch(canvasElement, '4100', '[role="option"]'),
};

/** A search that finds nothing. */
export const SearchNothingFound: Story = {
  args: { ...SARATOV },
  play: async ({ canvasElement }) => {
    const input = await waitFor(canvasElement, (root) =>
      root.querySelector<HTMLInputElement>('#bp-search'),
    );
    input.value = 'Щзщзщз';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitFor(canvasElement, (root) => root.querySelector('.search-note'));
  },
};

/** A query with a word nothing has: the town is shown, and a note names the word left out. */
export const SearchWordLeftOut: Story = {
  args: { ...SARATOV },
  play: async ({ canvasElement }) =>
    typeInSearch(canvasElement, 'Сартов Несуществующая', '.suggestions-note'),
};

/** All filters shown: open now, card, cash on delivery, weekends, fits my parcel. */
export const Filters: Story = {
  args: { ...SARATOV, ...PARCEL },
  play: async ({ canvasElement }) => {
    const more = await waitFor(canvasElement, (root) =>
      root.querySelector<HTMLButtonElement>('.chip.more'),
    );
    more.click();
  },
};

/** Only lockers and pickup points, no list, no search: the leanest picker a site can ask for. */
export const MapOnly: Story = {
  args: { ...SARATOV, types: 'parcel_locker,pickup_point', noList: true, noSearch: true },
};

/** In a dialog over the checkout, opened by the shop's button. */
export const Modal: Story = {
  args: { ...PARCEL, mode: 'modal', height: 0 },
  play: async ({ canvasElement }) => {
    canvasElement.querySelector<HTMLButtonElement>('button')!.click();
    await waitFor(canvasElement, (root) => root.querySelector('.count'));
  },
};

/** The branch chosen last time, offered first. */
export const RememberedChoice: Story = {
  args: { ...SARATOV, remember: true },
  loaders: [
    (context) => {
      const base = new URL(api(context.args.scenario), location.href).href;
      localStorage.setItem(
        `branch-picker:last:${base}`,
        JSON.stringify({
          id: '410012',
          name: 'Саратов 410012',
          address: '410012, Саратовская область, г. Саратов, ул. Интернациональная, 4А',
          at: Date.now(),
        }),
      );
      return {};
    },
  ],
};
