/**
 * Saving: the first save creates the configuration (and shows its owner token once); later saves
 * update it with `If-Match`, so that another tab's save is never silently overwritten; versions can
 * be listed and restored; a saved configuration can be opened by id and token, exported as JSON and
 * imported from it.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { OwnerConfig } from '#core/widget-config';
import {
  ApiProblem,
  createConfig,
  listVersions,
  readConfig,
  restoreVersion,
  rotateToken,
  updateConfig,
  type VersionEntry,
} from '../api';
import { fromConfig, toInput, type ConfiguratorStore } from '../draft-store';
import { fill, type UiWords } from '../i18n';

export class SaveController {
  versions: VersionEntry[] | null = null;
  /** Fields the proxy refused, by `body.…` path. */
  refused: Record<string, string> = {};
  private readonly host: ReactiveControllerHost;
  private readonly store: ConfiguratorStore;
  private readonly valid: () => boolean;

  constructor(host: ReactiveControllerHost, store: ConfiguratorStore, valid: () => boolean) {
    this.host = host;
    this.store = store;
    this.valid = valid;
  }

  private get s() {
    return this.store.getState();
  }

  private fail(error: unknown): void {
    if (error instanceof ApiProblem) {
      this.refused = error.fields;
      if (error.status === 412) this.s.failed('conflict', error.message);
      else this.s.failed('error', error.message);
    } else this.s.failed('error', (error as Error).message);
    this.host.requestUpdate();
  }

  readonly save = async (): Promise<void> => {
    if (!this.valid()) {
      this.s.failed('error', '');
      return;
    }
    this.s.saving();
    this.refused = {};
    const input = toInput(this.s.draft);
    try {
      const saved = this.s.saved;
      if (!saved) {
        const { body, etag } = await createConfig(input);
        this.s.savedAs(body.config, etag, body.token);
      } else {
        const { body, etag } = await updateConfig(saved.id, saved.token, saved.etag, input);
        this.s.savedAs(body, etag);
      }
      if (this.versions) await this.loadVersions();
    } catch (error) {
      this.fail(error);
    }
  };

  /** After a conflict: the saved version replaces the draft. */
  readonly reload = async (): Promise<void> => {
    const saved = this.s.saved;
    if (!saved) return;
    try {
      const { body, etag } = await readConfig(saved.id, saved.token);
      this.s.savedAs(body, etag);
    } catch (error) {
      this.fail(error);
    }
  };

  readonly open = async (id: string, token: string): Promise<void> => {
    try {
      const { body, etag } = await readConfig(id.trim(), token.trim());
      this.s.savedAs(body, etag, token.trim());
      this.s.setDraft({});
      this.store.setState({ newToken: null });
      this.versions = null;
    } catch (error) {
      this.fail(error);
    }
  };

  async loadVersions(): Promise<void> {
    const saved = this.s.saved;
    if (!saved) return;
    try {
      const { body } = await listVersions(saved.id, saved.token);
      this.versions = Array.isArray(body) ? body : body.versions;
      this.host.requestUpdate();
    } catch (error) {
      this.fail(error);
    }
  }

  readonly restore = async (version: number): Promise<void> => {
    const saved = this.s.saved;
    if (!saved) return;
    try {
      const { body, etag } = await restoreVersion(saved.id, saved.token, saved.etag, version);
      this.s.savedAs(body, etag);
      await this.loadVersions();
    } catch (error) {
      this.fail(error);
    }
  };

  /** A new owner key, shown once; the old one (perhaps seen by someone else) stops working. */
  readonly rotate = async (): Promise<void> => {
    const saved = this.s.saved;
    if (!saved) return;
    try {
      const { body, etag } = await rotateToken(saved.id, saved.token);
      this.s.savedAs(body.config, etag, body.token);
    } catch (error) {
      this.fail(error);
    }
  };

  readonly exportJson = async (): Promise<void> => {
    const saved = this.s.saved;
    if (!saved) return;
    const { body } = await readConfig(saved.id, saved.token);
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = `branch-picker-${saved.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  /** A JSON file as a new configuration: the proxy checks it as it checks a save. */
  readonly importJson = async (file: File): Promise<void> => {
    try {
      const document = JSON.parse(await file.text()) as Partial<OwnerConfig>;
      const defaults: OwnerConfig = {
        id: '',
        version: 0,
        name: '',
        options: {},
        appearance: {},
        pricing: {},
        allowedOrigins: [],
        allowedReturnUrls: [],
        pochtaWidgetId: null,
        createdAt: '',
        updatedAt: '',
      };
      this.s.reset();
      this.s.setDraft(fromConfig({ ...defaults, ...document }));
      await this.save();
    } catch (error) {
      this.fail(error);
    }
  };

  render(w: UiWords): TemplateResult {
    const s = this.s;
    const dirty = s.savedDraft !== JSON.stringify(s.draft);
    let state: TemplateResult | typeof nothing = nothing;
    if (s.status === 'saving') state = html`${w.saving}`;
    else if (s.status === 'conflict')
      state = html`${w.conflict}
        <button type="button" class="secondary" @click=${this.reload}>${w.loadSaved}</button>`;
    else if (s.status === 'error')
      state = html`${s.message ? fill(w.problem, { detail: s.message }) : w.fixFirst}`;
    else if (s.saved && !dirty) state = html`${fill(w.saved, { version: s.saved.version })}`;
    else if (s.saved) state = html`${w.unsaved}`;
    return html`<section class="saving" aria-labelledby="saving-title">
      <h2 id="saving-title" class="sr-only">${w.save}</h2>
      <div class="save-row">
        <button
          type="button"
          class="primary"
          ?disabled=${s.status === 'saving'}
          @click=${this.save}
        >
          ${w.save}
        </button>
        <p class="save-state" role="status">${state}</p>
      </div>
      ${s.saved ? html`<p>${w.idLabel}: <code>${s.saved.id}</code></p>` : nothing}
      ${
        s.newToken
          ? html`<div class="token" role="alert">
              <p>${w.tokenOnce}</p>
              <p>${w.tokenLabel}: <code>${s.newToken}</code></p>
            </div>`
          : nothing
      }
      ${
        s.saved
          ? html`<details
              @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void this.loadVersions()}
            >
              <summary>${w.versions}</summary>
              <ul class="versions">
                ${(this.versions ?? []).map(
                  (v) =>
                    html`<li>
                      ${fill(w.version, { version: v.version, date: new Date(v.savedAt).toLocaleString(document.documentElement.lang || undefined) })}
                      ${
                        v.version === s.saved?.version
                          ? nothing
                          : html`<button
                              type="button"
                              class="secondary"
                              @click=${() => this.restore(v.version)}
                            >
                              ${w.restore}
                            </button>`
                      }
                    </li>`,
                )}
              </ul>
            </details>`
          : nothing
      }
      <details>
        <summary>${w.openSaved}</summary>
        <form
          class="open-form"
          @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            const data = new FormData(e.target as HTMLFormElement);
            const text = (name: string) => {
              const v = data.get(name);
              return typeof v === 'string' ? v : '';
            };
            void this.open(text('id'), text('token'));
          }}
        >
          <label>${w.idLabel} <input name="id" autocomplete="off" /></label>
          <label>${w.tokenLabel} <input name="token" type="password" autocomplete="off" /></label>
          <button type="submit" class="secondary">${w.open}</button>
        </form>
      </details>
      <div class="file-row">
        <button type="button" class="secondary" ?disabled=${!s.saved} @click=${this.exportJson}>
          ${w.exportJson}
        </button>
        <label class="file secondary">
          ${w.importJson}
          <input
            type="file"
            accept="application/json,.json"
            @change=${(e: Event) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) void this.importJson(file);
            }}
          />
        </label>
        ${
          s.saved
            ? html`<button type="button" class="secondary" @click=${this.rotate}>
                ${w.rotateToken}
              </button>`
            : nothing
        }
        <button
          type="button"
          class="secondary"
          @click=${() => {
            this.s.reset();
            this.versions = null;
          }}
        >
          ${w.newConfig}
        </button>
      </div>
    </section>`;
  }
}
