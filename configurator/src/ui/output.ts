/**
 * The code to paste, for each way of embedding, with a copy button each, and "Open a test page":
 * the script-tag snippet on a blank page, exactly as pasted.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { UiWords } from '../i18n';
import { snippet, testPage, type SnippetContext, type SnippetKind } from '../snippets';

const KINDS: readonly SnippetKind[] = ['script', 'npm', 'iframe', 'webview', 'pochta'];

export interface OutputProps {
  w: UiWords;
  context: SnippetContext | null;
  copied: SnippetKind | null;
  onCopied: (kind: SnippetKind) => void;
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard permission: the text is there to select by hand.
  }
}

function openTestPage(context: SnippetContext): void {
  const url = URL.createObjectURL(new Blob([testPage(context)], { type: 'text/html' }));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function renderOutput(p: OutputProps): TemplateResult {
  const { w, context } = p;
  return html`<section class="output" aria-labelledby="output-title">
    <h2 id="output-title">${w.outputsTitle}</h2>
    ${
      context
        ? html`${KINDS.map((kind) => {
            const text = snippet(kind, context);
            const id = `snippet-${kind}`;
            return html`<div class="snippet" role="group" aria-labelledby="${id}-title">
              <h3 id="${id}-title">${w.outputs[kind]}</h3>
              <pre tabindex="0"><code id=${id}>${text}</code></pre>
              <button
                type="button"
                class="secondary"
                aria-describedby="${id}-title"
                @click=${async () => {
                  await copy(text);
                  p.onCopied(kind);
                }}
              >
                ${p.copied === kind ? w.copied : w.copy}
              </button>
              ${
                kind === 'script'
                  ? html`<button
                      type="button"
                      class="secondary"
                      @click=${() => openTestPage(context)}
                    >
                      ${w.openTestPage}
                    </button>`
                  : nothing
              }
            </div>`;
          })}`
        : html`<p class="muted">${w.saveFirst}</p>`
    }
  </section>`;
}
