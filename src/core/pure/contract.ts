// The one API contract: every method's name, input schema, output schema, whether it writes
// the workspace (dispatch refuses those in a read-only workspace) and, for long calls, the
// shape of its progress reports. The IPC channels, the preload bridge, the HTTP routes, the
// renderer client and the CLI are all derived from this table; adding a method is one entry here.
// Pure: no Node, no DOM (the renderer imports it for types and names).
import { z } from 'zod';
import { assetMediaTypeSchema, MAX_ASSET_BYTES } from './asset-store-limits';
import { findingSchema } from './checks/finding';
import {
  gitStatusSchema,
  initGitInputSchema,
  studyAtVersionInputSchema,
  studyHistoryInputSchema,
  studyVersionSchema,
  syncInputSchema,
  syncProgressSchema,
  syncResultSchema,
} from './git/git-schemas';
import { exportFormatSchema } from './export/export-formats';
import { workspaceCheckSchema } from './checks/workspace-check-schema';
import { libraryPageSchema, libraryQuerySchema } from './library/library-page-schema';
import { siteSettingsSchema, sitePatchSchema } from './schemas/site';
import { templateIdSchema, templateListSchema } from './templates/template-schema';
import { studyIdSchema, studyPatchSchema, studySchema, studySummarySchema } from './schemas/study';
import { conflictChoiceSchema, conflictIdSchema } from './merge/conflict-schema';
import {
  resolveSettingsConflictInputSchema,
  settingsConflictsSchema,
  settingsResolutionSchema,
} from './merge/settings-conflict-schema';

export const quarantinedFileSchema = z.object({
  file: z.string(),
  reason: z.string(),
  quarantinedAt: z.string(),
  storedAs: z.string(),
});

export const workspaceInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().nullable(),
  studyCount: z.number().int(),
  quarantined: z.array(quarantinedFileSchema),
  /** Files left where they are and not listed (a link, not a regular file, unreadable), with why. */
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

export const exportReportSchema = z.object({
  format: exportFormatSchema,
  outDir: z.string(),
  studies: z.number().int(),
  written: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  warnings: z.array(z.string()),
  /** Studies exported although they have publish-check errors (only with allowErrors). */
  studiesWithErrors: z.number().int(),
});

export const importReportSchema = z.object({
  imported: z.array(z.object({ file: z.string(), id: z.string(), title: z.string() })),
  skipped: z.array(
    z.object({ file: z.string(), line: z.number().int(), column: z.number().int().optional(), reason: z.string() }),
  ),
  warnings: z.array(z.string()),
});

const absolutePath = z
  .string()
  .min(1, 'Choose a folder')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'The path holds a NUL character')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), {
    message: 'Give a full folder path (for example /home/me/site or C:\\Users\\me\\site)',
  });

const categoryName = z.string().trim().min(1, 'Category name is empty').max(80);

export const categoryChangeSchema = z.object({
  site: siteSettingsSchema,
  /** Studies whose categories were changed to follow the rename or delete. */
  changedStudies: z.array(z.object({ id: z.string(), title: z.string() })),
});

const idInput = z.object({ id: studyIdSchema }).strict();
/**
 * The editor (a window or browser tab) reading a study to edit it or saving it: its saves are
 * checked against the file as it read it, whatever other editors read meanwhile (edit-bases.ts).
 */
const editorSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const noInput = z.object({}).strict();

const count = z.number().int().min(0);
/** Progress of a call that reads or writes many files: `done` of `total` so far. */
const countProgress = z.object({ done: count, total: count });

function method<I extends z.ZodType, O extends z.ZodType, P extends z.ZodType = z.ZodNever>(
  input: I,
  output: O,
  mutates: boolean,
  progress?: P,
) {
  return { input, output, mutates, progress: (progress ?? z.never()) as P };
}

export const contract = {
  getWorkspaceInfo: method(noInput, workspaceInfoSchema, false),
  /**
   * verify: first read in full every study known only from its file's head (a large workspace
   * opened for the first time), so damage is found and set aside now (the CLI's list does).
   */
  listStudies: method(
    z.object({ verify: z.boolean().optional() }).strict(),
    z.array(studySummarySchema),
    false,
    countProgress,
  ),
  getStudy: method(z.object({ id: studyIdSchema, editor: editorSchema.optional() }).strict(), studySchema, false),
  /**
   * The version of a study on disk (its updatedAt), without its content: cheap to ask often.
   * With `editor`: `changedUnder` when the file is not what that editor read or saved though
   * its updatedAt is the same (changed by hand, or by a tool that kept the field).
   */
  getStudyVersion: method(
    z.object({ id: studyIdSchema, editor: editorSchema.optional() }).strict(),
    z.object({ updatedAt: z.string(), changedUnder: z.literal(true).optional() }),
    false,
  ),
  createStudy: method(
    z.object({ title: z.string().max(300).optional(), template: templateIdSchema.optional() }).strict(),
    studySchema,
    true,
  ),
  updateStudy: method(
    z
      .object({
        id: studyIdSchema,
        patch: studyPatchSchema,
        // Compare-and-swap: when given, the save is refused with "conflict" if the file on
        // disk changed since this version was read (another window, the CLI, a git pull).
        baseUpdatedAt: z.iso.datetime().optional(),
        editor: editorSchema.optional(),
      })
      .strict(),
    studySchema,
    true,
  ),
  /**
   * The save sent as the page closes (one request, nobody left to answer a conflict): a
   * compare-and-swap like updateStudy, but on conflict the version on disk stays and the
   * edits are written as a new draft, "<title> (conflict copy <date>)".
   */
  saveOnExit: method(
    z
      .object({
        id: studyIdSchema,
        patch: studyPatchSchema,
        baseUpdatedAt: z.iso.datetime(),
        editor: editorSchema.optional(),
      })
      .strict(),
    z.object({ study: studySchema, conflictCopy: studySchema.nullable() }),
    true,
  ),
  /**
   * Resolves one conflict a merge recorded in the study (merge/resolve-conflict.ts): keep mine,
   * take theirs, or keep both (a field both cannot share, such as the status, keeps mine and
   * makes a draft conflict copy with theirs). A compare-and-swap like updateStudy.
   */
  resolveConflict: method(
    z
      .object({
        id: studyIdSchema,
        conflictId: conflictIdSchema,
        choice: conflictChoiceSchema,
        baseUpdatedAt: z.iso.datetime().optional(),
        editor: editorSchema.optional(),
      })
      .strict(),
    studySchema,
    true,
  ),
  deleteStudy: method(idInput, z.object({ id: studyIdSchema }), true),
  restoreStudy: method(idInput, studySchema, true),
  duplicateStudy: method(idInput, studySchema, true),
  purgeStudy: method(idInput, z.object({ id: studyIdSchema }), true),
  listTrash: method(noInput, z.array(studySummarySchema), false),
  searchLibrary: method(libraryQuerySchema, libraryPageSchema, false),
  listTemplates: method(noInput, templateListSchema, false),
  checkStudy: method(idInput, z.array(findingSchema), false),
  checkCounts: method(noInput, z.record(z.string(), z.object({ errors: z.number(), warnings: z.number() })), false),
  checkWorkspace: method(z.object({ publishedOnly: z.boolean().default(false) }).strict(), workspaceCheckSchema, false),
  listQuarantined: method(noInput, z.array(quarantinedFileSchema), false),
  saveAsset: method(
    z
      .object({
        fileName: z.string().max(255),
        mediaType: assetMediaTypeSchema,
        dataBase64: z
          .string()
          .max(
            Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 4,
            'The image is larger than 20 MB; make it smaller and try again.',
          )
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'dataBase64 must be base64'),
      })
      .strict(),
    z.object({ src: z.string() }),
    true,
  ),
  exportWorkspace: method(
    z
      .object({
        format: exportFormatSchema,
        outDir: absolutePath,
        drafts: z.boolean().default(false),
        // Export even when a study it publishes has publish-check errors; without it such an
        // export is refused with error code publish_errors (details: checks/publish-gate.ts).
        allowErrors: z.boolean().default(false),
      })
      .strict(),
    exportReportSchema,
    false,
    countProgress.extend({ stage: z.enum(['rendering', 'writing']) }),
  ),
  importMarkdown: method(
    z.object({ paths: z.array(absolutePath).min(1, 'Give at least one file or folder').max(1000) }).strict(),
    importReportSchema,
    true,
    countProgress.extend({ file: z.string() }),
  ),
  /** The study drawn as its published page: one self-contained, inert HTML document (drafts too). */
  previewStudy: method(idInput, z.object({ html: z.string() }), false),
  getSite: method(noInput, siteSettingsSchema, false),
  addCategory: method(z.object({ name: categoryName }).strict(), siteSettingsSchema, true),
  renameCategory: method(z.object({ from: categoryName, to: categoryName }).strict(), categoryChangeSchema, true),
  reorderCategories: method(z.object({ order: z.array(categoryName).max(100) }).strict(), siteSettingsSchema, true),
  categoryUsage: method(
    z.object({ name: categoryName }).strict(),
    z.array(z.object({ id: z.string(), title: z.string() })),
    false,
  ),
  deleteCategory: method(z.object({ name: categoryName }).strict(), categoryChangeSchema, true),
  updateSite: method(z.object({ patch: sitePatchSchema }).strict(), siteSettingsSchema, true),
  /** Conflicts a git merge recorded in casebook.json and in templates (merge/settings-merge.ts). */
  settingsConflicts: method(noInput, settingsConflictsSchema, false),
  /**
   * Resolves one of them: Keep mine / Take theirs / Keep both (a one-value setting keeps mine
   * and says so in `note`), a compare-and-swap on the file's version like a save.
   */
  resolveSettingsConflict: method(resolveSettingsConflictInputSchema, settingsResolutionSchema, true),
  // The workspace as a git repository (issue #15; core/node/git/). Not a repository: gitStatus
  // answers repository: false and the others refuse with not_configured.
  gitStatus: method(noInput, gitStatusSchema, false),
  /** Makes the workspace a repository (as `casebook init --git`): first commit, ignore and attribute files, merge driver. */
  initGitWorkspace: method(initGitInputSchema, gitStatusSchema, true),
  /** Commits every change, fetches, merges by meaning, pushes; conflicts are kept in the studies. */
  syncWorkspace: method(syncInputSchema, syncResultSchema, true, syncProgressSchema),
  /** The commits that changed the study's file, newest first. */
  studyHistory: method(studyHistoryInputSchema, z.array(studyVersionSchema), false),
  /** The study as it was at a commit (read only; nothing written). */
  studyAtVersion: method(studyAtVersionInputSchema, studySchema, false),
  /** The study as it was at a commit, saved now as a new change (history is never rewritten). */
  restoreStudyVersion: method(studyAtVersionInputSchema, studySchema, true),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
/** What a method reports while it runs (never: it reports nothing). */
export type MethodProgress<M extends MethodName> = z.output<Contract[M]['progress']>;
/** A listener for a method's progress reports; transports pass it on, and any may leave it out. */
export type ProgressListener<M extends MethodName> = (progress: MethodProgress<M>) => void;

/** Methods that report progress (the others' progress schema is z.never()). */
export const progressMethods: ReadonlySet<MethodName> = new Set(
  (Object.keys(contract) as MethodName[]).filter((name) => !(contract[name].progress instanceof z.ZodNever)),
);

/** What the renderer and the CLI call (window.casebook unwrapped, the HTTP client, dispatch). */
export type CasebookApi = {
  [M in MethodName]: (input: MethodInput<M>, onProgress?: ProgressListener<M>) => Promise<MethodOutput<M>>;
};
/**
 * What the Electron preload exposes: each method answers the envelope itself, because
 * contextBridge copies only an Error's message (the error code would be lost).
 */
export type CasebookBridge = {
  [M in MethodName]: (input: MethodInput<M>, onProgress?: ProgressListener<M>) => Promise<ApiResult<MethodOutput<M>>>;
};
/** What the core service implements: inputs arrive already validated. */
export type CasebookHandlers = {
  [M in MethodName]: (input: MethodParsedInput<M>, onProgress?: ProgressListener<M>) => Promise<MethodOutput<M>>;
};

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The envelope every transport uses for answers. */
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };

// Declared with the other transport names; re-exported because it is keyed by the contract.
export { ipcChannel } from './transport';
