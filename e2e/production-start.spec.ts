/**
 * `npm start` as a container or a supervisor runs it: the proxy is a plain `node` process (no tsx in
 * between), so a SIGTERM to npm alone reaches it; it logs the stop, answers what is in flight, and
 * exits, leaving nothing behind. No browser: processes and HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const PORT = 8097;
const BASE = `http://127.0.0.1:${PORT}`;

/** The processes whose parent is `pid`, from /proc. */
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** `pid` and all below it. */
function tree(pid: number): number[] {
  return [pid, ...children(pid).flatMap(tree)];
}

const commandOf = (pid: number): string =>
  readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('SIGTERM to npm start reaches the proxy, which logs, drains and exits, leaving no orphan', async () => {
  test.setTimeout(120_000);
  const npm: ChildProcess = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: ':memory:' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  npm.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  npm.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise((resolve) => npm.on('exit', resolve));
  let everything: number[] = [npm.pid!];
  try {
    await expect
      .poll(async () => (await fetch(`${BASE}/readyz`).catch(() => null))?.status, {
        timeout: 90_000,
      })
      .toBe(200);
    everything = tree(npm.pid!);
    // npm and the proxy: node running scripts/start.mjs (the shell exec'd it), no tsx in between.
    const commands = everything.map(commandOf);
    expect(commands.some((c) => /node .*scripts\/start\.mjs/.test(c))).toBe(true);
    expect(commands.filter((c) => c.includes('tsx'))).toEqual([]);

    npm.kill('SIGTERM');
    await exited;
    await expect.poll(() => everything.filter(alive), { timeout: 15_000 }).toEqual([]);
    expect(log).toContain('shutting down');
    expect(log).toContain('stopped: every request answered');
    await expect(fetch(`${BASE}/healthz`)).rejects.toThrow();
  } finally {
    for (const pid of [...everything].reverse()) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
});
