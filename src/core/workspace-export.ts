// Exports a workspace: runs the pure pipeline for the chosen format, then the one safe
// writer. Shared by every transport (the app's Export dialog, `casebook export`).
import path from 'node:path';
import { readAssetBytes } from './asset-store';
import { CasebookError } from './errors';
import type { ExportFormat, ExportReport } from './export/output-files';
import { writeOutput } from './export/output-writer';
import { siteExport } from './export/site-export';
import { loadRenderCache, saveRenderCache } from './export/site-render-cache';
import { markdownExport } from './markdown/markdown-export';
import type { SiteSettings } from './schemas/site';
import type { Study } from './schemas/study';

export interface WorkspaceExportRequest {
  format: ExportFormat;
  outDir: string;
  drafts: boolean;
}

export type ExportProgress = (stage: 'rendering' | 'writing', done: number, total: number) => void;

export async function exportStudies(
  workspace: string,
  site: SiteSettings,
  studies: Study[],
  request: WorkspaceExportRequest,
  onProgress?: ExportProgress,
): Promise<ExportReport> {
  const outDir = path.resolve(request.outDir);
  const inside = (parent: string, child: string) => child === parent || child.startsWith(parent + path.sep);
  // Exporting into the workspace (or around it) would mix output with the author's files.
  if (inside(workspace, outDir) || inside(outDir, workspace)) {
    throw new CasebookError(
      'invalid_input',
      `Choose an export folder outside the workspace: ${outDir} and the workspace ${workspace} overlap.`,
    );
  }
  onProgress?.('rendering', 0, studies.length);
  // Sections rendered by the last site export into this folder (site-render-cache.ts).
  const renderCache = request.format === 'site' ? await loadRenderCache(outDir) : undefined;
  const input = {
    site,
    studies,
    drafts: request.drafts,
    readAsset: (src: string) => readAssetBytes(workspace, src),
    renderCache,
  };
  const result = request.format === 'site' ? siteExport(input) : markdownExport(input);
  const exported = studies.filter((s) => request.drafts || s.status === 'published').length;
  onProgress?.('rendering', studies.length, studies.length);
  const counts = await writeOutput(outDir, result.files, {
    format: request.format,
    onProgress: (done, total) => onProgress?.('writing', done, total),
  });
  // Only now is the folder known to be a Casebook site export. The cache is an optimisation:
  // failing to save it costs the next export time, never correctness, so it is not an error.
  if (renderCache) await saveRenderCache(outDir, renderCache).catch(() => undefined);
  return { format: request.format, outDir, studies: exported, ...counts, warnings: result.warnings };
}
