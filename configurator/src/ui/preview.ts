/**
 * The live preview: the real `<branch-picker>`, fed the draft. Attributes follow the draft on every
 * update (the widget restarts itself for what needs it); the appearance goes on as inline custom
 * properties, so it shows in the next frame. Desktop or phone width, light or dark, for a look.
 */
import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { appearanceProperties, parseAppearance } from '#core/appearance';
import { OPTION_KEYS, OPTIONS } from '#core/options';
import type { Draft } from '../draft-store';
import type { UiWords } from '../i18n';

export type PreviewWidth = 'desktop' | 'phone';
export type PreviewTheme = 'light' | 'dark';

/** Attributes the preview never takes from the draft. */
const NOT_FROM_DRAFT = new Set(['api', 'config']);

export class PreviewController implements ReactiveController {
  width: PreviewWidth = 'desktop';
  theme: PreviewTheme | null = null;
  readonly picker: HTMLElement = document.createElement('branch-picker');
  private readonly host: ReactiveControllerHost;
  private readonly draft: () => Draft;
  private applied = new Set<string>();

  constructor(host: ReactiveControllerHost, draft: () => Draft) {
    this.host = host;
    this.draft = draft;
    this.picker.setAttribute('no-remember', '');
    host.addController(this);
  }

  hostUpdated(): void {
    this.sync();
  }

  setWidth(width: PreviewWidth): void {
    this.width = width;
    this.host.requestUpdate();
  }

  setTheme(theme: PreviewTheme): void {
    this.theme = this.theme === theme ? null : theme;
    this.host.requestUpdate();
  }

  private sync(): void {
    const d = this.draft();
    const options: Record<string, string | true> = { ...d.options };
    if (!d.showPrice) delete options.from;
    if (this.theme) options.theme = this.theme;
    options['no-remember'] = true;
    for (const key of OPTION_KEYS) {
      const attribute = OPTIONS[key].attribute;
      if (NOT_FROM_DRAFT.has(attribute)) continue;
      const value = options[attribute];
      const text = value === true ? '' : value;
      if (text === undefined) {
        if (this.picker.hasAttribute(attribute)) this.picker.removeAttribute(attribute);
      } else if (this.picker.getAttribute(attribute) !== text) {
        this.picker.setAttribute(attribute, text);
      }
    }
    // A wrong appearance value is the form's to point out; the preview shows what is good.
    let properties: Record<string, string>;
    try {
      properties = appearanceProperties(parseAppearance(d.appearance));
    } catch {
      properties = {};
    }
    for (const name of this.applied)
      if (!(name in properties)) this.picker.style.removeProperty(name);
    for (const [name, value] of Object.entries(properties))
      this.picker.style.setProperty(name, value);
    if (!properties.height) this.picker.style.setProperty('height', 'min(560px, 75vh)');
    this.applied = new Set([...Object.keys(properties), 'height']);
  }

  render(w: UiWords): TemplateResult {
    const toggle = (pressed: boolean, label: string, onClick: () => void) =>
      html`<button
        type="button"
        class="toggle"
        aria-pressed=${pressed ? 'true' : 'false'}
        @click=${onClick}
      >
        ${label}
      </button>`;
    return html`<section class="preview" aria-labelledby="preview-title">
      <div class="preview-bar">
        <h2 id="preview-title">${w.preview}</h2>
        <div class="toggles" role="group" aria-label=${w.preview}>
          ${toggle(this.width === 'desktop', w.desktop, () => this.setWidth('desktop'))}
          ${toggle(this.width === 'phone', w.phone, () => this.setWidth('phone'))}
          ${toggle(this.theme === 'light', w.light, () => this.setTheme('light'))}
          ${toggle(this.theme === 'dark', w.dark, () => this.setTheme('dark'))}
        </div>
      </div>
      <div class="frame ${this.width}">${this.picker}</div>
    </section>`;
  }
}
