/**
 * `BranchPicker.pick(options)`: the picker as a function for sites that would rather call one than
 * place an element. A dialog opens over the page; the promise resolves with the choice, or with null
 * when the buyer closes it without choosing. Options are the attributes, by attribute or property
 * name (`no-list` or `noList`).
 */
import type { BranchSelection } from './events';
import { OPTIONS } from './options';

export type PickOptions = Record<string, string | number | boolean | null | undefined>;

const attributeOf = (name: string): string =>
  (OPTIONS as Record<string, { attribute: string } | undefined>)[name]?.attribute ?? name;

export async function pick(options: PickOptions = {}): Promise<BranchSelection | null> {
  const picker = document.createElement('branch-picker');
  for (const [name, value] of Object.entries(options)) {
    if (value === null || value === undefined || value === false) continue;
    picker.setAttribute(attributeOf(name), value === true ? '' : String(value));
  }
  picker.setAttribute('mode', 'modal');
  document.body.append(picker);
  await customElements.whenDefined('branch-picker');
  await picker.updateComplete;
  return new Promise((resolve) => {
    let choice: BranchSelection | null = null;
    picker.addEventListener('branch-select', (event) => (choice = event.detail));
    picker.addEventListener(
      'branch-picker-close',
      () => {
        picker.remove();
        resolve(choice);
      },
      { once: true },
    );
    picker.open();
  });
}
