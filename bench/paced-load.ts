/**
 * An open-loop load generator, for `npm run bench:load`: requests fall due at random (Poisson)
 * moments at a fixed mean rate, as independent buyers' requests do, whatever the server is doing,
 * and each one's latency is counted from the moment it fell due. A server that stalls is so charged
 * for every buyer who waited, and a request due while every connection is busy waits for one, on
 * the clock (no coordinated omission). Keep-alive connections from a fixed pool, as a load balancer
 * keeps to its backends; the answers are read by length and never decoded.
 *
 * Not autocannon, which drives the throughput bench: with `overallRate` each of its connections
 * sends its quota for the second back to back as the second begins, then waits for the next, so
 * 2,000 requests/s arrive as bursts of as many requests as there are connections; and its correction
 * for coordinated omission takes `1 / rate` seconds for milliseconds (1 ms between requests of a
 * connection asked for 40 a second, not 25), adding a few hundred invented samples to the histogram
 * for each slow answer. Measured on one run: its p99 182 ms, the same answers' own p99 24 ms, and
 * corrected with the right interval 37 ms.
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Random } from '../proxy/src/branches/demo/random';

export interface PacedRequest {
  path: string;
  headers: Record<string, string>;
}

export interface PacedOptions {
  url: string;
  /** Mean requests per second. */
  rate: number;
  seconds: number;
  /** Keep-alive connections to the server. */
  connections: number;
  /** Draws the arrival times. */
  random: Random;
  /** The next request of the mix. */
  next: () => PacedRequest;
  /** An answer later than this is an error, and its connection is replaced. */
  timeoutMs?: number;
}

export interface PacedResult {
  /** Answers of any status. */
  answered: number;
  /** Answers of 400 or more, failed connections and timeouts. */
  errors: number;
  /** Milliseconds from due to answered (or failed), each request's, in ascending order. */
  latencies: Float64Array;
}

/** Several runs' latencies as one ascending array. */
export function merged(runs: Float64Array[]): Float64Array {
  const all = new Float64Array(runs.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of runs) {
    all.set(r, at);
    at += r.length;
  }
  return all.sort();
}

interface Job {
  due: number;
  bytes: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/** One keep-alive connection: one request at a time, its answer parsed as it streams in. */
class Connection {
  /** Opened when a request is sent on none; dropped when the server closes it. */
  private socket: Socket | null = null;
  private job: Job | null = null;
  private sentAt = 0;
  /** Bytes of a head (or a chunk-size line) not yet complete. */
  private pending: Buffer | null = null;
  private status = 0;
  /** Body bytes still to come; -1 while a chunked body waits for its next size line. */
  private left = 0;
  private chunked = false;
  /** The size of the chunk being read, while a chunked body is. */
  private chunkSize = -1;
  private state: 'head' | 'body' = 'head';

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly done: (connection: Connection, job: Job, status: number) => void,
  ) {}

  get idle(): boolean {
    return this.job === null;
  }

  send(job: Job): void {
    this.job = job;
    this.sentAt = performance.now();
    this.state = 'head';
    this.pending = null;
    (this.socket ??= this.open()).write(job.bytes);
  }

  /** Fails the request in flight (status 0) if it has waited longer than `timeoutMs`. */
  expire(now: number, timeoutMs: number): void {
    if (this.job && now - this.sentAt > timeoutMs) this.fail();
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.job) this.fail();
    });
    return socket;
  }

  /** Counts the request in flight as failed; the next one goes on a new connection. */
  private fail(): void {
    const job = this.job!;
    this.job = null;
    this.close();
    this.done(this, job, 0);
  }

  private read(chunk: Buffer): void {
    let data = chunk;
    while (data.length && this.job) {
      if (this.state === 'head' || this.left === -1) {
        const buffered = this.pending ? Buffer.concat([this.pending, data]) : data;
        const mark = this.state === 'head' ? HEADER_END : CRLF;
        const end = buffered.indexOf(mark);
        if (end === -1) {
          this.pending = buffered;
          return;
        }
        this.pending = null;
        data = buffered.subarray(end + mark.length);
        const text = buffered.toString('latin1', 0, end);
        if (this.state === 'head') {
          this.readHead(text);
          if (this.left === 0) this.finish();
        } else {
          // A chunk's size line: the chunk, then its CRLF (the last chunk is empty, no trailers).
          this.chunkSize = parseInt(text, 16);
          this.left = this.chunkSize + 2;
        }
        continue;
      }
      const take = Math.min(this.left, data.length);
      this.left -= take;
      data = data.subarray(take);
      if (this.left > 0) continue;
      if (this.chunked && this.chunkSize !== 0) this.left = -1;
      else this.finish();
    }
  }

  private readHead(head: string): void {
    this.status = Number(head.slice(9, 12));
    this.chunked = /\r\ntransfer-encoding:\s*chunked/i.test(head);
    this.chunkSize = -1;
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    this.state = 'body';
    if (this.status === 304 || this.status === 204) this.left = 0;
    else if (this.chunked) this.left = -1;
    else this.left = length ? Number(length[1]) : 0;
  }

  private finish(): void {
    const job = this.job!;
    this.job = null;
    this.state = 'head';
    this.done(this, job, this.status);
  }
}

/** Runs the load; resolves once every request due has been answered or has failed. */
export async function pacedLoad(options: PacedOptions): Promise<PacedResult> {
  const { url, rate, seconds, random, next, timeoutMs = 10_000 } = options;
  const { hostname: host, port } = new URL(url);
  const latencies: number[] = [];
  let failed = 0;
  let errors = 0;
  let due = 0;
  const queue: Job[] = [];
  let head = 0;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  let sending = true;

  const done = (connection: Connection, job: Job, status: number): void => {
    latencies.push(performance.now() - job.due);
    if (status === 0) failed++;
    if (status === 0 || status >= 400) errors++;
    if (head < queue.length) connection.send(queue[head++]!);
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    if (!sending && latencies.length === due) settle();
  };
  const pool = Array.from(
    { length: options.connections },
    () => new Connection(host, Number(port), done),
  );

  const dispatch = (job: Job): void => {
    const free = pool.find((c) => c.idle);
    if (free && head === queue.length) free.send(job);
    else queue.push(job);
  };
  const request = (at: number): Job => {
    const { path, headers } = next();
    let bytes = `GET ${path} HTTP/1.1\r\nhost: ${host}:${port}\r\n`;
    for (const name in headers) bytes += `${name}: ${headers[name]}\r\n`;
    return { due: at, bytes: `${bytes}\r\n` };
  };
  // Exponential gaps between arrivals: a Poisson process of the given mean rate.
  const gap = () => (-Math.log(1 - random.next()) * 1000) / rate;

  const start = performance.now();
  const end = start + seconds * 1000;
  let nextDue = start + gap();
  const watchdog = setInterval(() => {
    const now = performance.now();
    for (const c of pool) c.expire(now, timeoutMs);
  }, 1000);
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (nextDue <= now && nextDue < end) {
        due++;
        dispatch(request(nextDue));
        nextDue += gap();
      }
      if (nextDue < end) setTimeout(tick, Math.max(0, nextDue - performance.now()));
      else resolve();
    };
    tick();
  });
  sending = false;
  if (latencies.length < due) await settled;
  clearInterval(watchdog);
  for (const c of pool) c.close();

  return {
    answered: latencies.length - failed,
    errors,
    latencies: Float64Array.from(latencies).sort(),
  };
}
