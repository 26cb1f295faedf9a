/**
 * The fuzz test's client side (fuzz.test.ts): requests sent as they are written, answers judged by
 * the rules every answer must keep, raw-socket answers split, and `/healthz` watched meanwhile.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

/** Sent in paths, queries, headers and bodies; no answer may carry it back as markup. */
export const MARK = '<zz9 onerror=alert(1)>';

/** Bodies larger than this fail the test (the whole network, the largest answer, is about 1.1 MB). */
const MAX_BODY = 2 * 1024 * 1024;

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export function send(
  port: number,
  agent: Agent,
  method: string,
  target: string,
  headers: Record<string, string>,
  body: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path: target, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body || undefined);
  });
}

/** What is wrong with one answer, or null. */
export function judge(answer: Answer, method: string): string | null {
  const type = String(answer.headers['content-type'] ?? '');
  const problem = /^application\/problem\+json/.test(type);
  if (answer.status >= 500 && !([502, 503, 504].includes(answer.status) && problem))
    return `a ${answer.status} that is not a problem+json 502/503/504`;
  if (answer.status >= 400 && !problem) return `a ${answer.status} with ${type || 'no type'}`;
  if (answer.status >= 400 && method !== 'HEAD') {
    try {
      const doc = JSON.parse(answer.body.toString('utf8')) as { status?: number; title?: string };
      if (doc.status !== answer.status || typeof doc.title !== 'string')
        return `a problem document without its status and title`;
    } catch {
      return `a ${answer.status} whose body is not JSON`;
    }
  }
  if (answer.headers['x-content-type-options'] !== 'nosniff') return 'no nosniff';
  if (answer.body.byteLength > MAX_BODY) return `a body of ${answer.body.byteLength} bytes`;
  // Data a client stored comes back as JSON (a configuration's name); anything else must not echo.
  const data = /^application\/json/.test(type) && answer.status < 400;
  if (!data && answer.body.includes(MARK.slice(0, 4))) return 'the markup sent, echoed';
  const location = String(answer.headers.location ?? '');
  if (/evil\.example|javascript:/i.test(location)) return `a redirect to ${location}`;
  return null;
}

/** `/healthz` every 20 ms until stopped; the slowest answer, in ms. */
export function watchHealth(port: number): { stop: () => Promise<number> } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let running = true;
  let slowest = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const res = await send(port, agent, 'GET', '/healthz', {}, '');
      slowest = Math.max(slowest, performance.now() - started);
      if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      agent.destroy();
      return slowest;
    },
  };
}

/** Splits a stream of HTTP/1.1 answers (Content-Length or chunked bodies) into answers. */
export function parseAnswers(bytes: Buffer): Answer[] {
  const answers: Answer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0)
      throw new Error(`a head that never ends: ${bytes.subarray(at, at + 80).toString('latin1')}`);
    const [line = '', ...lines] = bytes.subarray(at, end).toString('latin1').split('\r\n');
    const status = Number(line.split(' ')[1]);
    if (!/^HTTP\/1\.[01] \d{3}/.test(line)) throw new Error(`not an HTTP answer: ${line}`);
    const headers: Record<string, string> = {};
    for (const h of lines) {
      const colon = h.indexOf(':');
      headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
    }
    at = end + 4;
    let body: Buffer;
    if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = bytes.indexOf('\r\n', at);
        const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
        at = lineEnd + 2;
        if (!size) {
          at += 2;
          break;
        }
        parts.push(bytes.subarray(at, at + size));
        at += size + 2;
      }
      body = Buffer.concat(parts);
    } else {
      const length = Number(headers['content-length'] ?? 0);
      body = bytes.subarray(at, at + length);
      at += length;
    }
    answers.push({ status, headers, body });
  }
  return answers;
}

/** Writes bytes and reads until the server closes (or 5 s pass: then the socket is ended). */
export function raw(port: number, bytes: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.end(), 5000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    socket.end(bytes);
  });
}
