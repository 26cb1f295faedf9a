/**
 * `<bp-configurator>`: the no-code builder. The form on the left (its fields drawn from the
 * widget's options table), the real widget on the right changing as the merchant works, and below
 * them saving and the code to paste. State in a zustand store (draft-store.ts); the preview, saving
 * and the sender's town are controllers; every section is a template function.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { pricingProblems } from '#core/pricing-rules';
import type { SavedPricing } from '#core/widget-config';
import { styles } from './configurator.styles';
import { createConfiguratorStore } from './draft-store';
import { OPTION_FIELDS, SECTIONS, type SectionId } from './fields';
import { fill, WORDS, type UiLang, type UiWords } from './i18n';
import { checkbox, choiceInput, optionInput, textInput, type FieldContext } from './ui/fields';
import { renderOutput } from './ui/output';
import { PreviewController } from './ui/preview';
import { SaveController } from './ui/saving';
import { placeOf, townOf } from './lookups';
import type { SnippetKind } from './snippets';
import { appearanceProblem, draftProblems, linesProblem } from './validation';

/** The map starts this close to a town the merchant picks. */
const START_ZOOM = '11';
/** A typed postal code is looked up once typing pauses this long. */
const LOOKUP_DELAY_MS = 300;

type Lookup = { code: string; state: 'checking' | 'unknown' | 'found'; town?: string };

export class BpConfigurator extends LitElement {
  static override styles = styles;

  private readonly store = createConfiguratorStore();
  private uiLang: UiLang = document.documentElement.lang === 'en' ? 'en' : 'ru';
  private showProblems = false;
  private copied: SnippetKind | null = null;
  private sender: Lookup | null = null;
  /** What the start search last failed to find. */
  private startMissing: string | null = null;
  private lookupTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly preview = new PreviewController(this, () => this.store.getState().draft);
  private readonly saving = new SaveController(this, this.store, () => this.validate());

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.store.subscribe(() => this.requestUpdate());
    this.checkSender();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    clearTimeout(this.lookupTimer);
  }

  private get w(): UiWords {
    return WORDS[this.uiLang];
  }

  private get draft() {
    return this.store.getState().draft;
  }

  /** Every field right? If not, messages show and focus goes to the first wrong one. */
  private validate(): boolean {
    this.showProblems = true;
    this.requestUpdate();
    const ok = draftProblems(this.draft, this.w).length === 0;
    if (!ok)
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
    return ok;
  }

  /** The sender's town, looked up as the merchant types a valid postal code. */
  private checkSender(): void {
    clearTimeout(this.lookupTimer);
    const code = this.draft.options.from;
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) {
      this.sender = null;
      return;
    }
    if (this.sender?.code === code) return;
    this.sender = { code, state: 'checking' };
    this.lookupTimer = setTimeout(() => void this.lookUp(code), LOOKUP_DELAY_MS);
  }

  private async lookUp(code: string): Promise<void> {
    let town: string | null;
    try {
      town = await townOf(code);
    } catch {
      this.sender = null;
      this.requestUpdate();
      return;
    }
    if (this.sender?.code !== code) return;
    this.sender = town ? { code, state: 'found', town } : { code, state: 'unknown' };
    this.requestUpdate();
  }

  /** The place the map starts at, found by the proxy's search. */
  private async findStart(query: string): Promise<void> {
    this.startMissing = null;
    if (!query.trim()) return;
    const at = await placeOf(query.trim());
    if (!at) {
      this.startMissing = query.trim();
      this.requestUpdate();
      return;
    }
    const s = this.store.getState();
    s.setOption('center', `${at.lon.toFixed(5)},${at.lat.toFixed(5)}`);
    if (!s.draft.options.zoom) s.setOption('zoom', START_ZOOM);
    s.setDraft({ startLabel: at.label });
  }

  private fieldContext(): FieldContext {
    const s = this.store.getState();
    return {
      w: this.w,
      value: (attribute) => s.draft.options[attribute],
      set: (attribute, value) => {
        s.setOption(attribute, value);
        if (attribute === 'from') this.checkSender();
      },
      showProblems: true,
    };
  }

  private renderOptionFields(section: SectionId): TemplateResult[] {
    const c = this.fieldContext();
    return OPTION_FIELDS.filter((f) => f.section === section && f.key !== 'center').map((f) =>
      f.key === 'from' ? this.renderSender(optionInput(f, c)) : optionInput(f, c),
    );
  }

  private renderSender(input: TemplateResult): TemplateResult {
    const d = this.draft;
    const s = this.sender;
    const line = !s
      ? nothing
      : s.state === 'checking'
        ? this.w.senderChecking
        : s.state === 'unknown'
          ? this.w.senderUnknown
          : s.town;
    return html`${checkbox({
      name: 'show-price',
      label: this.w.pricing.showPrice.label,
      checked: d.showPrice,
      onChange: (on) => this.store.getState().setDraft({ showPrice: on }),
    })}
    ${
      d.showPrice
        ? html`${input}
            <p class="lookup" role="status">${line}</p>`
        : nothing
    }`;
  }

  private renderStart(): TemplateResult {
    const w = this.w;
    const d = this.draft;
    const center = d.options.center;
    // Not a <form>: it sits inside the configurator's form, and forms do not nest.
    const search = (input: HTMLInputElement | null) => void this.findStart(input?.value ?? '');
    return html`<div class="field start" role="search">
      <label for="f-start">${w.startSearch}</label>
      <div class="inline">
        <input
          id="f-start"
          name="start"
          type="search"
          autocomplete="off"
          @keydown=${(e: KeyboardEvent) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            search(e.target as HTMLInputElement);
          }}
        />
        <button
          type="button"
          class="secondary"
          @click=${() => search(this.renderRoot.querySelector<HTMLInputElement>('#f-start'))}
        >
          ${w.startSearchButton}
        </button>
      </div>
      <p class="lookup" role="status">
        ${
          this.startMissing
            ? fill(w.startNotFound, { query: this.startMissing })
            : center
              ? fill(w.startAt, { place: d.startLabel || String(center) })
              : w.startNone
        }
        ${
          center
            ? html`<button
                type="button"
                class="link"
                @click=${() => {
                  const s = this.store.getState();
                  s.setOption('center', null);
                  s.setOption('zoom', null);
                  s.setDraft({ startLabel: '' });
                }}
              >
                ${w.startClear}
              </button>`
            : nothing
        }
      </p>
    </div>`;
  }

  private renderAppearance(): TemplateResult {
    const w = this.w;
    const a = this.draft.appearance;
    const s = this.store.getState();
    const number = (field: 'radius' | 'height') =>
      textInput({
        name: field,
        label: w.appearance[field].label,
        hint: w.appearance[field].hint,
        value: a[field] === undefined ? '' : String(a[field]),
        problem: appearanceProblem(this.draft, this.w, field),
        inputmode: 'numeric',
        onInput: (v) =>
          s.setAppearance(field, v.trim() === '' ? null : Number.isNaN(Number(v)) ? v : Number(v)),
      });
    return html`<div class="field">
        <label for="f-primary">${w.appearance.primary.label}</label>
        <div class="inline">
          <input
            id="f-primary"
            type="color"
            .value=${a.primary && /^#[0-9a-f]{6}$/i.test(a.primary) ? a.primary : '#0a5bd3'}
            aria-describedby="f-primary-hint"
            @input=${(e: Event) => s.setAppearance('primary', (e.target as HTMLInputElement).value)}
          />
          ${a.primary ? html`<code>${a.primary}</code>` : nothing}
        </div>
        <p class="hint" id="f-primary-hint">${w.appearance.primary.hint}</p>
      </div>
      ${number('radius')}
      ${textInput({
        name: 'font',
        label: w.appearance.font.label,
        hint: w.appearance.font.hint,
        value: a.font ?? '',
        problem: appearanceProblem(this.draft, this.w, 'font'),
        onInput: (v) => s.setAppearance('font', v.trim() === '' ? null : v),
      })}
      ${number('height')}`;
  }

  private renderPricing(): TemplateResult {
    const w = this.w;
    const p = this.draft.pricing;
    const s = this.store.getState();
    const problems = Object.fromEntries(
      pricingProblems(p as Record<string, unknown>).map((x) => [x.field, x.message]),
    );
    const number = (field: Exclude<keyof SavedPricing, 'roundMode'>) =>
      textInput({
        name: field,
        label: w.pricing[field].label,
        hint: w.pricing[field].hint,
        value: p[field] === undefined || p[field] === null ? '' : String(p[field]),
        problem: problems[field] ? `${w.invalid}: ${problems[field]}` : null,
        inputmode: 'decimal',
        onInput: (v) => {
          const n = Number(v.replace(',', '.'));
          s.setPricing(field, v.trim() === '' ? null : Number.isNaN(n) ? v : n);
        },
      });
    return html`${number('markupPercent')} ${number('markupFixed')} ${number('roundTo')}
    ${choiceInput({
      name: 'roundMode',
      label: w.pricing.roundMode.label,
      value: p.roundMode ?? '',
      choices: ['up', 'nearest'],
      labels: w.pricing.roundMode.choices,
      defaultText: `${w.pricing.roundMode.choices!.up} ${w.byDefault}`,
      onChange: (v) => s.setPricing('roundMode', v || null),
    })}
    ${number('freeAbove')} ${number('extraDays')}`;
  }

  private renderSites(): TemplateResult {
    const w = this.w;
    const d = this.draft;
    const s = this.store.getState();
    const lines = (field: 'allowedOrigins' | 'allowedReturnUrls') => {
      const id = `f-${field}`;
      const problem = linesProblem(this.draft, this.w, field);
      return html`<div class="field">
        <label for=${id}>${w.sites[field].label}</label>
        <textarea
          id=${id}
          rows="3"
          .value=${d[field].join('\n')}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby="${id}-hint ${problem ? `${id}-problem` : ''}"
          @input=${(e: Event) =>
            s.setDraft({
              [field]: (e.target as HTMLTextAreaElement).value
                .split(/\n/)
                .map((l) => l.trim())
                .filter(Boolean),
            })}
        ></textarea>
        <p class="hint" id="${id}-hint">${w.sites[field].hint}</p>
        ${problem ? html`<p class="problem" id="${id}-problem">${problem}</p>` : nothing}
      </div>`;
    };
    return html`${textInput({
      name: 'name',
      label: w.sites.name.label,
      hint: w.sites.name.hint,
      value: d.name,
      problem: null,
      onInput: (v) => s.setDraft({ name: v }),
    })}
    ${lines('allowedOrigins')} ${lines('allowedReturnUrls')}
    ${textInput({
      name: 'pochtaWidgetId',
      label: w.sites.pochtaWidgetId.label,
      hint: w.sites.pochtaWidgetId.hint,
      value: d.pochtaWidgetId ? String(d.pochtaWidgetId) : '',
      problem: null,
      inputmode: 'numeric',
      onInput: (v) => s.setDraft({ pochtaWidgetId: /^\d+$/.test(v.trim()) ? Number(v) : null }),
    })}`;
  }

  private renderSection(id: SectionId): TemplateResult | typeof nothing {
    const body: (TemplateResult | typeof nothing)[] = [];
    if (id === 'branches') body.push(this.renderStart());
    body.push(...this.renderOptionFields(id));
    if (id === 'appearance') body.push(this.renderAppearance());
    if (id === 'pricing') body.push(this.renderPricing());
    if (id === 'sites') body.push(this.renderSites());
    if (!body.length) return nothing;
    return html`<fieldset class="section">
      <legend><h2>${this.w.sections[id]}</h2></legend>
      ${body}
    </fieldset>`;
  }

  override render() {
    const w = this.w;
    const saved = this.store.getState().saved;
    const site = this.draft.allowedOrigins[0] ?? null;
    return html`<header>
        <h1>${w.title}</h1>
        <p>${w.intro}</p>
        <label class="lang"
          >${w.language}
          <select
            @change=${(e: Event) => {
              this.uiLang = (e.target as HTMLSelectElement).value as UiLang;
              document.documentElement.lang = this.uiLang;
              this.requestUpdate();
            }}
          >
            <option value="ru" ?selected=${this.uiLang === 'ru'}>Русский</option>
            <option value="en" ?selected=${this.uiLang === 'en'}>English</option>
          </select>
        </label>
      </header>
      <div class="layout">
        <form class="form" @submit=${(e: Event) => e.preventDefault()} novalidate>
          ${SECTIONS.map((id) => this.renderSection(id))}
        </form>
        <div class="side">
          ${this.preview.render(w)} ${this.saving.render(w)}
          ${renderOutput({
            w,
            context: saved ? { proxy: location.origin, id: saved.id, site } : null,
            copied: this.copied,
            onCopied: (kind) => {
              this.copied = kind;
              this.requestUpdate();
            },
          })}
        </div>
      </div>`;
  }
}
