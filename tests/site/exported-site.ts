// Exports a site into a fresh temporary folder with the real pipeline and writer, and serves
// a folder over HTTP on 127.0.0.1 (for axe, which needs an http origin for some checks).
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { writeOutput } from '../../src/core/node/export/output-writer';
import { siteExport } from '../../src/core/node/export/site-export';
import type { SiteSettings } from '../../src/core/pure/schemas/site';
import type { Study } from '../../src/core/pure/schemas/study';
import { readSampleAsset, sampleSite, sampleStudies } from './sample-site';

export interface ExportedSite {
  dir: string;
  pages: string[];
  remove(): Promise<void>;
}

export async function exportSite(
  site: SiteSettings = sampleSite(),
  studies: Study[] = sampleStudies(),
): Promise<ExportedSite> {
  const parent = await mkdtemp(path.join(tmpdir(), 'casebook-site-'));
  const dir = path.join(parent, 'site');
  const { files } = siteExport({ site, studies, readAsset: readSampleAsset, drafts: true });
  await writeOutput(dir, files, { format: 'site', durable: false });
  return {
    dir,
    pages: files.filter((f) => f.path.endsWith('.html')).map((f) => f.path),
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** A minimal static file server for `dir`; returns its base URL and a way to stop it. */
export async function serveFolder(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html');
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
