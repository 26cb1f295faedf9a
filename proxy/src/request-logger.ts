/**
 * Each request's logger, made when the request first logs. Fastify gives every request a child of
 * the server's pino logger (its id bound), and pino builds a child at once: a new prototype, the
 * bindings serialised. Almost no request logs anything (requests are logged at debug level; errors
 * are the exception), so on the cached quote path that child was work thrown away every time.
 *
 * `lazyChildLogger` is Fastify's `childLoggerFactory`: it hands back a small stand-in with pino's
 * methods, which makes the real child (same bindings, same options) on the first line written at an
 * enabled level, or when a caller asks for something only the real one has.
 */
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';

type Bindings = Record<string, unknown>;
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];
/** The server's logger as it is at run time: pino, with what Fastify's type leaves out. */
type Pino = Omit<FastifyBaseLogger, 'child'> & {
  isLevelEnabled(level: string): boolean;
  bindings(): Bindings;
  child(bindings: Bindings, options?: ChildOptions): Pino;
};
type LevelName = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** A request's logger: pino's interface, the child made on first use. */
class LazyChild implements FastifyBaseLogger {
  readonly #parent: Pino;
  readonly #bindings: Bindings;
  readonly #options: ChildOptions;
  #child: Pino | undefined;

  constructor(parent: Pino, bindings: Bindings, options: ChildOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  /** The real pino child, made once. */
  get #real(): Pino {
    return (this.#child ??= this.#parent.child(this.#bindings, this.#options));
  }

  get level(): string {
    return this.#child?.level ?? this.#options?.level ?? this.#parent.level;
  }

  set level(level: string) {
    this.#real.level = level;
  }

  /** Whether a line at `level` would be written; answered without making the child when it can be. */
  isLevelEnabled(level: string): boolean {
    return this.#child || this.#options?.level
      ? this.#real.isLevelEnabled(level)
      : this.#parent.isLevelEnabled(level);
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
    return this.#real.child(bindings, options);
  }

  bindings(): Bindings {
    return this.#real.bindings();
  }
}

/** Fastify's `childLoggerFactory`: every request's logger, lazily made (see above). */
export const lazyChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  options,
) => new LazyChild(logger as Pino, bindings, options);
