// Exports a workspace: runs the pure pipeline for the chosen format, then the one safe
// writer. Shared by every transport (the app's Export dialog, `casebook export`).
import path from 'node:path';
import { readAssetBytes } from './asset-store';
import { CasebookError } from './errors';
import type { ExportFormat, ExportReport } from './export/output-files';
import { writeOutput } from './export/output-writer';
import { siteExport } from './export/site-export';
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
  const input = {
    site,
    studies,
    drafts: request.drafts,
    readAsset: (src: string) => readAssetBytes(workspace, src),
  };
  const result = request.format === 'site' ? siteExport(input) : markdownExport(input);
  const exported = studies.filter((s) => request.drafts || s.status === 'published').length;
  onProgress?.('rendering', studies.length, studies.length);
  const counts = await writeOutput(outDir, result.files, {
    format: request.format,
    onProgress: (done, total) => onProgress?.('writing', done, total),
  });
  return { format: request.format, outDir, studies: exported, ...counts, warnings: result.warnings };
}
