// Browser mode's HTTP server over a fresh workspace in `dir`, with a stand-in renderer page:
// what server tests need to talk to the API as the browser does.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { startServer, type RunningServer } from '../../src/server/http-server';

/** The workspace folder startWorkspaceServer(dir) serves. */
export function servedWorkspace(dir: string): string {
  return path.join(dir, 'ws');
}

export async function startWorkspaceServer(dir: string): Promise<RunningServer> {
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Casebook</title>');
  const workspace = servedWorkspace(dir);
  return startServer({ handlers: await openWorkspace(workspace), workspaceDir: workspace, rendererDir });
}
