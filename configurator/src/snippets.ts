/**
 * What the merchant pastes, for a saved configuration: each snippet names the configuration and
 * nothing else of it, so that a later save reaches every site that pasted it.
 */
export type SnippetKind = 'script' | 'npm' | 'iframe' | 'webview' | 'pochta';

export interface SnippetContext {
  /** The proxy, such as `https://picker.example.com`. */
  proxy: string;
  id: string;
  /** The first allowed site: the iframe's parent. */
  site: string | null;
}

export function snippet(kind: SnippetKind, { proxy, id, site }: SnippetContext): string {
  switch (kind) {
    case 'script':
      return `<script src="${proxy}/widget/branch-picker.js" async></script>
<branch-picker config="${id}"></branch-picker>
<input type="hidden" name="pickup_point" id="pickup-point" />
<script>
  document.querySelector('branch-picker').addEventListener('branch-select', (event) => {
    document.getElementById('pickup-point').value = event.detail.branch.id;
  });
</script>`;
    case 'npm':
      return `// npm install branch-picker
import 'branch-picker';

const picker = document.createElement('branch-picker');
picker.api = '${proxy}/';
picker.config = '${id}';
picker.addEventListener('branch-select', (event) => console.log(event.detail.branch));
document.querySelector('#checkout')?.append(picker);`;
    case 'iframe': {
      const parent = site ?? 'https://your-shop.example';
      return `<iframe src="${proxy}/embed?config=${id}&parent_origin=${encodeURIComponent(parent)}" title="Выбор пункта выдачи" style="width: 100%; height: 600px; border: 0"></iframe>
<script>
  addEventListener('message', (event) => {
    if (event.origin !== '${proxy}' || event.data?.type !== 'branch-select') return;
    console.log(event.data.branch);
  });
</script>`;
    }
    case 'webview':
      return `${proxy}/embed?config=${id}`;
    case 'pochta':
      return `<div id="ecom-widget" style="height: 500px"></div>
<script src="${proxy}/map/widget/widget.js"></script>
<script>
  ecomStartWidget({
    containerId: 'ecom-widget',
    config: '${id}',
    callbackFunction: (data) => console.log(data),
  });
</script>`;
  }
}

/** A blank page holding the script-tag snippet exactly as pasted: "Open a test page". */
export const testPage = (context: SnippetContext): string =>
  `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test page</title></head>
<body>
${snippet('script', context)}
</body>
</html>
`;
