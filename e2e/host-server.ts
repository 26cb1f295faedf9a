/**
 * A site owner's web server, on its own origin: a plain Node HTTP server (no framework) that serves
 * the pages in e2e/host/ with the proxy's origin filled in, and `/snippet.html`, which holds
 * exactly the snippet from the README, so that a test of it tests what site owners copy.
 * `POST /pasted` keeps a snippet a test copied (the configurator's, say) and answers the address
 * of a blank page holding it verbatim, `/pasted/<n>.html`: pasting into a shop's page.
 *
 * `/streets/<page>` is the same page on a second proxy, STREETS_ORIGIN, which serves a street basemap.
 *
 * Usage: tsx e2e/host-server.ts  (HOST_PORT, PROXY_ORIGIN, STREETS_ORIGIN from the environment)
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const README = path.join(HERE, '..', 'README.md');
/** The placeholder origin the README's snippet uses. */
export const SNIPPET_ORIGIN = 'https://picker.example.com';

/**
 * The ways a shop includes a script: in the head as it is, as a module, async, deferred, inserted
 * later by a tag manager (with the picker inserted later still), and twice (the loader, the module,
 * and the version-pinned path, as a CMS plugin and a theme might).
 */
export const SCRIPT_FORMS: Readonly<Record<string, (loader: string, pinned: string) => string>> = {
  classic: (l) => `<script src="${l}"></script>`,
  module: (l) => `<script type="module" src="${l}"></script>`,
  async: (l) => `<script async src="${l}"></script>`,
  defer: (l) => `<script defer src="${l}"></script>`,
  late: (l) => `<script>
      // A tag manager: the script after the page has loaded, the picker later still.
      addEventListener('load', () => setTimeout(() => {
        const s = document.createElement('script');
        s.src = ${JSON.stringify(l)};
        s.onload = () => setTimeout(() => document.getElementById('checkout').append(Object.assign(document.createElement('branch-picker'), { id: 'late' })), 200);
        document.head.append(s);
      }, 200));
    </script>`,
  twice: (l, pinned) =>
    `<script src="${l}"></script><script type="module" src="${l}"></script><script async src="${pinned}"></script>`,
  // The README's pinned snippet, with its Subresource Integrity hash, as a shop copies it.
  pinned: () => '{{SRI}}',
};

/** The README's version-pinned script tag (with `integrity`). */
async function readmeSri(): Promise<string> {
  const text = await readFile(README, 'utf8');
  const match = /<!-- sri:start -->\s*```html\n([\s\S]*?)```\s*<!-- sri:end -->/.exec(text);
  if (!match)
    throw new Error('README.md has no script tag between <!-- sri:start --> and <!-- sri:end -->');
  return match[1]!.trim();
}

/** A shop page with a picker over Saratov, its script included in one of SCRIPT_FORMS. */
function formPage(form: string, proxyOrigin: string, version: string): string {
  const include = SCRIPT_FORMS[form];
  if (!include) throw Object.assign(new Error('not found'), { status: 404 });
  const loader = `${proxyOrigin}/widget/branch-picker.js`;
  const pinned = `${proxyOrigin}/widget/${version}/branch-picker.js`;
  const picker =
    form === 'late'
      ? ''
      : '<branch-picker center="46.03,51.53" zoom="12" no-remember></branch-picker>';
  return `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>Shop (${form})</title><link rel="icon" href="data:,">
${include(loader, pinned)}
<style>branch-picker { height: 600px; }</style>
</head>
<body><main id="checkout"><h1>Оформление заказа</h1>${picker}</main></body>
</html>
`;
}

/** The CSP line a site needs, as the README gives it, for the proxy at `proxyOrigin`. */
export async function readmeCsp(proxyOrigin: string): Promise<string> {
  const text = await readFile(README, 'utf8');
  const match =
    /<!-- csp:start -->\s*```http\n(?:Content-Security-Policy: )?([^\n]+)\n```\s*<!-- csp:end -->/.exec(
      text,
    );
  if (!match)
    throw new Error('README.md has no CSP line between <!-- csp:start --> and <!-- csp:end -->');
  return match[1]!.replaceAll(SNIPPET_ORIGIN, proxyOrigin);
}

/** The README's snippet: the html code block between the snippet markers. */
export async function readmeSnippet(): Promise<string> {
  const text = await readFile(README, 'utf8');
  const match = /<!-- snippet:start -->\s*```html\n([\s\S]*?)```\s*<!-- snippet:end -->/.exec(text);
  if (!match)
    throw new Error(
      'README.md has no snippet between <!-- snippet:start --> and <!-- snippet:end -->',
    );
  return match[1]!;
}

/** A blank shop page around what was pasted, untouched. */
const blankPage = (pasted: string): string =>
  `<!doctype html>\n<html lang="ru">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title><link rel="icon" href="data:,"></head>\n<body>\n${pasted}\n</body>\n</html>\n`;

/** A pasted snippet's size at most: a snippet, not an upload. */
const PASTE_LIMIT = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > PASTE_LIMIT) throw Object.assign(new Error('too long'), { status: 413 });
  }
  return text;
}

export function startHostServer(
  port: number,
  mainProxy: string,
  version: string,
  streetsProxy?: string,
) {
  const pasted: string[] = [];
  const server = createServer((req, res) => void handle(req, res));
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const asked = new URL(req.url ?? '/', `http://localhost:${port}`);
    // `/streets/…`: the same pages, on the proxy that has a street basemap.
    const streets = streetsProxy !== undefined && asked.pathname.startsWith('/streets/');
    const url = streets ? new URL(asked.href.replace('/streets/', '/')) : asked;
    const proxyOrigin = streets ? streetsProxy : mainProxy;
    try {
      let body: string;
      const headers: Record<string, string> = {};
      const form = /^\/forms\/([a-z]+)\.html$/.exec(url.pathname);
      const paste = /^\/pasted\/(\d+)\.html$/.exec(url.pathname);
      if (req.method === 'POST' && url.pathname === '/pasted') {
        pasted.push(await readBody(req));
        res.writeHead(201, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`/pasted/${pasted.length - 1}.html`);
        return;
      } else if (paste) {
        const text = pasted[Number(paste[1])];
        if (text === undefined) throw Object.assign(new Error('not found'), { status: 404 });
        body = blankPage(text);
      } else if (form) {
        body = formPage(form[1]!, proxyOrigin, version).replace(
          '{{SRI}}',
          (await readmeSri()).replaceAll(SNIPPET_ORIGIN, proxyOrigin),
        );
      } else if (url.pathname.endsWith('.js') && /^\/[a-z0-9-]+\.js$/.test(url.pathname)) {
        body = await readFile(path.join(HERE, 'host', url.pathname.slice(1)), 'utf8');
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(body.replaceAll('{{PROXY}}', proxyOrigin));
        return;
      } else if (url.pathname === '/snippet.html') {
        body = blankPage((await readmeSnippet()).replaceAll(SNIPPET_ORIGIN, proxyOrigin));
      } else {
        const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
        if (!/^[a-z0-9-]+\.html$/.test(name))
          throw Object.assign(new Error('not found'), { status: 404 });
        body = (await readFile(path.join(HERE, 'host', name), 'utf8')).replaceAll(
          '{{PROXY}}',
          proxyOrigin,
        );
        // The strict page: exactly the policy the README tells a site to send.
        if (name.startsWith('csp'))
          headers['content-security-policy'] = await readmeCsp(proxyOrigin);
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(body);
    } catch (error) {
      const status =
        (error as { status?: number }).status ??
        ((error as NodeJS.ErrnoException).code === 'ENOENT' ? 404 : 500);
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 404 ? 'not found' : String(error));
    }
  };
  return new Promise<typeof server>((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve(server)),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.HOST_PORT ?? 8091);
  const proxy = process.env.PROXY_ORIGIN ?? 'http://127.0.0.1:8090';
  const streets = process.env.STREETS_ORIGIN;
  const { version } = JSON.parse(await readFile(path.join(HERE, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  await startHostServer(port, proxy, version, streets);
  console.log(`host page server on http://127.0.0.1:${port} (proxy ${proxy})`);
}
