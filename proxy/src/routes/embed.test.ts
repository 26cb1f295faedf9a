import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { originList, returnUrlList } from '../embed/allowed';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';

let app: FastifyInstance;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'bp-embed-'));
  await mkdir(path.join(dist, 'widget'), { recursive: true });
  await writeFile(
    path.join(dist, 'widget', 'ecom-widget.js'),
    '(()=>{const s=__BP_DEFAULT_SENDER__;window.ecomStartWidget=()=>s})();',
  );
  app = await createServer(
    testConfig({
      distDir: dist,
      seed: () => [makeBranch('410012')],
      embed: {
        allowedOrigins: originList('https://shop.example'),
        returnUrls: returnUrlList('https://shop.example/checkout/'),
        defaultSender: '101000',
      },
    }),
  );
});

afterAll(async () => {
  await app.close();
  await rm(dist, { recursive: true, force: true });
});

/** The JSON block the page reads its host decision from. */
const decisionIn = (html: string) =>
  JSON.parse(
    /<script type="application\/json" id="branch-picker-embed">(.*?)<\/script>/.exec(html)![1]!,
  ) as {
    parentOrigin: string | null;
    returnUrl: string | null;
    problems: string[];
  };

describe('GET /embed', () => {
  it('is framed only by the allowed origins, and loads only its own scripts', async () => {
    const res = await app.inject('/embed');
    expect(res.statusCode).toBe(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain('frame-ancestors https://shop.example');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('hands the page an allowed parent and return URL, and refuses others, saying which setting allows them', async () => {
    const ok = await app.inject(
      '/embed?parent_origin=https://shop.example&return_url=https://shop.example/checkout/done',
    );
    expect(decisionIn(ok.body)).toEqual({
      parentOrigin: 'https://shop.example',
      returnUrl: 'https://shop.example/checkout/done',
      problems: [],
    });
    const bad = await app.inject(
      '/embed?parent_origin=https://shop.example.evil.com&return_url=https://shop.example.evil.com/checkout/',
    );
    const decision = decisionIn(bad.body);
    expect(decision).toMatchObject({ parentOrigin: null, returnUrl: null });
    expect(decision.problems.join(' ')).toMatch(/EMBED_ALLOWED_ORIGINS.*EMBED_RETURN_URLS/);
  });

  it('cannot be made to run a script through what it echoes', async () => {
    const attack = encodeURIComponent('</script><script>alert(1)</script>');
    const res = await app.inject(`/embed?parent_origin=${attack}&return_url=${attack}`);
    expect(res.body.match(/<script/g)).toHaveLength(2);
    expect(res.body).not.toContain('</script><script>alert');
    expect(decisionIn(res.body).problems).toHaveLength(2);
  });
});

describe('GET /embed?config=', () => {
  const create = async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/configs',
      payload: {
        options: {},
        allowedOrigins: ['https://other-shop.example'],
        allowedReturnUrls: ['myshop://picked'],
      },
    });
    return res.json<{ config: { id: string } }>().config.id;
  };

  it('allows the configuration’s sites and return URLs too, and lets its sites frame the page', async () => {
    const id = await create();
    const res = await app.inject(
      `/embed?config=${id}&parent_origin=https://other-shop.example&return_url=myshop://picked/ok`,
    );
    expect(decisionIn(res.body)).toEqual({
      parentOrigin: 'https://other-shop.example',
      returnUrl: 'myshop://picked/ok',
      problems: [],
    });
    expect(res.headers['content-security-policy']).toContain(
      'frame-ancestors https://shop.example https://other-shop.example',
    );
    const env = await app.inject(`/embed?config=${id}&parent_origin=https://shop.example`);
    expect(decisionIn(env.body).parentOrigin).toBe('https://shop.example');
  });

  it('names the configuration’s lists when refusing', async () => {
    const id = await create();
    const res = await app.inject(`/embed?config=${id}&parent_origin=https://evil.example`);
    expect(decisionIn(res.body).problems.join(' ')).toContain(
      `configuration ${id}'s allowed sites`,
    );
  });

  it('still renders for an unknown configuration, saying so, with only the proxy’s lists', async () => {
    const res = await app.inject(
      '/embed?config=zzzzzzzzzzzz&parent_origin=https://other-shop.example',
    );
    expect(res.statusCode).toBe(200);
    const decision = decisionIn(res.body);
    expect(decision.parentOrigin).toBeNull();
    expect(decision.problems[0]).toMatch(/zzzzzzzzzzzz is not a saved configuration/);
    expect(res.headers['content-security-policy']).toMatch(
      /frame-ancestors https:\/\/shop\.example(;|$)/,
    );
  });
});

describe('GET /map/widget/widget.js', () => {
  it('serves the drop-in with the proxy’s default sender filled in', async () => {
    const res = await app.inject('/map/widget/widget.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body).toContain('const s="101000"');
    expect(res.body).not.toContain('__BP_DEFAULT_SENDER__');
  });
});
