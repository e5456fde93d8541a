// The shapes of the git-backed workspace's contract methods (issue #15): status for the Sync
// button, sync with its progress, a study's history, a study at a version and its restore.
// Pure: the renderer imports it through the contract.
import { z } from 'zod';
import { studyIdSchema } from '../schemas/study-fields';

const count = z.number().int().min(0);

/** A commit id as the user gives it: 4–40 hex digits (a short hash is resolved in the repository). */
export const commitIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{4,40}$/i, 'A version is a commit hash: 4 to 40 hexadecimal digits');

export const gitStatusSchema = z.object({
  /** Whether the workspace is a git repository at all (false: every other field is empty). */
  repository: z.boolean(),
  branch: z.string().nullable(),
  /** The URL of `origin`, with any credentials left out; null when none is set. */
  remote: z.string().nullable(),
  /** Commits here that the remote has not got (as of the last fetch); changed files are counted in `changed`. */
  toSend: count,
  /** Commits on the remote (as of the last fetch) not merged here yet. */
  toReceive: count,
  /** Files (studies, site settings, templates, images) changed since the last commit. */
  changed: count,
  /** Studies whose conflict list is not empty. */
  conflicts: count,
  /** When the last sync finished (ISO time), or null if never. */
  lastSync: z.string().nullable(),
});
export type GitStatus = z.infer<typeof gitStatusSchema>;

export const studyRefSchema = z.object({ id: z.string(), title: z.string() });
export type StudyRef = z.infer<typeof studyRefSchema>;

/** A file both sides changed the same thing in: a study (by id and title), or another file (id: its path). */
export const conflictRefSchema = studyRefSchema.extend({
  /**
   * true: the file records theirs beside yours (open it in Casebook to resolve). false: yours was
   * kept whole (theirs could not be read, or the file has no place for a second version), so
   * theirs is only in the history that came in.
   */
  recorded: z.boolean(),
});
export type ConflictRef = z.infer<typeof conflictRefSchema>;

/** Who commits are by, as git writes it ("Name <email>"): no angle brackets or line breaks. */
export const gitAuthorSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Give your name')
      .max(200)
      .regex(/^[^<>\r\n]+$/, 'A name cannot hold < > or line breaks'),
    email: z
      .string()
      .trim()
      .max(254)
      .regex(/^[^<>\s@]+@[^<>\s@]+$/, 'Give an email address such as you@example.com'),
  })
  .strict();

/** Makes the workspace a repository: first commit, .gitignore, .gitattributes, the merge driver. */
export const initGitInputSchema = z
  .object({
    /** Written to the repository's own git config (user.name / user.email) before the first commit. */
    author: gitAuthorSchema.optional(),
  })
  .strict();

export const syncInputSchema = z
  .object({
    /** Sets `origin` the first time (a path, file:// or https:// URL); refused if origin differs. */
    remote: z.string().trim().min(1).max(4096).optional(),
    /** The commit message; by default a summary of what changed ("Edit 'A', add 'B'"). */
    message: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

export const syncResultSchema = z.object({
  /** Commits pushed to the remote. */
  sent: count,
  /** Studies changed by what came in. */
  received: z.array(studyRefSchema),
  /** Other files changed by what came in (site settings, templates, assets…): their paths. */
  receivedFiles: z.array(z.string()),
  /** Files where both sides changed the same thing: yours kept, theirs recorded in the file or left in history. */
  conflicts: z.array(conflictRefSchema),
  /**
   * Committed files missing here because Casebook set them aside (.quarantine: they did not
   * parse): kept as committed, not deleted. `id` is the file's path, `title` too.
   */
  setAside: z.array(studyRefSchema).optional(),
  /**
   * Studies (and files, `id` their path) one side deleted and the other edited: the edit is kept,
   * so the study stays here, or comes back here where it was deleted.
   */
  editsKept: z.array(studyRefSchema).optional(),
  status: gitStatusSchema,
});
export type SyncResult = z.infer<typeof syncResultSchema>;

export const syncProgressSchema = z.object({
  stage: z.enum(['commit', 'fetch', 'merge', 'push']),
  done: count,
  total: count,
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const studyVersionSchema = z.object({
  commit: z.string(),
  short: z.string(),
  /** ISO time of the commit (author time). */
  date: z.string(),
  author: z.string(),
  message: z.string(),
});
export type StudyVersion = z.infer<typeof studyVersionSchema>;

export const studyHistoryInputSchema = z.object({ id: studyIdSchema }).strict();
export const studyAtVersionInputSchema = z.object({ id: studyIdSchema, commit: commitIdSchema }).strict();
