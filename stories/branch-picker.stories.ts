/**
 * `<branch-picker>` in every state a buyer can meet. The proxy is mocked (stories/mock-api/): the
 * scenario in the `api` path decides how it answers, so "Russian Post is down" is a story, not a
 * wait for an outage.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { BranchPicker } from '../widget/src/branch-picker';

type Scenario = 'ok' | 'estimate' | 'stale' | 'quote-down' | 'loading' | 'down';

interface Args {
  scenario: Scenario;
  lang?: 'ru' | 'en';
  theme?: 'light' | 'dark' | 'auto';
  center?: string;
  zoom?: string;
  selected?: string;
  from?: string;
  weight?: string;
  types?: string;
  mode?: 'inline' | 'modal';
  noList?: boolean;
  noSearch?: boolean;
  /** Off in every story but the one about it, so that stories do not leak choices into each other. */
  remember?: boolean;
  /** Width of the frame the picker sits in: 360 shows the phone layout. */
  width?: number;
  height?: number;
}

const api = (scenario: Scenario) => `/mock-api/${scenario}/`;

/** The parcel a shop in Moscow sends, so that the card has a cost and a delivery time. */
const PARCEL = { from: '101000', weight: '1200' } as const;
const SARATOV = { center: '46.03,51.53', zoom: '12' } as const;

const picker = (host: HTMLElement): BranchPicker => host.querySelector('branch-picker')!;

/** Resolves once `find` returns something inside the picker's shadow root. */
async function waitFor<T>(
  host: HTMLElement,
  find: (root: ShadowRoot) => T | null | undefined,
): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const root = picker(host).shadowRoot;
    const found = root ? find(root) : null;
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the picker never reached the state this story shows');
}

const meta: Meta<Args> = {
  title: 'Branch picker',
  tags: ['autodocs'],
  args: { scenario: 'ok', width: 0, height: 640 },
  argTypes: {
    scenario: {
      control: 'select',
      options: ['ok', 'estimate', 'stale', 'quote-down', 'loading', 'down'],
      description: 'How the mocked proxy answers',
    },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    mode: { control: 'inline-radio', options: ['inline', 'modal'] },
  },
  render: (a) =>
    html`<div style="padding: ${a.width ? '16px' : '0'}; ${a.width ? `width: ${a.width}px;` : ''}">
      <branch-picker
        api=${api(a.scenario)}
        lang=${ifDefined(a.lang)}
        theme=${ifDefined(a.theme)}
        center=${ifDefined(a.center)}
        zoom=${ifDefined(a.zoom)}
        selected=${ifDefined(a.selected)}
        from=${ifDefined(a.from)}
        weight=${ifDefined(a.weight)}
        types=${ifDefined(a.types)}
        mode=${ifDefined(a.mode)}
        ?no-list=${a.noList ?? false}
        ?no-search=${a.noSearch ?? false}
        ?no-remember=${!a.remember}
        style="height: ${a.height ?? 640}px"
      ></branch-picker>
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
  play: async ({ canvasElement }) => {
    const input = await waitFor(canvasElement, (root) =>
      root.querySelector<HTMLInputElement>('#bp-search'),
    );
    await waitFor(canvasElement, (root) => root.querySelector('.count'));
    input.focus();
    input.value = '4100';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitFor(canvasElement, (root) => root.querySelector('[role="option"]'));
  },
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
