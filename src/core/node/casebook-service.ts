// The core service: the contract's methods implemented over one workspace folder.
// Transports (IPC, HTTP, CLI) call it through dispatch(), never around it.
import { promises as fsp } from 'node:fs';
import { statOrNull } from './file-exists';
import path from 'node:path';
import { ASSETS_DIR, readAssetBytes, saveAssetBytes } from './asset-store';
import type { CasebookHandlers, WorkspaceInfo } from '../pure/contract';
import { inPool } from '../pure/work-pool';
import { CasebookError } from '../pure/errors';
import { countQuarantined, listQuarantine, QUARANTINE_DIR } from './quarantine';
import { removeStaleWriteFiles } from './atomic-write';
import { assertWorkspaceEntries, ensureWorkspaceFolder } from './workspace-folders';
import { CACHE_DIR } from './summary-cache';
import { TEMPLATES_DIR } from '../pure/templates/template-schema';
import { ensureDefaultTemplates } from './templates/template-store';
import { workspaceIndex } from './workspace-index';
import type { Study } from '../pure/schemas/study';
import { SiteStore, WORKSPACE_FILE } from './site-store';
import { STUDIES_DIR, StudyStore, TRASH_DIR } from './study-store';
import { holdsWorkspace } from './workspace-presence';
import { ExportMemory } from './export/export-memory';
import { studyHandlers } from './study-handlers';
import { categoryHandlers } from './category-handlers';
import { settingsConflictHandlers, settingsConflictsOf } from './settings-conflict-handlers';
import { withAuthors } from '../pure/site-authors';
import { gitHandlers } from './git/git-handlers';
import type { GitOptions } from './git/git-options';

// Loaded on first use: these pull in TipTap, lowlight and the Markdown parser, which opening
// and listing a workspace (`casebook list`, the app's first paint) must not wait for.
const loadExport = () => import('./workspace-export');
const loadImport = () => import('./markdown/markdown-import');
const loadPreview = () => import('./export/study-preview');

export interface CasebookService extends CasebookHandlers {
  readonly workspace: string;
  /** Writes derived caches now (the desktop app calls it before quitting), so the next open reads nothing. */
  flushCaches(): Promise<void>;
  /**
   * Writes the summary cache alone (a CLI command, as it ends): the search index a command
   * made on the side (sync's saves) holds only what it touched, and must not replace the app's.
   */
  saveSummaryCache(): Promise<void>;
  /** Starts reading studies into the search index in the background (the app calls it; the CLI need not). */
  warmUp(): void;
  /**
   * Another workspace takes this one's place (the desktop app's Open workspace): the background
   * reading stops, and the caches are written with what was read so far.
   */
  close(): Promise<void>;
  /**
   * Lists the studies and reads in full any listed from their file's head only (a large
   * workspace opened for the first time), so damage is found and set aside now. The CLI's
   * list uses it; the app lets its background indexing do the same.
   */
  verifyStudies(onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Every valid study in full (for export and checks). */
  loadAllStudies(): Promise<Study[]>;
  /**
   * Why the workspace must not be written (a workspace or study file from a newer Casebook),
   * or null. dispatch() asks it before any method the contract marks as `mutates`. The study
   * folder is listed first if it has not been yet: a newer study file found only by a later
   * list must not let a first call (settings, an image) write meanwhile.
   */
  readOnlyReason(): Promise<string | null>;
}

/** The folders Casebook reads and writes in a workspace: each must be a real folder. */
export const WORKSPACE_FOLDERS = [
  STUDIES_DIR,
  TRASH_DIR,
  QUARANTINE_DIR,
  TEMPLATES_DIR,
  ASSETS_DIR,
  CACHE_DIR,
] as const;

export interface OpenWorkspaceOptions {
  /** false: refuse a folder that holds no workspace yet, creating nothing (commands that only read). */
  create?: boolean;
  /** Credentials for https remotes and an author identity for commits (the desktop's, or $CASEBOOK_GIT_TOKEN). */
  git?: GitOptions;
  /** Awaited before each pass of the library's background reading (LibrarySources.readingGate). */
  readingGate?: (closing: AbortSignal) => Promise<void>;
}

/**
 * Opens (creating if needed, unless told not to) the workspace at `dir` and returns its
 * service. The folder itself may be reached through a link (the user's choice of path): it is
 * resolved once, here. Its own folders and casebook.json must not be links (workspace-folders.ts).
 */
export async function openWorkspace(dir: string, options: OpenWorkspaceOptions = {}): Promise<CasebookService> {
  if (options.create === false && !holdsWorkspace(path.resolve(dir))) {
    throw new CasebookError(
      'not_found',
      `No Casebook workspace at ${path.resolve(dir)} (there is no ${WORKSPACE_FILE}).`,
    );
  }
  await fsp.mkdir(path.resolve(dir), { recursive: true });
  const workspace = await fsp.realpath(path.resolve(dir));
  assertWorkspaceEntries(workspace, WORKSPACE_FOLDERS, [WORKSPACE_FILE]);
  const site = new SiteStore(workspace);
  const { readOnlyReason } = await site.open();
  const studies = new StudyStore(workspace, { readOnly: readOnlyReason !== null });
  // What this workspace's exports remember for the next one (renderings, hashes): one per open workspace.
  const exportMemory = new ExportMemory();
  if (!readOnlyReason) {
    await studies.open();
    await ensureWorkspaceFolder(workspace, ASSETS_DIR);
    await ensureDefaultTemplates(workspace);
    // What a crashed writer left (studies/, .trash/ and .casebook/ are cleaned by the store).
    await Promise.all(
      ['', QUARANTINE_DIR, TEMPLATES_DIR, ASSETS_DIR].map((folder) =>
        removeStaleWriteFiles(path.join(workspace, folder)),
      ),
    );
  }
  // Prompts of the workspace's templates (re-read when templates are listed or studies checked)
  // and the library index: made on first use (workspace-index.ts).
  const { readTemplates, prompts, library, libraryIfMade, libraryIfAsked } = workspaceIndex(workspace, {
    listSummaries: () => studies.list(),
    readStudy: async (id) => {
      try {
        return await studies.get(id);
      } catch (err) {
        if (err instanceof CasebookError && err.code === 'not_found') return null;
        throw err;
      }
    },
    site: () => site.get(),
    folderStamp: () => statOrNull(studies.studiesDir)?.mtimeMs ?? null,
    quarantinedCount: () => countQuarantined(workspace),
    unverifiedIds: () => studies.unverifiedIds(),
    statOf: (id) => statOrNull(path.join(studies.studiesDir, `${id}.json`)),
    verifiedStamp: (id) => studies.verifiedStamp(id),
    indexFiles: {
      load: async (damaged) => (await import('./search-index-file')).readSearchIndex(workspace, damaged),
      save: async (list, checkKey, damaged) =>
        (await import('./search-index-file')).writeSearchIndex(workspace, list, checkKey, damaged),
      mayWrite: () => readOnly() === null,
    },
    intake: {
      fileOf: (id) => path.join(studies.studiesDir, `${id}.json`),
      vouch: (id, stamp, summary) => studies.readElsewhere(id, stamp, summary),
    },
    // Every study file has now been read in full: the next open need read none of them.
    onIndexed: () => void studies.saveSummaryCache(),
    readingGate: options.readingGate,
  });

  /** Tells the library a study changed. */
  const indexSaved = async (study: Study): Promise<void> => (await library()).saved(study);

  // The workspace file or any study file from a newer Casebook makes everything read-only.
  const readOnly = (): string | null => readOnlyReason ?? studies.readOnlyReason;

  const info = async (): Promise<WorkspaceInfo> => {
    const studyCount = (await studies.list()).length;
    return {
      path: workspace,
      name: path.basename(workspace),
      readOnly: readOnly() !== null,
      readOnlyReason: readOnly(),
      studyCount,
      quarantined: await listQuarantine(workspace),
      skipped: [...site.skipped(), ...studies.skippedFiles()],
    };
  };

  const loadAllStudies = async (): Promise<Study[]> => {
    const summaries = await studies.list();
    // Read 16 at a time: one at a time left the process idle between reads (the export's first second).
    const read: Array<Study | null> = summaries.map(() => null);
    await inPool(
      summaries.map((s, i) => [s.id, i] as const),
      16,
      async ([id, i]) => {
        read[i] = await studies.get(id).catch((err: unknown) => {
          // Deleted or quarantined since the list was read: leave it out.
          if (err instanceof CasebookError && err.code === 'not_found') return null;
          throw err;
        });
      },
    );
    return read.filter((s): s is Study => s !== null);
  };

  const verifyStudies: CasebookService['verifyStudies'] = async (onProgress) => {
    await studies.list();
    await studies.verifyAll(onProgress);
  };

  /** The summary cache, written unless the workspace must not be written. */
  const saveSummaries = async (): Promise<void> => {
    if (!readOnly()) await studies.saveSummaryCache();
  };

  return {
    workspace,
    warmUp: () =>
      void library()
        .then((index) => index.sync())
        .catch(() => undefined),
    saveSummaryCache: saveSummaries,
    flushCaches: async () => {
      if (!readOnly()) await Promise.all([studies.saveSummaryCache(), libraryIfMade()?.flush()]);
    },
    close: async () => {
      // Also one still being made (warmUp just called): its reading must not start after this.
      await (await libraryIfAsked()?.catch(() => null))?.close();
      await saveSummaries();
    },
    loadAllStudies,
    verifyStudies,
    readOnlyReason: async () => readOnlyReason ?? (await studies.readOnlyReasonListed()),
    getWorkspaceInfo: info,
    listStudies: async ({ verify }, onProgress) => {
      const listed = await studies.list();
      // Nothing listed from a file's head only: nothing to verify, and this list stands (no second pass over the folder).
      if (!verify || studies.unverifiedIds().length === 0) return listed;
      await studies.verifyAll(onProgress && ((done, total) => onProgress({ done, total })));
      return studies.list();
    },
    ...studyHandlers({ workspace, studies, site, library, indexSaved }),
    searchLibrary: async (query) => (await library()).search(query),
    listTemplates: readTemplates,
    checkStudy: async ({ id }) => {
      await readTemplates();
      return (await library()).findingsOf(await studies.get(id));
    },
    checkCounts: async () => (await library()).checkCounts(),
    checkWorkspace: async ({ publishedOnly }) => {
      await readTemplates();
      const { checkWorkspace } = await import('../pure/checks/workspace-checks');
      return checkWorkspace(site.get(), await loadAllStudies(), {
        publishedOnly,
        prompts: prompts(),
        settingsConflicts: await settingsConflictsOf(workspace, site),
        settingsUnreadable: site.unreadableReason(),
      });
    },
    ...categoryHandlers(studies, site, indexSaved),
    listQuarantined: () => listQuarantine(workspace),
    saveAsset: async ({ mediaType, dataBase64 }) => {
      return { src: await saveAssetBytes(workspace, Buffer.from(dataBase64, 'base64'), mediaType) };
    },
    exportWorkspace: async (input, onProgress) => {
      // Conflicts a sync left in the site settings block the export like a study's errors.
      const siteConflicts = (await site.conflictState()).conflicts;
      // So does a casebook.json that cannot be read: the site would say what the defaults say.
      const unreadable = site.unreadableReason();
      if (unreadable !== null && !input.allowErrors)
        throw new CasebookError(
          'publish_errors',
          `Not exported. Nothing was written.\n${unreadable}\nFix it, or export anyway (--allow-errors in the CLI): the site then says what the settings shown say.`,
        );
      if (siteConflicts.length > 0 && !input.allowErrors) {
        const [{ publishErrorsRefusal }, { settingConflictPlace }] = await Promise.all([
          import('../pure/checks/publish-gate'),
          import('../pure/sync/conflict-text'),
        ]);
        throw publishErrorsRefusal({ studies: [], site: siteConflicts.map((c) => settingConflictPlace(c, 'site')) });
      }
      return (await loadExport()).exportWorkspaceStudies(
        workspace,
        site.get(),
        loadAllStudies,
        { ...input, workspaceReadOnly: () => readOnly() !== null },
        exportMemory,
        onProgress && ((stage, done, total) => onProgress({ stage, done, total })),
        (id) => studies.get(id),
      );
    },
    importMarkdown: async ({ paths }, onProgress) => {
      const existingIds = new Set((await studies.list()).map((s) => s.id));
      return (await loadImport()).importMarkdownPaths(
        paths,
        {
          workspace,
          existingIds,
          createStudy: (draft) => studies.create(draft),
          addAuthors: async (names) => {
            const authors = withAuthors(site.get(), names);
            if (authors) await site.update({ authors });
          },
        },
        onProgress && ((done, total, file) => onProgress({ done, total, file })),
      );
    },
    previewStudy: async ({ id }) => ({
      html: (await loadPreview()).studyPreviewHtml({
        site: site.get(),
        study: await studies.get(id),
        readAsset: (src) => readAssetBytes(workspace, src),
      }),
    }),
    getSite: async () => site.get(),
    ...settingsConflictHandlers(workspace, site),
    updateSite: async ({ patch }) => {
      return site.update(patch);
    },
    ...gitHandlers({
      workspace,
      studies,
      site,
      indexSaved,
      indexRemoved: async (id) => (await library()).removed(id),
      options: options.git ?? {},
    }),
  };
}
