/**
 * A throwaway PostgreSQL for tests: `initdb` into a temporary folder, `postgres` on a free port of
 * 127.0.0.1 with its socket in that folder and durability off (`fsync=off`: nothing here outlives
 * the test), a password required over TCP (as a real deployment has it: a wrong one is an
 * authentication failure), awaited until it accepts connections, stopped and its folder removed afterwards. It can
 * be stopped and started again on the same port and data (an outage). Test code only.
 *
 * PostgreSQL refuses to run as root: as root, the folder is given to the `postgres` user (or
 * `nobody`) and the binaries run as that user (`spawn` with `uid`/`gid`).
 *
 * It needs Debian's postgresql (`.ci/run` installs it): without `initdb` on PATH or in
 * /usr/lib/postgresql/<version>/bin, starting throws saying how to install it, so tests fail rather
 * than skip.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../free-port.fixture';

const INSTALL =
  "install Debian's postgresql (`apt-get install -y postgresql`; .ci/run does it in CI)";
/** How long a start may take before it counts as failed. */
const READY_TIMEOUT_MS = 20_000;
/** Between two connection attempts while waiting for a start. */
const POLL_MS = 25;
/** How long a fast shutdown (SIGINT) gets before SIGKILL. */
const STOP_TIMEOUT_MS = 10_000;
/** Ports taken between our probe and postgres binding them: tries before giving up. */
const PORT_ATTEMPTS = 3;
/** The superuser's password over TCP. */
export const POSTGRES_PASSWORD = 'fixture-password';

const run = promisify(execFile);

/** The folder holding `initdb`, `postgres`: PATH first, then Debian's newest version. */
function binDir(): string {
  const found = (dir: string) => {
    try {
      accessSync(path.join(dir, 'initdb'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (found(dir)) return dir;
  let versions: string[] = [];
  try {
    versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  } catch {
    // No Debian packages at all.
  }
  for (const v of versions) {
    const dir = path.join('/usr/lib/postgresql', v, 'bin');
    if (found(dir)) return dir;
  }
  throw new Error(
    `initdb is neither on PATH nor in /usr/lib/postgresql/*/bin: ${INSTALL}, to run the PostgreSQL tests`,
  );
}

/** Who runs the server: ourselves, or (as root, which PostgreSQL refuses) `postgres` or `nobody`. */
async function runAs(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const { stdout } = await run('id', ['-u', name]);
      const { stdout: group } = await run('id', ['-g', name]);
      return { uid: Number(stdout.trim()), gid: Number(group.trim()) };
    } catch {
      // No such user: try the next.
    }
  }
  throw new Error(
    'running as root, and neither a postgres nor a nobody user exists to run PostgreSQL',
  );
}

class PortTaken extends Error {}

/** One postgres process at a time on a fixed port and data folder. */
export class PostgresServer {
  /** The port it listens on, on 127.0.0.1; the same across stop and resume. */
  readonly port: number;
  private readonly dir: string;
  private readonly bin: string;
  private readonly user: { uid: number; gid: number } | null;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private databases = 0;

  private constructor(
    port: number,
    dir: string,
    bin: string,
    user: { uid: number; gid: number } | null,
  ) {
    this.port = port;
    this.dir = dir;
    this.bin = bin;
    this.user = user;
  }

  /** A started server (a new cluster) on a free port; `dispose()` it when done. */
  static async start(): Promise<PostgresServer> {
    const bin = binDir();
    const user = await runAs();
    const dir = await mkdtemp(path.join(tmpdir(), 'bp-postgres-'));
    try {
      if (user) await chown(dir, user.uid, user.gid);
      const data = path.join(dir, 'data');
      const pwfile = path.join(dir, 'password');
      await writeFile(pwfile, POSTGRES_PASSWORD, { mode: 0o600 });
      if (user) await chown(pwfile, user.uid, user.gid);
      await run(
        path.join(bin, 'initdb'),
        [
          '-D',
          data,
          '-U',
          'postgres',
          '--pwfile',
          pwfile,
          '--auth-local=trust',
          '--auth-host=scram-sha-256',
          '-E',
          'UTF8',
          '--locale=C',
          '--no-sync',
        ],
        { ...(user ?? {}), cwd: dir },
      );
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`initdb failed: ${(error as Error).message}`, { cause: error });
    }
    for (let attempt = 1; ; attempt++) {
      const server = new PostgresServer(await freePort(), dir, bin, user);
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

  /** `postgres://postgres:<password>@127.0.0.1:<port>/<database>`. */
  url(database = 'postgres'): string {
    return `postgres://postgres:${POSTGRES_PASSWORD}@127.0.0.1:${this.port}/${database}`;
  }

  /** Whether the process runs now. */
  get running(): boolean {
    return this.child !== null;
  }

  /** Starts postgres (again, after `stop`) on the same port; resolves once it accepts connections. */
  async resume(): Promise<void> {
    if (this.child) return;
    const args = ['-D', path.join(this.dir, 'data'), '-p', String(this.port), '-k', this.dir];
    args.push('-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off');
    args.push('-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    const child = spawn(path.join(this.bin, 'postgres'), args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: this.dir,
      ...(this.user ?? {}),
    });
    let output = '';
    let failure = null as Error | null; // set by the listeners below, read by the loop
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const kill = () => child.kill('SIGKILL');
    // A test process that dies must not leave its PostgreSQL behind.
    process.once('exit', kill);
    this.exited = new Promise<void>((resolve) => {
      child.once('error', (error) => {
        failure = error;
        resolve();
      });
      child.once('exit', (code, signal) => {
        failure ??= /already in use/i.test(output)
          ? new PortTaken(`port ${this.port} is taken`)
          : new Error(`postgres exited (${signal ?? code}) while starting:\n${output}`);
        resolve();
      });
    }).then(() => {
      process.off('exit', kill);
      this.child = null;
    });
    this.child = child;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await this.accepts())) {
      if (failure) throw failure;
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(
          `postgres did not accept connections on port ${this.port} within 20 s:\n${output}`,
        );
      }
      await delay(POLL_MS);
    }
  }

  /** Fast shutdown (SIGINT: every connection is cut), SIGKILL past 10 s; resolves once it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** Stops the process and removes its folder. */
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** A new, empty database; its URL. */
  async createDatabase(): Promise<string> {
    const name = `test_${++this.databases}`;
    await this.sql(`CREATE DATABASE ${name}`);
    return this.url(name);
  }

  /** One statement through a client of its own (the tests' view, apart from the code under test). */
  async sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
    database = 'postgres',
  ): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  private async accepts(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/**
 * A started server, disposed of when the current test ends (called inside a test) or else when the
 * test file ends (called at its top level). A hook registered in the wrong scope would be ignored,
 * leaving the server running after the tests.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const { afterAll, expect, onTestFinished } = await import('vitest');
  const inTest = expect.getState().currentTestName !== undefined;
  const server = await PostgresServer.start();
  if (inTest) onTestFinished(() => server.dispose());
  else afterAll(() => server.dispose());
  return server;
}
