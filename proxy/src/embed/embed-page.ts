/**
 * The embed page's HTML: the picker full-screen, its options read by the page from the query, and
 * what the proxy decided about the host (the parent origin and the return URL, each allowed or not)
 * handed over as a JSON data block, which no policy treats as a script.
 */

/** What the page is told; `problems` are printed to the console for the developer embedding it. */
export interface EmbedDecision {
  /** The iframe parent to post the choice to: an allowed origin, or null. */
  parentOrigin: string | null;
  /** Where to send the buyer back with the choice: an allowed URL, or null. */
  returnUrl: string | null;
  problems: string[];
}

/** JSON that cannot close the script element it sits in. */
const inScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

export function embedPage(decision: EmbedDecision, lang: string): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'ru'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light dark">
<title>${lang === 'en' ? 'Choose a pickup point' : 'Выбор пункта выдачи'}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/embed/embed.css">
<script type="application/json" id="branch-picker-embed">${inScript(decision)}</script>
<script src="/widget/branch-picker.js" data-embed></script>
</head>
<body>
<main id="embed"></main>
</body>
</html>
`;
}

/** The page's own styles: the picker fills the screen, safe areas included. */
export const EMBED_CSS = `html,body{margin:0;height:100%;background:#fff}
@media (prefers-color-scheme:dark){html,body{background:#1d2026}}
body{display:flex;flex-direction:column;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
#embed{flex:1;display:flex;flex-direction:column;min-height:0;padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)}
#embed branch-picker{flex:1;height:auto;min-height:0;--bp-radius:0px}
.embed-notice{margin:0;padding:10px 14px;background:#fff4e5;color:#1b1d21;font-size:14px;line-height:1.4}
`;
