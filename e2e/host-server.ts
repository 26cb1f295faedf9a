/**
 * A site owner's web server, on its own origin: a plain Node HTTP server (no framework) that serves
 * the pages in e2e/host/ with the proxy's origin filled in, and `/snippet.html`, which holds
 * exactly the snippet from the README, so that a test of it tests what site owners copy.
 *
 * Usage: tsx e2e/host-server.ts  (HOST_PORT, PROXY_ORIGIN from the environment)
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const README = path.join(HERE, '..', 'README.md');
/** The placeholder origin the README's snippet uses. */
export const SNIPPET_ORIGIN = 'https://picker.example.com';

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

export function startHostServer(port: number, proxyOrigin: string) {
  const server = createServer((req, res) => void handle(req, res));
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://localhost:${port}`);
    try {
      let body: string;
      if (url.pathname === '/snippet.html') {
        const snippet = (await readmeSnippet()).replaceAll(SNIPPET_ORIGIN, proxyOrigin);
        body = `<!doctype html>\n<html lang="ru">\n<head><meta charset="utf-8"><title>Shop</title><link rel="icon" href="data:,"></head>\n<body>\n${snippet}</body>\n</html>\n`;
      } else {
        const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
        if (!/^[a-z0-9-]+\.html$/.test(name))
          throw Object.assign(new Error('not found'), { status: 404 });
        body = (await readFile(path.join(HERE, 'host', name), 'utf8')).replaceAll(
          '{{PROXY}}',
          proxyOrigin,
        );
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
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
  await startHostServer(port, proxy);
  console.log(`host page server on http://127.0.0.1:${port} (proxy ${proxy})`);
}
