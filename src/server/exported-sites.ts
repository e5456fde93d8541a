// Browser mode's "Open the site": the static sites exported through this server in this
// session, served back read-only under /exported-site/<key>/. These pages run on the app's
// own origin, so only Casebook's own output may be served: the files the export wrote, as
// its marker listed them the moment it finished (kept in memory, not read again from the
// folder, which anyone who can write there could change), and only while a file's bytes
// still hash to what was written. A page or script added to the folder later — which could
// otherwise read the session token and call the API — is never served. Never a path out of
// the folder either (the caller also checks the session).
import path from 'node:path';
import { readMarker } from '../core/node/export/export-marker';
import { sha1 } from '../core/node/export/output-hashes';
import { readRegularFile } from '../core/node/regular-file';
import { EXPORTED_SITE_ROUTE, exportedSiteDir } from '../core/pure/transport';

/** Bytes of one exported file, at most: a site's largest file is its search index. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface ExportedFile {
  /** Where it is, for its media type. */
  file: string;
  bytes: Buffer;
}

export class ExportedSites {
  /** Export folder → (path inside it → SHA-1 of what the export wrote there). */
  private readonly sites = new Map<string, Promise<ReadonlyMap<string, string>>>();

  /** Notes a finished call: a successful site export makes the files it wrote servable. */
  noteResult(method: string, result: { ok: boolean; value?: unknown }): void {
    if (method !== 'exportWorkspace' || !result.ok) return;
    const report = result.value as { format?: unknown; outDir?: unknown } | undefined;
    if (report?.format !== 'site' || typeof report.outDir !== 'string') return;
    const dir = path.resolve(report.outDir);
    this.sites.set(
      dir,
      readMarker(dir).then((marker) =>
        marker === null || marker === 'invalid' || marker.format !== 'site'
          ? new Map()
          : new Map(marker.files.map((record) => [record.path, record.sha1])),
      ),
    );
  }

  /** The exported file a URL path under the route names, or null (not one the export wrote as it is now). */
  async fileFor(urlPath: string): Promise<ExportedFile | null> {
    const rest = urlPath.slice(EXPORTED_SITE_ROUTE.length);
    const slash = rest.indexOf('/');
    if (slash < 0) return null;
    const dir = exportedSiteDir(rest.slice(0, slash));
    const written = dir === null ? undefined : await this.sites.get(path.resolve(dir));
    if (!dir || !written) return null;
    let page: string;
    try {
      page = decodeURIComponent(rest.slice(slash + 1));
    } catch {
      return null;
    }
    if (page === '' || page.endsWith('/')) page += 'index.html';
    // The marker's paths are relative with forward slashes: a name not among them is not served.
    const expected = written.get(page);
    if (expected === undefined) return null;
    const file = path.join(path.resolve(dir), ...page.split('/'));
    // A regular file only (never a link, a folder or a FIFO), with the bytes the export wrote.
    const bytes = await readRegularFile(file, MAX_FILE_BYTES).catch(() => null);
    return bytes !== null && sha1(bytes) === expected ? { file, bytes } : null;
  }
}
