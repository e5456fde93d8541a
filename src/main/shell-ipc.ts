// IPC for the desktop-only helpers behind window.casebookShell: the folder picker, opening
// a path with the OS, and the renderer's "edits flushed" answer. Same envelope and the same
// sender check as the contract methods.
import type { IpcMainEvent } from 'electron';
import type { z } from 'zod';
import type { ApiResult } from '../core/pure/contract';
import { describeZodError } from '../core/pure/errors';
import { shellMethods, type GitIdentitySetting } from '../core/pure/shell-api';
import { shellChannels } from '../core/pure/transport';
import { forbiddenResult, type IpcEvent, type IpcHandleRegistry, type SenderCheck } from './ipc';
import type { GitTokenStore } from './git-token-store';
import type { PathGrants } from './path-grants';

export type ChooseFolderOptions = z.output<typeof shellMethods.chooseFolder.input>;

export interface ShellIpcDeps {
  isTrustedSender: SenderCheck;
  /** Shows the native folder picker for the window that asked; null when cancelled. */
  pickFolder(event: IpcEvent, options: ChooseFolderOptions): Promise<string | null>;
  grants: PathGrants;
  currentWorkspace(): string | null;
  /** shell.openPath: resolves to '' on success or an error message. */
  openPath(path: string): Promise<string>;
  /** The renderer of this sender flushed its edits. */
  readyToClose(event: IpcMainEvent): void;
  /** The desktop's git token, kept encrypted (git-token-store.ts). */
  gitToken: Pick<GitTokenStore, 'state' | 'set'>;
  /** The author for git commits kept in the app's settings (app-settings.ts). */
  gitIdentity: {
    read(): Promise<GitIdentitySetting | null>;
    write(identity: GitIdentitySetting | null): Promise<void>;
  };
}

export interface IpcOnRegistry {
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): void;
}

const fail = (code: string, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

export function registerShellHandlers(ipcMain: IpcHandleRegistry & IpcOnRegistry, deps: ShellIpcDeps): void {
  ipcMain.handle(shellChannels.chooseFolder, async (event, raw): Promise<ApiResult<string | null>> => {
    if (!deps.isTrustedSender(event)) return forbiddenResult;
    const parsed = shellMethods.chooseFolder.input.safeParse(raw);
    if (!parsed.success) return fail('invalid_input', `Invalid folder request: ${describeZodError(parsed.error)}`);
    const folder = await deps.pickFolder(event, parsed.data);
    // Only a folder the user picked by hand becomes openable with openPath.
    if (folder) deps.grants.grant(folder);
    return { ok: true, value: folder };
  });

  ipcMain.handle(shellChannels.openPath, async (event, raw): Promise<ApiResult<null>> => {
    if (!deps.isTrustedSender(event)) return forbiddenResult;
    const parsed = shellMethods.openPath.input.safeParse(raw);
    if (!parsed.success) return fail('invalid_input', describeZodError(parsed.error, 'path'));
    const allowed = await deps.grants.check(parsed.data, deps.currentWorkspace());
    if (!allowed) {
      return fail(
        'forbidden',
        `Casebook only opens folders and documents inside the workspace or a folder you chose: ${parsed.data}`,
      );
    }
    const error = await deps.openPath(allowed);
    return error ? fail('io_error', `The system could not open ${allowed}: ${error}`) : { ok: true, value: null };
  });

  ipcMain.handle(shellChannels.gitTokenState, async (event, raw) => {
    if (!deps.isTrustedSender(event)) return forbiddenResult;
    const parsed = shellMethods.gitTokenState.input.safeParse(raw ?? {});
    if (!parsed.success) return fail('invalid_input', describeZodError(parsed.error));
    return { ok: true, value: await deps.gitToken.state() };
  });

  ipcMain.handle(shellChannels.setGitToken, async (event, raw): Promise<ApiResult<null>> => {
    if (!deps.isTrustedSender(event)) return forbiddenResult;
    const parsed = shellMethods.setGitToken.input.safeParse(raw);
    // The message names what is wrong, never the value (it may be a token).
    if (!parsed.success) return fail('invalid_input', 'The token must be 1 to 4096 characters.');
    try {
      await deps.gitToken.set(parsed.data.token, parsed.data.remote);
      return { ok: true, value: null };
    } catch (err) {
      return fail('io_error', err instanceof Error ? err.message : String(err));
    }
  });

  ipcMain.handle(shellChannels.gitIdentity, async (event) => {
    if (!deps.isTrustedSender(event)) return forbiddenResult;
    return { ok: true, value: await deps.gitIdentity.read() };
  });

  ipcMain.handle(shellChannels.setGitIdentity, async (event, raw): Promise<ApiResult<null>> => {
    if (!deps.isTrustedSender(event)) return forbiddenResult;
    const parsed = shellMethods.setGitIdentity.input.safeParse(raw);
    if (!parsed.success) return fail('invalid_input', describeZodError(parsed.error, 'identity'));
    try {
      await deps.gitIdentity.write(parsed.data.identity);
      return { ok: true, value: null };
    } catch (err) {
      return fail('io_error', err instanceof Error ? err.message : String(err));
    }
  });

  ipcMain.on(shellChannels.readyToClose, (event) => {
    if (deps.isTrustedSender(event)) deps.readyToClose(event);
  });
}
