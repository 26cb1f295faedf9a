/**
 * The configurator's calls to its own proxy's configuration API: create, read as owner, update
 * with If-Match, versions, restore. Failures carry the problem document's status and detail.
 */
import type { CreatedConfig, OwnerConfig, WidgetConfigInput } from '#core/widget-config';

export class ApiProblem extends Error {
  readonly status: number;
  /** The fields the proxy named, as `body.options.from` → message. */
  readonly fields: Record<string, string>;
  constructor(status: number, detail: string, fields: Record<string, string>) {
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.fields = fields;
  }
}

const BASE = new URL('/api/v1/configs', location.href).href;

async function call<T>(
  url: string,
  init: RequestInit & { token?: string; etag?: string } = {},
): Promise<{ body: T; etag: string }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.etag) headers['if-match'] = init.etag;
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : null) as unknown;
  if (!response.ok) {
    const problem = (body ?? {}) as {
      detail?: string;
      errors?: { field: string; message: string }[];
    };
    throw new ApiProblem(
      response.status,
      problem.detail ?? `HTTP ${response.status}`,
      Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message])),
    );
  }
  return { body: body as T, etag: response.headers.get('etag') ?? '' };
}

export const createConfig = (input: WidgetConfigInput) =>
  call<CreatedConfig>(BASE, { method: 'POST', body: JSON.stringify(input) });

export const readConfig = (id: string, token: string) =>
  call<OwnerConfig>(`${BASE}/${encodeURIComponent(id)}`, { token });

export const updateConfig = (id: string, token: string, etag: string, input: WidgetConfigInput) =>
  call<OwnerConfig>(`${BASE}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: JSON.stringify(input),
    token,
    etag,
  });

export interface VersionEntry {
  version: number;
  savedAt: string;
}

export const listVersions = (id: string, token: string) =>
  call<{ versions: VersionEntry[] } | VersionEntry[]>(
    `${BASE}/${encodeURIComponent(id)}/versions`,
    {
      token,
    },
  );

export const restoreVersion = (id: string, token: string, etag: string, version: number) =>
  call<OwnerConfig>(`${BASE}/${encodeURIComponent(id)}/versions/${version}/restore`, {
    method: 'POST',
    token,
    etag,
  });

/** A new owner token: the old one stops working. */
export const rotateToken = (id: string, token: string) =>
  call<CreatedConfig>(`${BASE}/${encodeURIComponent(id)}/token`, { method: 'POST', token });
