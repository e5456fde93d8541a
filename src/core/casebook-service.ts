// The core service: the contract's methods implemented over one workspace folder.
// Transports (IPC, HTTP, CLI) call it through dispatch(), never around it.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { ASSETS_DIR, saveAssetBytes } from './asset-store';
import type { CasebookHandlers, WorkspaceInfo } from './contract';
import { CasebookError } from './errors';
import { listQuarantine } from './quarantine';
import { SiteStore } from './site-store';
import { StudyStore } from './study-store';

export interface CasebookService extends CasebookHandlers {
  readonly workspace: string;
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

  const writable = (): void => {
    if (readOnlyReason) throw new CasebookError('read_only', readOnlyReason);
  };

  const info = async (): Promise<WorkspaceInfo> => ({
    path: workspace,
    name: path.basename(workspace),
    readOnly: readOnlyReason !== null,
    readOnlyReason,
    studyCount: (await studies.list()).length,
    quarantined: await listQuarantine(workspace),
  });

  return {
    workspace,
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
    getSite: async () => site.get(),
    updateSite: async ({ patch }) => {
      writable();
      return site.update(patch);
    },
  };
}
