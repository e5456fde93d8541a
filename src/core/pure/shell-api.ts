// The desktop-only helpers the preload exposes as window.casebookShell, declared once: main
// validates with these schemas, the preload and the renderer take their types from them.
// Like contract methods, calls answer the envelope (contextBridge would drop an error's code).
import { z } from 'zod';
import type { ApiResult } from './contract';

/** Events the desktop shell sends to the renderer (menus, window close). */
export const shellEventSchema = z.enum([
  'new-study',
  'workspace-changed',
  'flush-before-close',
  'open-export',
  'show-shortcuts',
]);
export type ShellEvent = z.infer<typeof shellEventSchema>;
export const shellEvents = shellEventSchema.options;

/** An author for git commits, kept in the desktop app's settings (never in the workspace). */
export const gitIdentitySchema = z
  .object({
    name: z.string().trim().min(1, 'Give your name').max(200),
    email: z.email('Give an email address').max(200),
  })
  .strict();
export type GitIdentitySetting = z.infer<typeof gitIdentitySchema>;

/** The shell's request/answer calls: each one's input and answer. */
export const shellMethods = {
  /** Native folder picker; null when cancelled. */
  chooseFolder: {
    input: z.object({ title: z.string().max(200), forExport: z.boolean().optional() }).strict(),
    output: z.string().nullable(),
  },
  /** Opens a folder or file with the OS (only paths the app itself produced or the user chose). */
  openPath: {
    input: z.string({ error: 'openPath needs a path.' }).min(1, 'openPath needs a path.').max(4096),
    output: z.null(),
  },
  /** Whether an https token for git is kept (never the token itself: it stays in main). */
  gitTokenState: {
    input: z.object({}).strict(),
    output: z.object({ stored: z.boolean(), canEncrypt: z.boolean() }),
  },
  /**
   * Keeps the https token for git, encrypted by the OS (Electron safeStorage), for the server of
   * `remote` only (a workspace's config naming another server never gets it); null forgets it.
   */
  setGitToken: {
    input: z
      .object({
        token: z.string().trim().min(1).max(4096).nullable(),
        remote: z.string().trim().max(4096).optional(),
      })
      .strict(),
    output: z.null(),
  },
  /** Who the author's commits name when the repository's git config names no one (the app's settings). */
  gitIdentity: {
    input: z.object({}).strict(),
    output: gitIdentitySchema.nullable(),
  },
  setGitIdentity: {
    input: z.object({ identity: gitIdentitySchema.nullable() }).strict(),
    output: z.null(),
  },
} as const;
export type ShellMethodName = keyof typeof shellMethods;
export const shellMethodNames = Object.keys(shellMethods) as ShellMethodName[];
export type ShellInput<M extends ShellMethodName> = z.input<(typeof shellMethods)[M]['input']>;
export type ShellOutput<M extends ShellMethodName> = z.output<(typeof shellMethods)[M]['output']>;

interface ShellSubscriptions {
  /** Subscribes to a menu or window event from the main process; returns an unsubscribe. */
  onEvent(event: ShellEvent, listener: () => void): () => void;
  /** Tells the main process that pending edits are flushed and the window may close. */
  readyToClose(): void;
}

/** window.casebookShell as the preload exposes it: calls answer envelopes. */
export type CasebookShellBridge = ShellSubscriptions & {
  [M in ShellMethodName]: (input: ShellInput<M>) => Promise<ApiResult<ShellOutput<M>>>;
};
/** The same helpers as the renderer uses them: values, or a thrown CasebookError. */
export type CasebookShell = ShellSubscriptions & {
  [M in ShellMethodName]: (input: ShellInput<M>) => Promise<ShellOutput<M>>;
};
