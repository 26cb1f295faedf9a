/**
 * A fake Otpravka for the sync's tests: a real HTTP server on a random port that speaks the
 * documented passport download (zip, two auth headers: `AccessToken app-token`, and Basic
 * `shop@example.com:secret`) and can be told to fail or to hang.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const PASSPORT = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../importers/fixtures/passport.json'),
);

export type Mode = 'ok' | 'unauthorized' | 'error' | 'garbage' | 'slow';

export class FakeOtpravka {
  mode: Mode = 'ok';
  requests: { url: string; headers: IncomingHttpHeaders }[] = [];
  private server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      this.requests.push({ url: req.url ?? '', headers: req.headers });
      const authorised =
        req.headers.authorization === 'AccessToken app-token' &&
        req.headers['x-user-authorization'] ===
          `Basic ${Buffer.from('shop@example.com:secret').toString('base64')}`;
      if (this.mode === 'unauthorized' || !authorised) {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"code":"UNAUTHORIZED","desc":"bad token"}');
      } else if (this.mode === 'error') {
        res
          .writeHead(500, { 'content-type': 'text/html' })
          .end('<html>Internal error, stack at Foo.bar</html>');
      } else if (this.mode === 'garbage') {
        res
          .writeHead(200, { 'content-type': 'application/octet-stream' })
          .end(Buffer.from('PK\u0003\u0004 not a zip at all'));
      } else if (this.mode === 'slow') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write('PK'); // and never finish
      } else if (req.url?.startsWith('/1.0/unloading-passport/zip?type=ALL')) {
        res
          .writeHead(200, { 'content-type': 'application/octet-stream' })
          .end(Buffer.from(zipSync({ 'ALL.txt': new Uint8Array(PASSPORT) })));
      } else {
        res.writeHead(404).end();
      }
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
