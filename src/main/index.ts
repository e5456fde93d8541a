// The Electron main process: wires the security policy, the workspace, the IPC transport,
// the menu and the window together once. Logic lives in the small modules it imports.
import path from 'node:path';
import {
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
  type BrowserWindow,
  type WebContents,
} from 'electron';
import { openWorkspace, type CasebookService, type OpenWorkspaceOptions } from '../core/node/casebook-service';
import type { ShellEvent } from '../core/pure/shell-api';
import { isAppUrl, rendererLocation } from './app-url';
import { answerAssetRequest, assetSchemePrivileges } from './asset-protocol';
import { SETTINGS_FILE, readAppSettings, startupWorkspace, writeAppSettings } from './app-settings';
import { createFlushBarrier, type FlushBarrier } from './flush-barrier';
import { createGitTokenStore, gitCredentials } from './git-token-store';
import { desktopDriverCommand } from './merge-driver-command';
import { createSenderCheck, registerContractHandlers } from './ipc';
import { installMenu } from './menu';
import { createPathGrants } from './path-grants';
import { guardWebContents, installSessionSecurity } from './security';
import { ASSET_SCHEME, shellChannels } from '../core/pure/transport';
import { pickSpellcheckLanguage } from './spellcheck';
import { registerShellHandlers } from './shell-ipc';
import { createMainWindow, windowTitle } from './window';

// Lets tests (and anyone running two setups) keep settings and the single-instance lock apart.
if (process.env.CASEBOOK_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.CASEBOOK_USER_DATA_DIR));
app.enableSandbox();
// Must be declared before the app is ready.
protocol.registerSchemesAsPrivileged([assetSchemePrivileges]);

// The dev server URL is honoured only in development: a packaged app must never be pointed
// at another page by an environment variable.
const location = rendererLocation(app.getAppPath(), app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);
const isOwnPage = (url: string): boolean => isAppUrl(url, location);
const preloadPath = path.join(app.getAppPath(), 'out', 'preload', 'index.cjs');
const settingsFile = (): string => path.join(app.getPath('userData'), SETTINGS_FILE);

let service: CasebookService | null = null;
let mainWindow: BrowserWindow | null = null;
let flush: FlushBarrier | null = null;
let quitting = false;
const grants = createPathGrants();
const gitToken = createGitTokenStore(() => app.getPath('userData'), safeStorage);
/** What the core's git engine asks: the token and the author kept by Sync settings. */
const gitOptions: OpenWorkspaceOptions = {
  git: {
    credentials: gitCredentials(gitToken),
    identity: async () => (await readAppSettings(settingsFile())).gitIdentity ?? null,
    driverCommand: desktopDriverCommand(process.execPath, app.getAppPath()),
  },
};

const isOwnContents = (contents: WebContents): boolean =>
  mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents;
const isTrustedSender = createSenderCheck(isOwnPage, isOwnContents);

function applySpellcheckLanguage(language: string): void {
  if (process.platform === 'darwin') return; // macOS follows the OS setting
  const pick = pickSpellcheckLanguage(language, session.defaultSession.availableSpellCheckerLanguages);
  if (pick) session.defaultSession.setSpellCheckerLanguages([pick]);
}

/**
 * The contract as the window sees it, plus what the desktop shell does around two calls: the
 * folder an export just wrote may be opened ("Open folder" / "Open site"), and the
 * spellchecker follows the site's language.
 */
function withShellEffects(current: CasebookService): CasebookService {
  return {
    ...current,
    exportWorkspace: async (input, onProgress) => {
      const report = await current.exportWorkspace(input, onProgress);
      grants.grant(report.outDir);
      return report;
    },
    updateSite: async (input) => {
      const site = await current.updateSite(input);
      applySpellcheckLanguage(site.language);
      return site;
    },
  };
}

function sendShellEvent(event: ShellEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(shellChannels.event, event);
}

function createWindow(): void {
  const win = createMainWindow({
    preloadPath,
    location,
    title: windowTitle(service ? path.basename(service.workspace) : ''),
  });
  const barrier = createFlushBarrier(() => {
    if (!win.isDestroyed()) win.webContents.send(shellChannels.event, 'flush-before-close' satisfies ShellEvent);
  });
  let flushed = false;
  // Closing waits for the renderer to save pending edits (or 3 s, if it cannot answer).
  win.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    void barrier.request().then(() => {
      flushed = true;
      if (quitting) app.quit();
      else if (!win.isDestroyed()) win.close();
    });
  });
  win.on('closed', () => {
    if (mainWindow === win) {
      mainWindow = null;
      flush = null;
    }
  });
  mainWindow = win;
  flush = barrier;
}

async function openAndRemember(dir: string): Promise<void> {
  const next = await openWorkspace(dir, gitOptions);
  next.warmUp();
  applySpellcheckLanguage((await next.getSite({})).language);
  const previous = service;
  service = next;
  // Its background reading would compete with the new workspace's; what it read is kept.
  void previous?.close().catch(() => undefined);
  await writeAppSettings(settingsFile(), { ...(await readAppSettings(settingsFile())), workspace: next.workspace });
  mainWindow?.setTitle(windowTitle(path.basename(next.workspace)));
}

async function chooseWorkspace(): Promise<void> {
  const options = {
    title: 'Open workspace',
    buttonLabel: 'Open workspace',
    properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const dir = result.canceled ? undefined : result.filePaths[0];
  if (!dir) return;
  // Edits still pending in the renderer belong to the workspace being left.
  await flush?.request();
  try {
    await openAndRemember(dir);
  } catch (err) {
    dialog.showErrorBox('Could not open workspace', `${dir}\n\n${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  sendShellEvent('workspace-changed');
}

async function openStartupWorkspace(): Promise<void> {
  const defaultDir = path.join(app.getPath('documents'), 'Casebook');
  const dir = await startupWorkspace({
    envOverride: process.env.CASEBOOK_WORKSPACE,
    settings: await readAppSettings(settingsFile()),
    defaultDir,
  });
  try {
    service = await openWorkspace(dir, gitOptions);
  } catch (err) {
    if (dir === defaultDir) throw err;
    dialog.showErrorBox('Could not open workspace', `${dir}\n\nOpening ${defaultDir} instead.`);
    service = await openWorkspace(defaultDir, gitOptions);
  }
  service.warmUp();
  applySpellcheckLanguage((await service.getSite({})).language);
}

async function start(): Promise<void> {
  await app.whenReady();
  installSessionSecurity(session.defaultSession);
  session.defaultSession.protocol.handle(ASSET_SCHEME, (request) =>
    answerAssetRequest(request.url, () => service?.workspace ?? null),
  );
  try {
    await openStartupWorkspace();
  } catch (err) {
    dialog.showErrorBox('Casebook cannot start', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  registerContractHandlers(ipcMain, () => service && withShellEffects(service), isTrustedSender);
  registerShellHandlers(ipcMain, {
    isTrustedSender,
    pickFolder: async (_event, { title, forExport }) => {
      const properties: Array<'openDirectory' | 'createDirectory'> = ['openDirectory', 'createDirectory'];
      const options = { title, buttonLabel: forExport ? 'Export here' : 'Choose', properties };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    grants,
    currentWorkspace: () => service?.workspace ?? null,
    openPath: (target) => shell.openPath(target),
    readyToClose: () => flush?.confirm(),
    gitToken,
    gitIdentity: {
      read: async () => (await readAppSettings(settingsFile())).gitIdentity ?? null,
      // undefined leaves the file (JSON drops it): "forget" removes the entry.
      write: async (identity) =>
        writeAppSettings(settingsFile(), {
          ...(await readAppSettings(settingsFile())),
          gitIdentity: identity ?? undefined,
        }),
    },
  });
  installMenu({
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    appName: app.name,
    actions: {
      newStudy: () => sendShellEvent('new-study'),
      openWorkspace: () => void chooseWorkspace(),
      exportWorkspace: () => sendShellEvent('open-export'),
      showShortcuts: () => sendShellEvent('show-shortcuts'),
      showWorkspaceFolder: () => {
        if (service) void shell.openPath(service.workspace);
      },
    },
  });
  createWindow();
}

// Every webContents (windows, and anything a bug might create) gets the same guards.
app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, isOwnPage, (url) => shell.openExternal(url));
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('before-quit', () => {
    quitting = true;
    // Best effort: a missing or stale cache only makes the next open read more files.
    void service?.flushCaches().catch(() => undefined);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && service && !mainWindow) createWindow();
  });
  void start();
}
