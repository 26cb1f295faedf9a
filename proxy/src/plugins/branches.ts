/**
 * The branches for the whole server, over `app.store`: decorates `app.branches` (the in-memory
 * snapshot over it, reloaded when another process or instance commits) and `app.sync` (the Russian Post sync,
 * when configured), starts the sync when the server listens, and closes all of it with the server.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { BranchService } from '../branches/branch-service';
import type { ServerConfig } from '../config';
import { PochtaSync } from '../sync/pochta-sync';

declare module 'fastify' {
  interface FastifyInstance {
    /** The branches this server serves. */
    branches: BranchService;
    /** The Russian Post sync, when configured. */
    sync: PochtaSync | null;
  }
}

/** The part of the configuration about branches. */
export type BranchesOptions = Pick<ServerConfig, 'seed' | 'reloadIntervalMs' | 'sync'>;

const plugin: FastifyPluginAsync<BranchesOptions> = async (app, options) => {
  const branches = await BranchService.open(app.store.branches, {
    ...(options.seed ? { seed: options.seed } : {}),
    onReload: (index) => app.log.info({ branches: index.size }, 'branches reloaded'),
  });
  app.decorate('branches', branches);
  branches.watch(
    options.reloadIntervalMs,
    {
      onError: (error) =>
        app.log.error(
          { err: error, branches: branches.current.size },
          'branches: the database could not be read; still serving the last good snapshot',
        ),
      onRecovered: () => app.log.info('branches: the database reads again'),
    },
    app.store,
  );
  const sync = options.sync ? await PochtaSync.open(options.sync, branches, app.log) : null;
  app.decorate('sync', sync);
  // On listen, not on ready: a server used through inject() (tests) syncs only when told to.
  app.addHook('onListen', async () => sync?.start());
  app.addHook('onClose', async () => {
    await sync?.stop();
    await branches.close();
  });
};

/** `app.branches` and `app.sync`, with their lifecycle. */
export const branchesPlugin = fp(plugin, { name: 'branches', decorators: { fastify: ['store'] } });
