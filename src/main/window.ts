// The main window: locked-down webPreferences, a title naming the workspace, a background
// matching the OS theme (no white flash in dark mode), shown only once it has painted.
import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions } from 'electron';
import { rendererUrl, type RendererLocation } from './app-url';

// Same as --bg in src/renderer/src/styles/base.css, so the first frame matches the page.
export const LIGHT_BACKGROUND = '#fbfaf7';
export const DARK_BACKGROUND = '#1b1d21';

export function windowTitle(workspaceName: string): string {
  return `Casebook — ${workspaceName}`;
}

export function secureWebPreferences(preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
    // Middle-click can open links in new windows in some Electron versions; nothing needs it.
    disableBlinkFeatures: 'Auxclick',
  };
}

export function mainWindowOptions(options: {
  preloadPath: string;
  title: string;
  dark: boolean;
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 760,
    minHeight: 520,
    title: options.title,
    show: false,
    backgroundColor: options.dark ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    webPreferences: secureWebPreferences(options.preloadPath),
  };
}

export function createMainWindow(options: {
  preloadPath: string;
  location: RendererLocation;
  title: string;
}): BrowserWindow {
  const win = new BrowserWindow(
    mainWindowOptions({
      preloadPath: options.preloadPath,
      title: options.title,
      dark: nativeTheme.shouldUseDarkColors,
    }),
  );
  win.once('ready-to-show', () => win.show());
  // The page's own <title> would replace the workspace name; the shell owns the title.
  win.on('page-title-updated', (event) => event.preventDefault());
  if (options.location.kind === 'url') void win.loadURL(rendererUrl(options.location));
  else void win.loadFile(options.location.file);
  return win;
}
