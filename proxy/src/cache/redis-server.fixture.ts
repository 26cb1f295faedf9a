/**
 * A throwaway Redis for tests: a real `redis-server` on a free port with a temporary folder of its
 * own, saving nothing (`--save '' --appendonly no`), awaited until it answers PING, stopped and its
 * folder removed afterwards. It can be stopped and started again on the same port (an outage), or
 * frozen (a Redis that holds its connections and answers nothing). Test code only.
 *
 * It needs Debian's redis-server (`.ci/run` installs it): without one, starting throws saying how to
 * install it, so the tests fail rather than skip.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort } from '../free-port.fixture';

const INSTALL =
  "install Debian's redis-server (`apt-get install -y redis-server`; .ci/run does it in CI)";
/** How long a start may take before it counts as failed; a cold start on a busy machine is ~50 ms. */
const READY_TIMEOUT_MS = 10_000;
/** Between two PINGs while waiting for a start. */
const POLL_MS = 20;
/** How long a SIGTERM gets before SIGKILL. */
const STOP_TIMEOUT_MS = 5_000;
/** Ports taken between our probe and redis-server binding them: tries before giving up. */
const PORT_ATTEMPTS = 3;

const run = promisify(execFile);

/** Whether something on `port` answers `PING` with `+PONG`, within a poll's time. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(READY_TIMEOUT_MS / 10, () => done(false));
    socket.once('data', (chunk) => done(chunk.toString('latin1').startsWith('+PONG')));
    socket.once('error', () => done(false));
  });
}

class PortTaken extends Error {}

/** One redis-server process at a time on a fixed port and folder. */
export class RedisServer {
  /** The port it listens on, on 127.0.0.1; the same across stop and resume. */
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  private readonly dir: string;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(port: number, dir: string) {
    this.port = port;
    this.url = `redis://127.0.0.1:${port}`;
    this.dir = dir;
  }

  /** A started server on a free port; `dispose()` it when done. */
  static async start(): Promise<RedisServer> {
    const dir = await mkdtemp(path.join(tmpdir(), 'bp-redis-'));
    for (let attempt = 1; ; attempt++) {
      const server = new RedisServer(await freePort(), dir);
      try {
        await server.resume();
        return server;
      } catch (error) {
        if (error instanceof PortTaken && attempt < PORT_ATTEMPTS) continue;
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  /** Whether the process runs now (stopped by `stop`, or never started: false). */
  get running(): boolean {
    return this.child !== null;
  }

  /** Starts redis-server (again, after `stop`) on the same port; resolves once it answers PING. */
  async resume(): Promise<void> {
    if (this.child) return;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1'];
    args.push('--save', '', '--appendonly', 'no', '--dir', this.dir);
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let failure = null as Error | null; // set by the listeners below, read by the loop
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const kill = () => child.kill('SIGKILL');
    // A test process that dies must not leave its Redis behind.
    process.once('exit', kill);
    this.exited = new Promise<void>((resolve) => {
      child.once('error', (error: NodeJS.ErrnoException) => {
        failure =
          error.code === 'ENOENT'
            ? new Error(`redis-server is not on PATH: ${INSTALL}`, { cause: error })
            : error;
        resolve();
      });
      child.once('exit', (code, signal) => {
        failure ??= /already in use/i.test(output)
          ? new PortTaken(`port ${this.port} is taken`)
          : new Error(`redis-server exited (${signal ?? code}) while starting:\n${output}`);
        resolve();
      });
    }).then(() => {
      process.off('exit', kill);
      this.child = null;
    });
    this.child = child;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await answersPing(this.port))) {
      if (failure) throw failure;
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(
          `redis-server did not answer PING on port ${this.port} within 10 s:\n${output}`,
        );
      }
      await delay(POLL_MS);
    }
  }

  /** Stops the process (SIGTERM, SIGKILL past 5 s) and resolves once it has exited; the port stays ours to resume. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGCONT'); // a frozen process acts on SIGTERM only once it runs
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** Freezes the process (SIGSTOP): connections stay open and nothing is answered, until `thaw()`. */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  /** Lets a frozen process run again. */
  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  /** Stops the process and removes its folder. */
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** One command through redis-cli (the tests' own view of Redis, apart from the code under test), its reply trimmed. */
  async cli(...args: string[]): Promise<string> {
    try {
      const { stdout } = await run('redis-cli', ['-p', String(this.port), ...args]);
      return stdout.trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error(`redis-cli is not on PATH: ${INSTALL}`, { cause: error });
      throw error;
    }
  }

  /** The keys matching a glob `pattern`, sorted (by SCAN, as redis-cli --scan does). */
  async keys(pattern = '*'): Promise<string[]> {
    const out = await this.cli('--scan', '--pattern', pattern);
    return out ? out.split('\n').sort() : [];
  }
}

/** A started server, disposed of when the current test ends. */
export async function startRedisServer(): Promise<RedisServer> {
  const { onTestFinished } = await import('vitest');
  const server = await RedisServer.start();
  onTestFinished(() => server.dispose());
  return server;
}
