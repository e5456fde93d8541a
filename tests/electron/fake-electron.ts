// A recorder standing in for the `electron` module in unit tests (the real binary cannot run
// here): it keeps every handler, listener and option the main process registers so tests
// can call them back as Electron would, and records what the app asks of the OS.
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';

export function createFakeElectron() {
  // Recorded listeners are called back with whatever Electron would pass; typing each one
  // would restate Electron's API, so the recorder stores them loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Listener = (...args: any[]) => any;
  class Emitter {
    private listeners = new Map<string, Listener[]>();
    on(name: string, fn: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Listener): this {
      const wrapped: Listener = (...args) => {
        this.removeListener(name, wrapped);
        fn(...args);
      };
      return this.on(name, wrapped);
    }
    removeListener(name: string, fn: Listener): this {
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((f) => f !== fn),
      );
      return this;
    }
    emit(name: string, ...args: unknown[]): void {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  const state = {
    paths: {} as Record<string, string>,
    appPath: '',
    sandboxEnabled: false,
    singleInstanceLockRequested: false,
    quitCalls: 0,
    ipcHandlers: new Map<string, Listener>(),
    ipcListeners: new Map<string, Listener>(),
    openedExternally: [] as string[],
    openedPaths: [] as string[],
    windows: [] as FakeBrowserWindow[],
    headersListener: null as Listener | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    menu: null as MenuItemConstructorOptions[] | null,
    dialogAnswer: { canceled: true, filePaths: [] as string[] },
    errorBoxes: [] as string[],
    privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    protocolHandlers: new Map<string, Listener>(),
    sessionListeners: new Map<string, Listener>(),
    spellcheckLanguages: [] as string[][],
  };
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    name: 'Casebook',
    getAppPath: () => state.appPath,
    getPath: (name: string) => state.paths[name],
    setPath: (name: string, value: string) => {
      state.paths[name] = value;
    },
    enableSandbox: () => {
      state.sandboxEnabled = true;
    },
    requestSingleInstanceLock: () => {
      state.singleInstanceLockRequested = true;
      return true;
    },
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    quit: () => {
      state.quitCalls++;
    },
    exit: () => undefined,
  });
  class FakeWebContents extends Emitter {
    sent: unknown[][] = [];
    windowOpenHandler: Listener | null = null;
    send(channel: string, ...args: unknown[]): void {
      this.sent.push([channel, ...args]);
    }
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpenHandler = handler;
    }
    isDestroyed(): boolean {
      return false;
    }
  }
  class FakeBrowserWindow extends Emitter {
    webContents = new FakeWebContents();
    loadedFile: string | null = null;
    loadedUrl: string | null = null;
    title: string;
    shown = false;
    focused = false;
    destroyed = false;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      this.title = options.title ?? '';
      state.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string): Promise<void> {
      this.loadedFile = file;
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    setTitle(title: string): void {
      this.title = title;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {
      this.focused = true;
    }
    close(): void {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.destroyed = true;
      this.emit('closed');
    }
  }
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: Listener) => state.ipcHandlers.set(channel, fn),
      on: (channel: string, fn: Listener) => state.ipcListeners.set(channel, fn),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof state.privilegedSchemes) =>
        state.privilegedSchemes.push(...schemes),
    },
    session: {
      defaultSession: {
        protocol: { handle: (scheme: string, fn: Listener) => state.protocolHandlers.set(scheme, fn) },
        on: (name: string, fn: Listener) => state.sessionListeners.set(name, fn),
        availableSpellCheckerLanguages: ['en-US', 'en-GB', 'fr', 'pt-BR'],
        setSpellCheckerLanguages: (languages: string[]) => state.spellcheckLanguages.push(languages),
        webRequest: { onHeadersReceived: (fn: Listener) => (state.headersListener = fn) },
        setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
      },
    },
    shell: {
      openExternal: async (url: string) => {
        state.openedExternally.push(url);
      },
      openPath: async (target: string) => {
        state.openedPaths.push(target);
        return '';
      },
    },
    dialog: {
      showOpenDialog: async () => state.dialogAnswer,
      showErrorBox: (title: string, content: string) => state.errorBoxes.push(`${title}: ${content}`),
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) => (state.menu = menu.template),
    },
    nativeTheme: { shouldUseDarkColors: false },
    // Stands in for the OS keychain: reversible, and never the plain text on disk.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
      decryptString: (encrypted: Buffer) => {
        const text = encrypted.toString();
        if (!text.startsWith('enc:')) throw new Error('not encrypted here');
        return Buffer.from(text.slice(4), 'base64').toString();
      },
    },
  };
  return { state, electron, FakeWebContents, FakeBrowserWindow };
}
