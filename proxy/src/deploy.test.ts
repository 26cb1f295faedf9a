/**
 * The deployment files say only what the proxy understands: every variable the Dockerfile and the
 * compose file set is one `ENV` reads (a typo such as `REDIS_URI` would be ignored in production
 * without a word), with a value its parser accepts; and the balancer forwards to the services the
 * compose file defines, on the port the image listens on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, ROOT_DIR, readEnv, type EnvVar } from './config';

const read = (file: string) => readFileSync(path.join(ROOT_DIR, file), 'utf8');

/** `ENV NAME=value` lines of the Dockerfile's final stage. */
function dockerfileEnv(): Record<string, string> {
  const stages = read('Dockerfile').split(/^FROM /m);
  const last = stages[stages.length - 1]!;
  return Object.fromEntries(
    [...last.matchAll(/^ENV (\w+)=(\S*)$/gm)].map((m) => [m[1]!, m[2]!] as const),
  );
}

/** Each service's `- NAME=value` environment entries in deploy/compose.yaml. */
function composeEnv(): Map<string, Record<string, string>> {
  const services = new Map<string, Record<string, string>>();
  let service = '';
  let inEnvironment = false;
  for (const line of read('deploy/compose.yaml').split('\n')) {
    const name = /^ {2}([\w-]+):\s*$/.exec(line);
    if (name) {
      service = name[1]!;
      inEnvironment = false;
      continue;
    }
    if (/^ {4}environment:\s*$/.test(line)) {
      inEnvironment = true;
      services.set(service, {});
      continue;
    }
    const entry = /^ {6}- (\w+)=(.*)$/.exec(line);
    if (inEnvironment && entry) services.get(service)![entry[1]!] = entry[2]!;
    else if (!/^ {6}/.test(line)) inEnvironment = false;
  }
  return services;
}

const known = new Set(Object.keys(ENV));
/** Reads one variable as the proxy would, throwing its ConfigError on a bad value. */
const accepts = (name: string, value: string) =>
  readEnv({ [name]: value }, (ENV as Record<string, EnvVar<unknown>>)[name]!);

describe('the deployment files', () => {
  it('set in the image only variables the proxy reads, with values it accepts', () => {
    const env = dockerfileEnv();
    expect(Object.keys(env).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(env)) {
      expect(known, `Dockerfile sets ${name}`).toContain(name);
      expect(() => accepts(name, value)).not.toThrow();
    }
  });

  it('set in compose only variables the proxy reads, with values it accepts', () => {
    const services = composeEnv();
    const proxies = [...services].filter(([name]) => name.startsWith('proxy'));
    expect(proxies.map(([name]) => name)).toEqual(['proxy-a', 'proxy-b']);
    for (const [service, env] of proxies) {
      for (const [name, value] of Object.entries(env)) {
        expect(known, `${service} sets ${name}`).toContain(name);
        expect(() => accepts(name, value)).not.toThrow();
      }
    }
  });

  it('balance over the proxies compose defines, on the port the image listens on', () => {
    const port = dockerfileEnv().PORT;
    const upstreams = [...read('deploy/nginx.conf').matchAll(/^\s*server ([\w-]+):(\d+)/gm)];
    expect(upstreams.map((m) => `${m[1]}:${m[2]}`)).toEqual([`proxy-a:${port}`, `proxy-b:${port}`]);
  });
});
