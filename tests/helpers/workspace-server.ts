// Browser mode's HTTP server over a fresh workspace in `dir`, with a stand-in renderer page:
// what server tests need to talk to the API as the browser does.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { startServer, type RunningServer } from '../../src/server/http-server';

export async function startWorkspaceServer(dir: string): Promise<RunningServer> {
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Casebook</title>');
  const workspace = path.join(dir, 'ws');
  return startServer({ handlers: await openWorkspace(workspace), workspaceDir: workspace, rendererDir });
}
