// Browser mode's "Open the site": the static sites exported through this server in this
// session, served back read-only under /exported-site/<key>/. Only a folder this session
// exported a site into is served (never any path a URL names), only files inside it (no
// "..", no link leading out), and only to the signed-in browser (checked by the caller).
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { EXPORTED_SITE_ROUTE, exportedSiteDir } from '../core/pure/transport';
import { resolveStaticFile } from './static-files';

export class ExportedSites {
  private readonly dirs = new Set<string>();

  /** Notes a finished call: a successful site export makes its folder servable. */
  noteResult(method: string, result: { ok: boolean; value?: unknown }): void {
    if (method !== 'exportWorkspace' || !result.ok) return;
    const report = result.value as { format?: unknown; outDir?: unknown } | undefined;
    if (report?.format === 'site' && typeof report.outDir === 'string') this.dirs.add(path.resolve(report.outDir));
  }

  /** The file a URL path under the route names, or null (not an exported site, or outside it). */
  async fileFor(urlPath: string): Promise<string | null> {
    const rest = urlPath.slice(EXPORTED_SITE_ROUTE.length);
    const slash = rest.indexOf('/');
    if (slash < 0) return null;
    const dir = exportedSiteDir(rest.slice(0, slash));
    if (dir === null || !this.dirs.has(path.resolve(dir))) return null;
    const page = rest.slice(slash);
    const file = await resolveStaticFile(path.resolve(dir), page.endsWith('/') ? `${page}index.html` : page);
    if (!file) return null;
    // A link inside the folder may point anywhere: serve only what really lies inside it.
    const [realDir, realFile] = await Promise.all([fsp.realpath(dir), fsp.realpath(file)]).catch(() => [null, null]);
    return realDir && realFile?.startsWith(realDir + path.sep) ? realFile : null;
  }
}
