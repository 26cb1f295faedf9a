/**
 * The form's inputs: one template per kind of option (text, number, URL, a choice, a list, a flag),
 * and the configuration's own fields (appearance, pricing, sites). Each has its label, its hint and
 * its message when the value is wrong, tied to the input (`aria-describedby`, `aria-invalid`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { OptionDef } from '#core/options';
import { optionProblem, plainDoc, type OptionField } from '../fields';
import type { UiWords } from '../i18n';

export interface FieldContext {
  w: UiWords;
  /** The option's value as the draft holds it (attribute text, or `true` for a flag). */
  value(attribute: string): string | true | undefined;
  set(attribute: string, value: string | true | null): void;
  /** Whether a wrong value's message shows yet (after the first edit or a save attempt). */
  showProblems: boolean;
}

let next = 0;
/** Ids for labels and descriptions, unique in the page. */
export const uid = (name: string): string => `f-${name}-${++next}`;

/** The message under a field, or nothing. */
export function problemText(id: string, message: string | null): TemplateResult | typeof nothing {
  return message ? html`<p class="problem" id=${id}>${message}</p>` : nothing;
}

export function hintText(id: string, hint: string | undefined): TemplateResult | typeof nothing {
  return hint ? html`<p class="hint" id=${id}>${hint}</p>` : nothing;
}

/** A labelled text or number input with its hint and message. */
export function textInput(p: {
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  problem: string | null;
  type?: 'text' | 'number' | 'url';
  inputmode?: 'numeric' | 'decimal';
  /** What the widget does when the field is left empty, when that is a value. */
  placeholder?: string | undefined;
  onInput: (value: string) => void;
  after?: TemplateResult | typeof nothing;
}): TemplateResult {
  const id = `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : '', p.problem ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="field">
    <label for=${id}>${p.label}</label>
    <input
      id=${id}
      name=${p.name}
      type=${p.type ?? 'text'}
      inputmode=${p.inputmode ?? nothing}
      placeholder=${p.placeholder ?? nothing}
      .value=${p.value}
      aria-invalid=${p.problem ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      @input=${(e: Event) => p.onInput((e.target as HTMLInputElement).value)}
    />
    ${hintText(`${id}-hint`, p.hint)} ${problemText(`${id}-problem`, p.problem)}
    ${p.after ?? nothing}
  </div>`;
}

/** A checkbox with its label. */
export function checkbox(p: {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): TemplateResult {
  const id = `f-${p.name}`;
  return html`<div class="field check">
    <input
      id=${id}
      name=${p.name}
      type="checkbox"
      .checked=${p.checked}
      @change=${(e: Event) => p.onChange((e.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${p.label}</label>
  </div>`;
}

/** A select over choices, with "as the widget does by default" first. */
export function choiceInput(p: {
  name: string;
  label: string;
  value: string;
  choices: readonly string[];
  labels: Record<string, string> | undefined;
  defaultText: string;
  onChange: (value: string) => void;
}): TemplateResult {
  const id = `f-${p.name}`;
  return html`<div class="field">
    <label for=${id}>${p.label}</label>
    <select
      id=${id}
      name=${p.name}
      @change=${(e: Event) => p.onChange((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${p.value === ''}>${p.defaultText}</option>
      ${p.choices.map(
        (c) => html`<option value=${c} ?selected=${p.value === c}>${p.labels?.[c] ?? c}</option>`,
      )}
    </select>
  </div>`;
}

/** A group of checkboxes for a list option; all checked is the option's default; one stays checked. */
function listInput(
  f: OptionField,
  c: FieldContext,
  words: { label: string; choices?: Record<string, string> },
) {
  const def: OptionDef<unknown> = f.def;
  const raw = c.value(def.attribute);
  const all = def.choices ?? [];
  const listed = new Set(
    typeof raw === 'string'
      ? raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : ((def.default as string[]) ?? []),
  );
  // None listed is every choice (the option's default).
  const checked = listed.size === 0 ? new Set(all) : listed;
  const toggle = (choice: string, on: boolean) => {
    const next = all.filter((x) => (x === choice ? on : checked.has(x)));
    c.set(def.attribute, next.length === all.length || next.length === 0 ? null : next.join(','));
  };
  return html`<fieldset class="field group">
    <legend>${words.label}</legend>
    ${all.map((choice) => {
      const id = `f-${def.attribute}-${choice}`;
      const on = checked.has(choice);
      return html`<span class="check">
        <input
          id=${id}
          type="checkbox"
          .checked=${on}
          ?disabled=${on && checked.size === 1}
          @change=${(e: Event) => toggle(choice, (e.target as HTMLInputElement).checked)}
        />
        <label for=${id}>${words.choices?.[choice] ?? choice}</label>
      </span>`;
    })}
  </fieldset>`;
}

/** The field for one option of the table, by its kind. */
export function optionInput(f: OptionField, c: FieldContext): TemplateResult {
  const def = f.def;
  const words = c.w.fields[f.key] ?? { label: plainDoc(def.doc) };
  const raw = c.value(def.attribute);
  if (def.kind === 'flag')
    return checkbox({
      name: def.attribute,
      label: words.label,
      checked: raw !== undefined,
      onChange: (on) => c.set(def.attribute, on ? true : null),
    });
  if (def.kind === 'choice')
    return choiceInput({
      name: def.attribute,
      label: words.label,
      value: typeof raw === 'string' ? raw : '',
      choices: def.choices ?? [],
      labels: words.choices,
      defaultText: `${words.choices?.[String(def.default)] ?? plainDoc(def.defaultText)} ${c.w.byDefault}`,
      onChange: (v) => c.set(def.attribute, v || null),
    });
  if (def.kind === 'list') return listInput(f, c, words);
  const text = typeof raw === 'string' ? raw : '';
  const problem = text && c.showProblems ? optionProblem(def, text) : null;
  return textInput({
    name: def.attribute,
    label: words.label,
    hint: words.hint,
    value: text,
    problem:
      problem && (c.w.fields[f.key]?.hint ? `${c.w.invalid}. ${c.w.fields[f.key]!.hint}` : problem),
    type: def.kind === 'url' ? 'url' : 'text',
    placeholder: /^\d+$/.test(def.defaultText) ? def.defaultText : undefined,
    ...(def.kind === 'number' ? { inputmode: 'decimal' as const } : {}),
    onInput: (v) => c.set(def.attribute, v.trim() === '' ? null : v),
  });
}
