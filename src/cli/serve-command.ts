// `casebook serve`: browser mode. The port is claimed before the workspace is opened, so a
// busy port fails with advice and creates nothing. The server and the core load when it runs.
import type { Command } from 'commander';
import type { DispatchTarget } from '../core/pure/dispatch';
import type { RunningServer } from '../server/http-server';
import { CasebookError } from '../core/pure/errors';
import { findRendererDir } from './renderer-location';
import { CliUsageError } from './usage-error';

export function registerServeCommand(program: Command, workspaceHelp: string): void {
  program
    .command('serve')
    .description('open the app in your browser (browser mode): serves the UI and API on 127.0.0.1 with a secret token')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', '0')
    .action(async (opts: { workspace?: string; port: string }) => {
      const [{ parseOption, portOption, resolveWorkspace }, { handlersWhenReady }, { startServer }, cli] =
        await Promise.all([
          import('./cli-options'),
          import('../server/handlers-when-ready'),
          import('../server/http-server'),
          import('./cli-workspace'),
        ]);
      const port = parseOption(portOption, opts.port, '--port');
      const workspace = resolveWorkspace(opts.workspace);
      const rendererDir = findRendererDir();
      if (!rendererDir) throw new CliUsageError('the app is not built: run `npm run build` first');
      let open!: (handlers: Promise<DispatchTarget>) => void;
      const ready = new Promise<DispatchTarget>((resolve) => (open = (handlers) => resolve(handlers)));
      const server = await startServer({
        handlers: handlersWhenReady(ready),
        workspaceDir: workspace,
        rendererDir,
        port,
      }).catch((err: unknown) => {
        throw listenFailure(err, port);
      });
      const opening = cli.openOrCreateWorkspace(opts.workspace);
      open(opening);
      const service = await opening.catch(async (err: unknown) => {
        await server.close();
        throw err;
      });
      service.warmUp();
      console.log(`Casebook is serving ${service.workspace} — open this address in your browser (Ctrl+C to stop):`);
      console.log(server.url);
      console.log(
        'It signs this browser in with a session cookie and drops the token from the address bar; keep the address private.',
      );
      stopOnSignals(server, () => service.flushCaches());
    });
}

/** Stops on Ctrl+C or SIGTERM, writing the caches first as the desktop app does on quit (the next start reads no study file it need not). */
function stopOnSignals(server: RunningServer, flush: () => Promise<void>): void {
  const stop = (): void => {
    void server
      .close()
      .then(flush)
      .catch(() => undefined) // derived data: a failed write only makes the next start slower
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A listen error as one line saying what to do (not a raw EADDRINUSE). */
function listenFailure(err: unknown, port: number): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new CasebookError(
      'io_error',
      `port ${port} on 127.0.0.1 is already in use (another casebook serve?). Choose another with --port N, or --port 0 for a free one. Nothing was changed.`,
    );
  }
  if (code === 'EACCES') {
    return new CasebookError(
      'io_error',
      `port ${port} needs administrator rights on this system. Choose one above 1023 with --port N, or --port 0 for a free one. Nothing was changed.`,
    );
  }
  return err instanceof Error ? err : new Error(String(err));
}
