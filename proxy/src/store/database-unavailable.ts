/**
 * The database did not answer (PostgreSQL down, restarting, unreachable): the write did not
 * happen. The problem-json plugin answers it as a 503 that says to retry; reads go on from memory.
 */
export class DatabaseUnavailable extends Error {
  constructor(cause: unknown) {
    const { message, code } = cause as { message?: string; code?: string };
    super(`the database is unreachable: ${message ?? String(cause)}${code ? ` (${code})` : ''}`, {
      cause,
    });
    this.name = 'DatabaseUnavailable';
  }
}

/** Node's socket errors that mean the server is not there (as opposed to a refused statement). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Whether `error` says the connection, not the statement, failed: a socket error, SQLSTATE class
 * 08 (connection exception), 57P01-57P03 (shutting down, starting up), or node-postgres's own words
 * for a cut connection or a pool that could not connect in time.
 */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(
    message,
  );
}
