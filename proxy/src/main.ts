/**
 * The proxy's entry point: reads the environment (the only place that does), builds the server,
 * listens, and shuts down gracefully on SIGTERM/SIGINT: in-flight requests finish, new ones get 503.
 *
 * The variables it reads, with their defaults and meaning, are the `ENV` table in `config.ts`.
 */
import { generateDemoNetwork } from './branches/demo/generate';
import { ConfigError, configFromEnv } from './config';
import { createServer } from './server';
import { DatabaseUnusable } from './store/database';
import { StreetArchiveUnusable } from './streets/archive';

/** How long in-flight requests get to finish after a stop signal. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const { server, listen } = configFromEnv(process.env, () => generateDemoNetwork());
  const app = await createServer(server);
  // The network's best compression takes a second of a core at start (brotli at its highest
  // quality, in the thread pool): listened to meanwhile, a balancer's first second of buyers would
  // wait behind it on a small machine (the first half-second at 50 to 70 ms, measured).
  await app.branches.current.compressed;
  await app.listen(listen);
  app.log.info(
    {
      branches: app.branches.current.size,
      database: app.store.backend === 'postgres' ? 'postgres (DATABASE_URL)' : server.database,
      sync: server.sync ? server.sync.url : 'off',
      basemap: app.streets ? `streets (BASEMAP_PMTILES=${server.basemapPmtiles})` : 'offline',
    },
    'branch-picker proxy ready',
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    app.close().then(
      () => {
        app.log.info({ signal }, 'stopped: every request answered');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`branch-picker: ${error.message}`);
  } else if (error instanceof DatabaseUnusable && error.variable === 'DATABASE_URL') {
    // The URL without its user and password: the line goes to logs.
    console.error(
      `branch-picker: DATABASE_URL (${error.path}) cannot be used: ${error.message}. Check the host, port, database name, user and password in DATABASE_URL, and that the PostgreSQL server is running.`,
    );
  } else if (error instanceof StreetArchiveUnusable) {
    console.error(
      `branch-picker: BASEMAP_PMTILES=${error.file} cannot be served: ${error.message}. Point BASEMAP_PMTILES at a PMTiles v3 archive of vector tiles (a Protomaps extract), or unset it for the offline basemap.`,
    );
  } else if (error instanceof DatabaseUnusable) {
    // One line, naming what to change: under a supervisor a stack trace would only loop.
    console.error(
      `branch-picker: DATABASE_PATH=${error.path} cannot be used: ${error.message}. Point DATABASE_PATH at a branch-picker database, or at a new file to start afresh.`,
    );
  } else {
    console.error('branch-picker: failed to start', error);
  }
  process.exit(1);
});
