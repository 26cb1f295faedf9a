/**
 * A body built once and sent many times (the network, a map style): its strong ETag and its
 * compressed forms, chosen per request by `Accept-Encoding`, with `If-None-Match` answered 304.
 */
import negotiate from '@fastify/accept-negotiator';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface EncodedBody {
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  /** Left out where best brotli would cost too much at the moment it is built. */
  brotli?: Buffer;
}

/** gzip is the fallback for clients without brotli: a fast level, as some bodies are rebuilt often. */
const GZIP_LEVEL = 6;

/** The ETag and compressed forms of a body; with a brotli quality, the brotli form too. */
export function encodeBody(identity: Buffer, brotliQuality: number | null): EncodedBody {
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`;
  const out: EncodedBody = { etag, identity, gzip: gzipSync(identity, { level: GZIP_LEVEL }) };
  if (brotliQuality !== null) {
    out.brotli = brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality },
    });
  }
  return out;
}

/**
 * Sets the ETag (and `Vary: Accept-Encoding`: the answer's encoding follows the request) and says
 * whether the client already holds that version, to be answered 304.
 */
export function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag).header('vary', 'accept-encoding');
  return request.headers['if-none-match'] === etag;
}

/** Sends the body in the best encoding the client takes; the caller sets type and caching. */
export function sendEncoded(
  request: FastifyRequest,
  reply: FastifyReply,
  body: EncodedBody,
): FastifyReply {
  if (notModified(request, reply, body.etag)) return reply.code(304).send();
  const offered = body.brotli ? ['br', 'gzip', 'identity'] : ['gzip', 'identity'];
  const encoding = negotiate(request.headers['accept-encoding'] ?? '', offered) ?? 'identity';
  if (encoding === 'br' && body.brotli)
    return reply.header('content-encoding', 'br').send(body.brotli);
  if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.identity);
}
