// Exports a workspace: checks the output folder's place and the studies' publish readiness,
// runs the pure pipeline for the chosen format, then the one safe writer. Shared by every
// transport (the app's Export dialog, `casebook export`).
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { ASSETS_DIR, readAssetBytes } from './asset-store';
import { MAX_ASSET_BYTES } from '../pure/asset-store-limits';
import { publishBlock, publishErrorsRefusal, studyLabel } from '../pure/checks/publish-gate';
import type { ExportFormat, ExportReport } from '../pure/export/output-files';
import { outputFolderOutside } from './export/output-paths';
import { checkOutputFolder, writeOutput, type KeptFile } from './export/output-writer';
import { exportPipeline } from './export/export-pipelines';
import { exportInputs, saveExportReceipt, upToDateExport } from './export/export-receipt';
import { dropSnapshot, readSnapshot, saveSnapshot } from './export/export-snapshot';
import { IncrementalMiss, incrementalStudies, SnapshotRecorder } from './export/site-incremental';
import { StaleOutputError } from './export/output-plan';
import { byNewestEdit } from '../pure/study-order';
import { readCustomCss } from './export/site-custom-css';
import { hasRenderCache, loadRenderCache, saveRenderCache } from './export/site-render-cache';
import { RenderWorkers } from './export/render-workers';
import { loadCardCache } from './export/site-cards';
import type { ExportMemory } from './export/export-memory';
import type { SiteSettings } from '../pure/schemas/site';
import type { Study } from '../pure/schemas/study';

export interface WorkspaceExportRequest {
  format: ExportFormat;
  outDir: string;
  drafts: boolean;
  /** Export even when a study it publishes has publish-check errors. */
  allowErrors?: boolean;
  /**
   * True while the workspace must not be written (read-only: a file from a newer Casebook).
   * The export then keeps nothing in the workspace's .casebook/ (no render cache, no receipt):
   * only the output folder is written. Asked after the studies are read, which may find it so.
   */
  workspaceReadOnly?: () => boolean;
  /** The clock that says which files were modified too recently to trust (tests move it on). */
  now?: () => number;
}

export type ExportProgress = (stage: 'rendering' | 'writing', done: number, total: number) => void;

/** An asset's bytes, only from a regular file of a sane size (never a link, FIFO or device). */
function readAssetFile(workspace: string, src: string): Uint8Array | null {
  const stat = (() => {
    try {
      return lstatSync(path.join(workspace, ASSETS_DIR, path.posix.basename(src)));
    } catch {
      return null;
    }
  })();
  if (!stat?.isFile() || stat.size > MAX_ASSET_BYTES) return null;
  return readAssetBytes(workspace, src);
}

const MAX_KEPT_LISTED = 20;
/** Study files from which a first site export starts its render workers before reading them. */
const EARLY_WORKERS_FROM = 100;

/** What the writer left alone, for the author: each file (up to a limit) and what to do. */
function keptWarnings(kept: KeptFile[]): string[] {
  const listed = kept
    .slice(0, MAX_KEPT_LISTED)
    .map((k) =>
      k.action === 'replace'
        ? `${k.path} was not replaced: ${k.reason}. Move it out of the export folder and export again to get Casebook's version.`
        : `${k.path} was not removed although the export no longer has it: ${k.reason}.`,
    );
  if (kept.length > MAX_KEPT_LISTED)
    listed.push(`${kept.length - MAX_KEPT_LISTED} more files were left alone likewise.`);
  return listed;
}

/**
 * Exports the workspace's own studies, read by `loadStudies` only when the export would change
 * something: a folder already holding this export of these inputs is reported as it is
 * (export-receipt.ts). With `loadStudy` (one study by id, read as `loadStudies` reads it), a
 * site export after an edit reads only the studies whose file changed (site-incremental.ts).
 * What the app and `casebook export` run. `memory` is what earlier exports of this workspace
 * remember (the service holds it: export-memory.ts).
 */
export async function exportWorkspaceStudies(
  workspace: string,
  site: SiteSettings,
  loadStudies: () => Promise<Study[]>,
  request: WorkspaceExportRequest,
  memory: ExportMemory,
  onProgress?: ExportProgress,
  loadStudy?: (id: string) => Promise<Study>,
): Promise<ExportReport> {
  exportPipeline(request.format);
  const outDir = path.resolve(request.outDir);
  const realOut = await outputFolderOutside(outDir, workspace);
  const receipt = { workspace, outDir, realOut, format: request.format, drafts: request.drafts, site };
  const inputs = exportInputs(receipt, request.now?.());
  const done = await upToDateExport(receipt, inputs.hash, Boolean(request.allowErrors));
  if (done) {
    onProgress?.('writing', done.unchanged, done.unchanged);
    return done;
  }
  let kept = 0;
  const onKept = (n: number) => (kept = n);
  let report: ExportReport | null = null;
  let recorder: SnapshotRecorder | undefined;
  let studies: Study[] = [];
  const snapshot = request.format === 'site' && loadStudy ? await readSnapshot(workspace, realOut) : null;
  if (loadStudy && snapshot?.inputs === inputs.withoutStudies) {
    try {
      const plan = await incrementalStudies(snapshot, inputs.studies, site, request.drafts, loadStudy, memory);
      if (plan) {
        ({ studies, recorder } = plan);
        report = await exportStudies(workspace, site, studies, request, memory, onProgress, onKept, { recorder });
      }
    } catch (err) {
      // A file that changed under it, or a page no longer as written: export in full.
      if (!(err instanceof IncrementalMiss || err instanceof StaleOutputError)) throw err;
    }
  }
  if (!report) {
    // A first site export of many studies renders them all: its render workers start now, on
    // the core the reading below leaves idle, instead of after it.
    const renderWorkers =
      request.format === 'site' && inputs.studies.size >= EARLY_WORKERS_FROM && !(await hasRenderCache(workspace))
        ? new RenderWorkers()
        : undefined;
    try {
      studies = [...(await loadStudies())].sort(byNewestEdit);
      recorder = request.format === 'site' ? new SnapshotRecorder(memory) : undefined;
      report = await exportStudies(workspace, site, studies, request, memory, onProgress, onKept, {
        recorder,
        renderWorkers,
      });
    } finally {
      renderWorkers?.close();
    }
  }
  if (!request.workspaceReadOnly?.()) {
    // A file modified within RACY_MS of `inputs` could change again unseen: no receipt then.
    if (!inputs.racy) await saveExportReceipt(receipt, inputs.hash, report, kept);
    if (recorder && (kept > 0 || report.studies === 0)) await dropSnapshot(workspace, realOut);
    else if (recorder) {
      const next = recorder.snapshot(inputs.withoutStudies, studies, inputs.studies, inputs.takenAt);
      await saveSnapshot(workspace, realOut, next);
    }
  }
  return report;
}

export async function exportStudies(
  workspace: string,
  site: SiteSettings,
  studies: Study[],
  request: WorkspaceExportRequest,
  memory: ExportMemory,
  onProgress?: ExportProgress,
  /** Told how many files the writer left alone (exportWorkspaceStudies keeps no receipt then). */
  onKept?: (files: number) => void,
  how: {
    /** Learns each study's checks and page for the next export, and supplies known ones. */
    recorder?: SnapshotRecorder;
    /** Site render workers started ahead (the caller stops them). */
    renderWorkers?: RenderWorkers;
  } = {},
): Promise<ExportReport> {
  const { recorder } = how;
  // An unknown format is refused before anything is looked at, never exported as another.
  const pipeline = exportPipeline(request.format);
  const outDir = path.resolve(request.outDir);
  // Checked on real paths: a link on the way must not lead the export into the workspace.
  const realOut = await outputFolderOutside(outDir, workspace);
  // A folder that cannot take the export is the first thing to hear about (no override).
  await checkOutputFolder(realOut, request.format);
  const block = publishBlock(site, studies, request.drafts, recorder?.publish);
  // An incremental export renders a few studies: it loads only the render cache files that
  // hold their sections, pre-renders nothing, and saves no cache (it would drop the rest).
  const incremental = recorder?.incremental === true;
  if (block.studies.length > 0 && !request.allowErrors) throw publishErrorsRefusal(block);

  onProgress?.('rendering', 0, studies.length);
  // Sections rendered by earlier site exports of this workspace (site-render-cache.ts).
  const renderCache = pipeline.usesRenderCache
    ? await loadRenderCache(workspace, memory, incremental ? recorder!.sectionKeysToRender(studies) : undefined)
    : undefined;
  const customCss = request.format === 'site' && site.customCss ? await readCustomCss(workspace, site.customCss) : null;
  const input = {
    site,
    studies,
    customCss: customCss && 'css' in customCss ? customCss.css : undefined,
    drafts: request.drafts,
    readAsset: (src: string) => readAssetFile(workspace, src),
    renderCache,
    memory,
    pages: recorder?.pages,
    renderWorkers: how.renderWorkers,
    // Social cards drawn by earlier site exports, kept in the workspace's .casebook/.
    cards: pipeline.usesRenderCache ? await loadCardCache(workspace) : undefined,
  };
  if (!incremental) await pipeline.prepare?.(input);
  const result = pipeline.run(input);
  onProgress?.('rendering', studies.length, studies.length);
  const { written, unchanged, removed, kept } = await writeOutput(
    realOut,
    [...result.files, ...(result.recorded ?? [])],
    {
      format: request.format,
      onProgress: (done, total) => onProgress?.('writing', done, total),
      memory,
    },
  );
  // An optimisation: failing to save it costs the next export time, never correctness.
  if (renderCache && !incremental && !request.workspaceReadOnly?.())
    await saveRenderCache(workspace, renderCache, memory).catch(() => undefined);
  if (input.cards && !request.workspaceReadOnly?.()) await input.cards.save(workspace).catch(() => undefined);
  onKept?.(kept.length);
  const warnings = [
    ...(customCss && 'refused' in customCss ? [customCss.refused] : []),
    ...result.warnings,
    ...keptWarnings(kept),
  ];
  if (block.studies.length > 0) {
    warnings.unshift(
      `Exported anyway with publish-check errors in ${block.studies.map(studyLabel).join(', ')}: they are published as they are.`,
    );
  }
  return {
    format: request.format,
    outDir,
    studies: result.studies,
    written,
    unchanged,
    removed,
    warnings,
    studiesWithErrors: block.studies.length,
  };
}
