// The core service: the contract's methods implemented over one workspace folder.
// Transports (IPC, HTTP, CLI) call it through dispatch(), never around it.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { ASSETS_DIR, readAssetBytes, saveAssetBytes } from './asset-store';
import type { CasebookHandlers, WorkspaceInfo } from './contract';
import { CasebookError } from './errors';
import { studyPreviewHtml } from './export/study-preview';
import { importMarkdownPaths, type ImportProgress } from './markdown/markdown-import';
import { listQuarantine } from './quarantine';
import type { Study } from './schemas/study';
import { SiteStore } from './site-store';
import { StudyStore } from './study-store';
import { exportStudies, type ExportProgress } from './workspace-export';

export interface CasebookService extends CasebookHandlers {
  readonly workspace: string;
  /** Every valid study in full (for export and checks). */
  loadAllStudies(): Promise<Study[]>;
  /** Import with progress reports (the CLI shows them). */
  importWithProgress(paths: string[], onProgress?: ImportProgress): ReturnType<CasebookHandlers['importMarkdown']>;
  /** Export with progress reports (the CLI shows them; the contract method has none). */
  exportWithProgress(
    input: Parameters<CasebookHandlers['exportWorkspace']>[0],
    onProgress?: ExportProgress,
  ): ReturnType<CasebookHandlers['exportWorkspace']>;
}

/** Opens (creating if needed) the workspace at `dir` and returns its service. */
export async function openWorkspace(dir: string): Promise<CasebookService> {
  const workspace = path.resolve(dir);
  await fsp.mkdir(workspace, { recursive: true });
  const site = new SiteStore(workspace);
  const { readOnlyReason } = await site.open();
  const studies = new StudyStore(workspace);
  if (!readOnlyReason) {
    await studies.open();
    await fsp.mkdir(path.join(workspace, ASSETS_DIR), { recursive: true });
  }

  // The workspace file or any study file from a newer Casebook makes everything read-only.
  const readOnly = (): string | null => readOnlyReason ?? studies.readOnlyReason;
  const writable = (): void => {
    const reason = readOnly();
    if (reason) throw new CasebookError('read_only', reason);
  };

  const info = async (): Promise<WorkspaceInfo> => {
    const studyCount = (await studies.list()).length;
    return {
      path: workspace,
      name: path.basename(workspace),
      readOnly: readOnly() !== null,
      readOnlyReason: readOnly(),
      studyCount,
      quarantined: await listQuarantine(workspace),
    };
  };

  const loadAllStudies = async (): Promise<Study[]> => {
    const summaries = await studies.list();
    const all: Study[] = [];
    for (const summary of summaries) {
      try {
        all.push(await studies.get(summary.id));
      } catch (err) {
        // Deleted or quarantined since the list was read: leave it out.
        if (!(err instanceof CasebookError && err.code === 'not_found')) throw err;
      }
    }
    return all;
  };

  const exportWithProgress: CasebookService['exportWithProgress'] = async (input, onProgress) =>
    exportStudies(workspace, site.get(), await loadAllStudies(), input, onProgress);

  const importWithProgress: CasebookService['importWithProgress'] = async (paths, onProgress) => {
    writable();
    const existingIds = new Set((await studies.list()).map((s) => s.id));
    return importMarkdownPaths(
      paths,
      { workspace, existingIds, createStudy: (draft) => studies.create(draft) },
      onProgress,
    );
  };

  return {
    workspace,
    loadAllStudies,
    importWithProgress,
    exportWithProgress,
    getWorkspaceInfo: info,
    listStudies: () => studies.list(),
    getStudy: ({ id }) => studies.get(id),
    createStudy: async ({ title }) => {
      writable();
      return studies.create({ title });
    },
    updateStudy: async ({ id, patch, baseUpdatedAt }) => {
      writable();
      return studies.update(id, patch, baseUpdatedAt);
    },
    deleteStudy: async ({ id }) => {
      writable();
      await studies.delete(id);
      return { id };
    },
    restoreStudy: async ({ id }) => {
      writable();
      return studies.restore(id);
    },
    listTrash: () => studies.listTrash(),
    listQuarantined: () => listQuarantine(workspace),
    saveAsset: async ({ mediaType, dataBase64 }) => {
      writable();
      return { src: await saveAssetBytes(workspace, Buffer.from(dataBase64, 'base64'), mediaType) };
    },
    exportWorkspace: (input) => exportWithProgress(input),
    importMarkdown: ({ paths }) => importWithProgress(paths),
    previewStudy: async ({ id }) => ({
      html: studyPreviewHtml({
        site: site.get(),
        study: await studies.get(id),
        readAsset: (src) => readAssetBytes(workspace, src),
      }),
    }),
    getSite: async () => site.get(),
    updateSite: async ({ patch }) => {
      writable();
      return site.update(patch);
    },
  };
}
