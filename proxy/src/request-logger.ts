/**
 * Each request's logger, made when the request first logs. Fastify gives every request a child of
 * the server's logger (its id bound), and pino builds a child at once: a new prototype, the
 * bindings serialised. Almost no request logs anything (requests are logged at debug level; errors
 * are the exception), so on the cached quote path that child was work thrown away every time.
 *
 * `lazyLogger` is the server's logger, given to Fastify as its `loggerInstance`: pino, wrapped so
 * that every child (each request's, each plugin's) is a small stand-in with pino's methods, which
 * makes the real child (same bindings, same options) on the first line written at an enabled level,
 * or when a caller asks for something only the real one has. It works through `child()` rather
 * than Fastify's `childLoggerFactory`: with a factory of its own, Fastify checks every request's
 * logger for its seven methods, which cost more (140 ns a request) than the lazy child saved.
 */
import type { FastifyBaseLogger } from 'fastify';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';

type Bindings = Record<string, unknown>;
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];
/** The server's logger as it is at run time: pino, with what Fastify's type leaves out. */
type Pino = Omit<FastifyBaseLogger, 'child'> & {
  isLevelEnabled(level: string): boolean;
  bindings(): Bindings;
  child(bindings: Bindings, options?: ChildOptions): Pino;
};
type LevelName = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** A logger with pino's interface whose pino child is made on first use. */
class LazyChild implements FastifyBaseLogger {
  readonly #parent: LazyChild | undefined;
  readonly #bindings: Bindings;
  readonly #options: ChildOptions;
  #child: Pino | undefined;

  /** A child of `parent`; or, with `root`, the stand-in of pino itself. */
  constructor(
    parent: LazyChild | undefined,
    bindings: Bindings,
    options: ChildOptions,
    root?: Pino,
  ) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
    this.#child = root;
  }

  /** The real pino logger, made once (the root's is pino itself). */
  get #real(): Pino {
    return (this.#child ??= this.#parent!.#real.child(this.#bindings, this.#options));
  }

  get level(): string {
    return this.#child?.level ?? this.#options?.level ?? this.#parent!.level;
  }

  set level(level: string) {
    this.#real.level = level;
  }

  /** Whether a line at `level` would be written; answered without making the child when it can be. */
  isLevelEnabled(level: string): boolean {
    return this.#child || this.#options?.level
      ? this.#real.isLevelEnabled(level)
      : this.#parent!.isLevelEnabled(level);
  }

  #write(level: LevelName, args: unknown[]): void {
    if (!this.isLevelEnabled(level)) return;
    this.#real[level](...(args as [string]));
  }

  fatal(...args: unknown[]): void {
    this.#write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#write('error', args);
  }
  warn(...args: unknown[]): void {
    this.#write('warn', args);
  }
  info(...args: unknown[]): void {
    this.#write('info', args);
  }
  debug(...args: unknown[]): void {
    this.#write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#write('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return new LazyChild(this, bindings, options);
  }

  bindings(): Bindings {
    return this.#real.bindings();
  }
}

/** pino's options, with where to write (pino's stdout by default). */
export type LoggerConfig = LoggerOptions & { stream?: DestinationStream };

/** The server's logger, for Fastify's `loggerInstance`: pino, its children made lazily (see above). */
export function lazyLogger({ stream, ...options }: LoggerConfig): FastifyBaseLogger {
  return new LazyChild(undefined, {}, undefined, pino(options, stream));
}
