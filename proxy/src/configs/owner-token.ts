/**
 * Configuration ids and owner tokens. An id is public (it sits in the shop's page); the token is the
 * owner's only key: 256 random bits, shown once (on creation and on rotation), stored as its SHA-256
 * and compared in constant time. A hash without a salt is enough here: the token is random, not a
 * password, so there is nothing to guess from its hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 12;
/** Bytes at or above this would make some letters likelier than others (256 % 36 ≠ 0). */
const UNBIASED_BELOW = 256 - (256 % ID_ALPHABET.length);
/** 256 bits; base64url makes 43 characters of it. */
const TOKEN_BYTES = 32;

/** A new id matching CONFIG_ID_PATTERN: 12 of [a-z0-9], about 62 bits. */
export function newConfigId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    for (const byte of randomBytes(ID_LENGTH * 2)) {
      // Rejection sampling: every character equally likely.
      if (byte >= UNBIASED_BELOW) continue;
      id += ID_ALPHABET[byte % ID_ALPHABET.length];
      if (id.length === ID_LENGTH) break;
    }
  }
  return id;
}

/** A new owner token (base64url). */
export const newOwnerToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

/** What the database keeps of a token. */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/** Whether `token` is the one whose hash is stored, in time that does not depend on where they differ. */
export function tokenMatches(token: string, storedHash: Uint8Array): boolean {
  const presented = hashToken(token);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}
