// What makes `casebook export` run again with nothing changed take a few stat calls instead of
// reading, checking and rendering every study: a receipt, per output folder, of the export
// last made into it. It names everything the export is a function of — this build of Casebook,
// the format and drafts flag, the site settings, and the identity (inode, size, mtime, ctime)
// of every file in the workspace's studies/, templates/ and assets/ folders — as one hash, plus
// the identity of the folder's marker and the report. The store saves by renaming a new file
// into place, so every save changes an inode. When the hash and the marker match and every
// page is still what the marker recorded (a regular file of that size and mtime, in real
// folders: the writer's own test for "unchanged"), the export would write nothing; it is skipped.
//
// Receipts are derived data of the workspace, kept in its .casebook/ folder beside the render
// cache and, like it, signed under the per-user secret (local-secret.ts): one planted or copied
// from elsewhere is ignored. Anything unexpected means "not up to date", never an error.
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ASSETS_DIR } from '../asset-store';
import { unsyncedWriteOps, writeFileAtomic } from '../atomic-write';
import { localSecret, signedText, verifiedBody } from '../local-secret';
import { STUDIES_DIR } from '../study-files';
import { TEMPLATES_DIR } from '../../pure/templates/template-schema';
import type { ExportFormat, ExportReport } from '../../pure/export/output-files';
import type { SiteSettings } from '../../pure/schemas/site';
import { readMarker } from './export-marker';
import { EXPORT_MARKER } from './output-paths';
import { readRegularFile } from './output-hashes';
import { ensureCacheDir, removeCacheFile, RENDER_CACHE_DIR } from './site-render-cache';
import { racy } from './export-snapshot';

const RECEIPT_VERSION = 1;
const MAX_RECEIPT_BYTES = 16 * 1024 * 1024;

const identity = (s: Stats) => [s.ino, s.size, s.mtimeMs, s.ctimeMs];

const receiptSchema = z.object({
  casebookExportReceipt: z.literal(RECEIPT_VERSION),
  inputs: z.string(),
  marker: z.array(z.number()),
  report: z.object({
    studies: z.number().int(),
    unchanged: z.number().int(),
    warnings: z.array(z.string()),
    studiesWithErrors: z.number().int(),
  }),
});
type Receipt = z.infer<typeof receiptSchema>;

export interface ReceiptRequest {
  workspace: string;
  /** The output folder as asked for (the report names it). */
  outDir: string;
  /** The output folder, links resolved (outputFolderOutside). */
  realOut: string;
  format: ExportFormat;
  drafts: boolean;
  site: SiteSettings;
}

/** Every entry of a workspace folder with its identity, by name; none when it is missing. */
function folderIdentity(dir: string): unknown[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    try {
      return [name, ...identity(lstatSync(path.join(dir, name)))];
    } catch {
      return [name];
    }
  });
}

/** This build of Casebook: the file this module was loaded from (the bundle, or its source). */
function buildIdentity(): unknown[] {
  try {
    return [process.version, ...identity(lstatSync(fileURLToPath(import.meta.url)))];
  } catch {
    return [process.version, Math.random()]; // unknown build: never matches
  }
}

/** What an export depends on, taken before the studies are read (exportInputs). */
export interface ExportInputs {
  /** One hash of all of it: a receipt's `inputs`. */
  hash: string;
  /** One hash of all but the study files: a snapshot's `inputs` (export-snapshot.ts). */
  withoutStudies: string;
  /** Each entry of studies/ by name: [ino, size, mtimeMs, ctimeMs] (none when it vanished). */
  studies: Map<string, number[]>;
  /** When the identities were taken (Date.now()). */
  takenAt: number;
  /** Some file was modified within RACY_MS of takenAt: a write in the same tick could hide. */
  racy: boolean;
}

/**
 * Everything the export's output depends on. Taken before the studies are read: a study saved
 * while the export runs changes what the next export sees.
 */
export function exportInputs(request: ReceiptRequest, takenAt = Date.now()): ExportInputs {
  const folder = (name: string) => folderIdentity(path.join(request.workspace, name)) as unknown[][];
  // The custom CSS file is read by the site export (site-custom-css.ts): an edit to it alone must export again.
  const css = request.site.customCss ? customCssIdentity(request.workspace, request.site.customCss) : null;
  const settings = [RECEIPT_VERSION, buildIdentity(), request.format, request.drafts, request.site, css];
  const templates = folder(TEMPLATES_DIR);
  const assets = folder(ASSETS_DIR);
  const studies = folder(STUDIES_DIR);
  const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
  const stamps = new Map<string, number[]>();
  for (const [name, ...stamp] of studies as Array<[string, ...number[]]>) if (stamp.length) stamps.set(name, stamp);
  const entries = [...templates, ...assets, ...studies];
  return {
    hash: hash([...settings, studies, templates, assets]),
    withoutStudies: hash([...settings, templates, assets]),
    studies: stamps,
    takenAt,
    racy: entries.some((e) => e.length < 5 || racy(e.slice(1) as number[], takenAt)) || (!!css && racy(css, takenAt)),
  };
}

/** The custom CSS file's identity (a link or a missing file has none: the export reads neither). */
function customCssIdentity(workspace: string, rel: string): number[] | null {
  const stat = lstatSync(path.join(workspace, ...rel.split('/')), { throwIfNoEntry: false });
  return stat ? identity(stat) : null;
}

/** One hash of everything the export's output depends on (exportInputs(request).hash). */
export function exportInputsHash(request: ReceiptRequest): string {
  return exportInputs(request).hash;
}

const receiptFile = (request: ReceiptRequest) => {
  const name = createHash('sha256')
    .update(JSON.stringify([request.realOut, request.format]))
    .digest('hex');
  return path.join(path.resolve(request.workspace), RENDER_CACHE_DIR, `export-${name.slice(0, 32)}.json`);
};

async function readReceipt(file: string, secret: Buffer): Promise<Receipt | null> {
  const bytes = await readRegularFile(file).catch(() => null);
  if (!bytes || bytes.length > MAX_RECEIPT_BYTES) return null;
  const body = verifiedBody(secret, bytes.toString('utf8'));
  if (body === null) return null;
  try {
    const parsed = receiptSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const sameIdentity = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Whether every page the marker records is still there as written, in real folders only. */
async function outputAsRecorded(realOut: string, receipt: Receipt): Promise<boolean> {
  const markerStat = lstatSync(path.join(realOut, EXPORT_MARKER), { throwIfNoEntry: false });
  if (!markerStat?.isFile() || !sameIdentity(identity(markerStat), receipt.marker)) return false;
  const marker = await readMarker(realOut);
  if (!marker || marker === 'invalid' || (marker.pending?.length ?? 0) > 0) return false;
  if (marker.files.length !== receipt.report.unchanged) return false;
  const dirs = new Set<string>();
  for (const file of marker.files) {
    for (let dir = path.posix.dirname(file.path); dir !== '.'; dir = path.posix.dirname(dir)) dirs.add(dir);
  }
  for (const dir of dirs) {
    if (!lstatSync(path.join(realOut, dir), { throwIfNoEntry: false })?.isDirectory()) return false;
  }
  return marker.files.every((file) => {
    const stat = lstatSync(path.join(realOut, file.path), { throwIfNoEntry: false });
    return stat?.isFile() === true && stat.size === file.size && stat.mtimeMs === file.mtimeMs;
  });
}

/**
 * The report of the export last made into this folder, when making it again would write
 * nothing: same inputs (`inputsHash`), output untouched. Null whenever that is not certain,
 * and when that export had publish-check errors and this one does not allow them (the full
 * export then refuses, naming them).
 */
export async function upToDateExport(
  request: ReceiptRequest,
  inputsHash: string,
  allowErrors: boolean,
): Promise<ExportReport | null> {
  try {
    const secret = await localSecret();
    if (!secret) return null;
    const receipt = await readReceipt(receiptFile(request), secret);
    if (!receipt || receipt.inputs !== inputsHash) return null;
    if (receipt.report.studiesWithErrors > 0 && !allowErrors) return null;
    if (!(await outputAsRecorded(request.realOut, receipt))) return null;
    return { format: request.format, outDir: request.outDir, written: 0, removed: 0, ...receipt.report };
  } catch {
    return null;
  }
}

/**
 * Records an export that just finished, for upToDateExport. Only one that left nothing alone
 * (no page kept back) and holds studies (an empty site's feed is dated "now"). Never throws.
 */
export async function saveExportReceipt(
  request: ReceiptRequest,
  inputsHash: string,
  report: ExportReport,
  keptFiles: number,
): Promise<void> {
  try {
    const file = receiptFile(request);
    if (keptFiles > 0 || report.studies === 0) {
      await removeCacheFile(request.workspace, file);
      return;
    }
    const secret = await localSecret();
    const markerStat = lstatSync(path.join(request.realOut, EXPORT_MARKER), { throwIfNoEntry: false });
    if (!secret || !markerStat?.isFile() || !(await ensureCacheDir(request.workspace))) return;
    const receipt: Receipt = {
      casebookExportReceipt: RECEIPT_VERSION,
      inputs: inputsHash,
      marker: identity(markerStat),
      report: {
        studies: report.studies,
        unchanged: report.written + report.unchanged,
        warnings: report.warnings,
        studiesWithErrors: report.studiesWithErrors,
      },
    };
    const body = JSON.stringify(receipt);
    await writeFileAtomic(file, signedText(secret, body), unsyncedWriteOps);
  } catch {
    // Derived data: without a receipt the next export is a full one, nothing worse.
  }
}
