// Proves the Electron main process wiring: locked-down window, CSP, navigation and popup
// refusal, permission denial, one IPC handler per contract method reaching the real core,
// untrusted senders refused, flush-before-close and workspace switching.
// The real Electron binary cannot run here, so the `electron` module is replaced by a
// recorder; everything behind it (core service, workspace on disk) is real.
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames, type ApiResult } from '../../src/core/pure/contract';
import type { Study } from '../../src/core/pure/schemas/study';
import { shellChannels } from '../../src/core/pure/transport';
import { menuTemplate } from '../../src/main/menu';
import { appKeys, menuAccelerator } from '../../src/core/pure/app-keys';

// vi.waitFor gives up after 1 s by default: opening a workspace takes longer on two loaded cores.
const SLOW = { timeout: 20_000, interval: 20 };

const fake = await vi.hoisted(async () => (await import('../electron/fake-electron')).createFakeElectron());

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
let root: string;
let workspace: string;
let win: InstanceType<typeof fake.FakeBrowserWindow>;
let appUrl: string;

/** An IPC event as Electron builds it for a message from our window's top frame. */
interface FakeIpcEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}
function trustedEvent(): FakeIpcEvent {
  return { sender: win.webContents, senderFrame: { url: appUrl, parent: null } };
}
function invoke<T = unknown>(channel: string, input: unknown, event = trustedEvent()): Promise<ApiResult<T>> {
  const handler = state.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, input);
}
async function invokeValue<T>(channel: string, input: unknown): Promise<T> {
  const answer = await invoke<T>(channel, input);
  if (!answer.ok) throw new Error(`${channel} failed: ${answer.error.message}`);
  return answer.value;
}
function menuItem(label: string): MenuItemConstructorOptions & { click: () => void } {
  for (const top of state.menu ?? []) {
    for (const item of (top.submenu as MenuItemConstructorOptions[] | undefined) ?? []) {
      if (item.label === label) return item as MenuItemConstructorOptions & { click: () => void };
    }
  }
  throw new Error(`menu item ${label} not found`);
}
const sentEvents = (): unknown[] =>
  win.webContents.sent.filter((m: unknown[]) => m[0] === shellChannels.event).map((m: unknown[]) => m[1]);

beforeAll(async () => {
  root = await fsp.mkdtemp(path.join(os.tmpdir(), 'casebook-electron-'));
  workspace = path.join(root, 'Team Notes');
  state.appPath = path.resolve('.');
  state.paths.documents = path.join(root, 'Documents');
  state.paths.userData = path.join(root, 'should-be-replaced');
  process.env.CASEBOOK_WORKSPACE = workspace;
  process.env.CASEBOOK_USER_DATA_DIR = path.join(root, 'userData');
  delete process.env.ELECTRON_RENDERER_URL;
  await import('../../src/main/index');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), SLOW);
  win = state.windows[0];
  appUrl = pathToFileURL(win.loadedFile!).href;
});

afterAll(async () => {
  delete process.env.CASEBOOK_WORKSPACE;
  delete process.env.CASEBOOK_USER_DATA_DIR;
  await fsp.rm(root, { recursive: true, force: true });
});

describe('main window', () => {
  it('is sandboxed, isolated and has no Node integration', () => {
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe(path.resolve('out/preload/index.cjs'));
    expect(state.sandboxEnabled).toBe(true);
    expect(state.singleInstanceLockRequested).toBe(true);
  });

  it('loads the built renderer, names the workspace in its title and shows once painted', () => {
    expect(win.loadedFile).toBe(path.resolve('out/renderer/index.html'));
    expect(win.title).toBe('Casebook — Team Notes');
    expect(win.options.minWidth).toBeGreaterThan(0);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('creates the workspace folder named by CASEBOOK_WORKSPACE and keeps settings in the chosen userData', async () => {
    expect((await fsp.stat(path.join(workspace, 'studies'))).isDirectory()).toBe(true);
    expect(state.paths.userData).toBe(path.join(root, 'userData'));
  });

  it('focuses the first window when a second instance starts', () => {
    fake.electron.app.emit('second-instance');
    expect(win.focused).toBe(true);
  });
});

describe('security policy', () => {
  it('sets the same strict CSP header as the page meta tag on responses', async () => {
    const answer = await new Promise<{ responseHeaders: Record<string, string[]> }>((resolve) =>
      state.headersListener!({ url: appUrl, responseHeaders: { 'Content-Type': ['text/html'] } }, resolve),
    );
    const csp: string[] = answer.responseHeaders['Content-Security-Policy'];
    expect(csp).toHaveLength(1);
    expect(csp[0]).toContain("script-src 'self'");
    expect(csp[0]).toContain("object-src 'none'");
    expect(csp[0]).not.toContain('unsafe-eval');
    expect(answer.responseHeaders['Content-Type']).toEqual(['text/html']);
    const html = await fsp.readFile('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp[0]).toBe(meta);
  });

  it('blocks navigation away from the app and hands web links to the browser', () => {
    const navigate = (url: string): boolean => {
      let prevented = false;
      win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://attacker.example/phish')).toBe(true);
    expect(navigate(pathToFileURL(path.resolve('README.md')).href)).toBe(true);
    expect(navigate(`${appUrl}#/study/abc`)).toBe(false);
    expect(state.openedExternally).toContain('https://attacker.example/phish');
    const redirect = (url: string): boolean => {
      let prevented = false;
      win.webContents.emit('will-redirect', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(redirect('https://attacker.example/elsewhere')).toBe(true);
  });

  it('spellchecks in the site language', async () => {
    if (process.platform === 'darwin') return; // macOS follows the OS setting
    expect(state.spellcheckLanguages.at(-1)).toEqual(['en-US']);
    await invokeValue('casebook:updateSite', { patch: { language: 'pt-BR' } });
    expect(state.spellcheckLanguages.at(-1)).toEqual(['pt-BR']);
    await invokeValue('casebook:updateSite', { patch: { language: 'fr-CA' } });
    expect(state.spellcheckLanguages.at(-1)).toEqual(['fr']);
    await invokeValue('casebook:updateSite', { patch: { language: 'en' } });
  });

  it('lets frames show only inline documents and refuses downloads', () => {
    const frameNavigate = (url: string, isMainFrame = false): boolean => {
      let prevented = false;
      win.webContents.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(frameNavigate('about:srcdoc')).toBe(false);
    expect(frameNavigate('https://attacker.example/')).toBe(true);
    expect(frameNavigate(pathToFileURL(path.resolve('README.md')).href)).toBe(true);
    let downloadPrevented = false;
    state.sessionListeners.get('will-download')!({ preventDefault: () => (downloadPrevented = true) });
    expect(downloadPrevented).toBe(true);
    expect(win.options.webPreferences?.disableBlinkFeatures).toBe('Auxclick');
  });

  it('denies every window.open and opens only http(s) and mailto externally', () => {
    state.openedExternally.length = 0;
    const allowed = ['https://example.com/post', 'http://example.com/', 'mailto:someone@example.com'];
    const refused = [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'smb://attacker.example/share',
      'ms-msdt:/id PCWDiagnostic',
      'not a url',
    ];
    for (const url of [...allowed, ...refused]) {
      expect(win.webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(state.openedExternally).toEqual(allowed);
  });

  it('refuses webview attachment', () => {
    let prevented = false;
    win.webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      state.permissionRequest!(win.webContents, permission, (answer: boolean) => (granted = answer));
      expect(granted).toBe(false);
      expect(state.permissionCheck!(win.webContents, permission, 'file://')).toBe(false);
    }
  });
});

describe('image protocol', () => {
  it('serves workspace images by content hash and nothing else', async () => {
    expect(state.privilegedSchemes.map((s) => s.scheme)).toEqual(['casebook-asset']);
    const handle = state.protocolHandlers.get('casebook-asset');
    expect(handle).toBeDefined();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const saved = await invokeValue<{ src: string }>('casebook:saveAsset', {
      fileName: 'diagram.png',
      mediaType: 'image/png',
      dataBase64: png.toString('base64'),
    });
    const name = saved.src.replace('assets/', '');
    const answer = (await handle!({ url: `casebook-asset://asset/${name}` })) as Response;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await answer.arrayBuffer()).equals(png)).toBe(true);
    for (const escape of [
      'casebook-asset://asset/..%2f..%2fcasebook.json',
      'casebook-asset://asset/../casebook.json',
      `casebook-asset://other/${name}`,
      'casebook-asset://asset/%2Fetc%2Fpasswd',
    ]) {
      expect(((await handle!({ url: escape })) as Response).status).toBe(404);
    }
  });
});

describe('IPC transport', () => {
  it('registers exactly one handler per contract method', () => {
    const contractChannels = [...state.ipcHandlers.keys()].filter((c) => c.startsWith('casebook:'));
    expect(contractChannels.sort()).toEqual(methodNames.map(ipcChannel).sort());
  });

  it('refuses calls from other webContents, foreign pages and subframes', async () => {
    const otherContents = new fake.FakeWebContents();
    const untrusted = [
      { sender: otherContents, senderFrame: { url: appUrl, parent: null } },
      { sender: win.webContents, senderFrame: { url: 'https://attacker.example/', parent: null } },
      { sender: win.webContents, senderFrame: { url: appUrl, parent: {} } },
      { sender: win.webContents, senderFrame: null },
    ];
    for (const event of untrusted) {
      const answer = await invoke(ipcChannel('createStudy'), { title: 'Injected' }, event);
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await invoke(ipcChannel('listStudies'), {})).toEqual({ ok: true, value: [] });
  });

  it('answers bad input with invalid_input and passes good input to the core', async () => {
    const bad = await invoke(ipcChannel('createStudy'), { title: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const good = await invokeValue<Study>(ipcChannel('createStudy'), { title: 'Cache stampede at launch' });
    expect(good.title).toBe('Cache stampede at launch');
    const onDisk = JSON.parse(await fsp.readFile(path.join(workspace, 'studies', `${good.id}.json`), 'utf8'));
    expect(onDisk.title).toBe('Cache stampede at launch');
    const list = await invokeValue<Study[]>(ipcChannel('listStudies'), {});
    expect(list.map((s) => s.title)).toEqual(['Cache stampede at launch']);
  });
});

describe('git token (Sync settings)', () => {
  it('keeps the token encrypted in userData, never in the workspace, and tells the window only that one is kept', async () => {
    const token = 'ghp_secretTokenValue123';
    expect(await invokeValue(shellChannels.gitTokenState, {})).toEqual({ stored: false, canEncrypt: true });
    // Without an https remote there is no server to keep it for: refused, nothing written.
    expect((await invoke(shellChannels.setGitToken, { token })).ok).toBe(false);
    expect((await invoke(shellChannels.setGitToken, { token, remote: 'http://git.example.com/t.git' })).ok).toBe(false);
    expect(await invokeValue(shellChannels.gitTokenState, {})).toEqual({ stored: false, canEncrypt: true });
    await invokeValue(shellChannels.setGitToken, { token, remote: 'https://git.example.com/team/cases.git' });
    const kept = await fsp.readFile(path.join(root, 'userData', 'git-token.bin'));
    expect(kept.toString()).not.toContain(token);
    expect(await invokeValue(shellChannels.gitTokenState, {})).toEqual({ stored: true, canEncrypt: true });
    const inWorkspace = await fsp.readdir(workspace, { recursive: true });
    expect(inWorkspace.some((name) => String(name).includes('token'))).toBe(false);

    // A page that is not ours can neither set nor learn about it.
    const foreign = { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(
      (await invoke(shellChannels.setGitToken, { token: 'x', remote: 'https://a.example/x.git' }, foreign)).ok,
    ).toBe(false);
    // A refused value is not echoed back in the message.
    const refused = await invoke(shellChannels.setGitToken, { token: '' });
    expect(refused.ok).toBe(false);

    await invokeValue(shellChannels.setGitToken, { token: null });
    expect(await invokeValue(shellChannels.gitTokenState, {})).toEqual({ stored: false, canEncrypt: true });
  });
});

describe('git author (Sync settings)', () => {
  it('keeps the author for commits in the app settings, refusing an address that is not one', async () => {
    expect(await invokeValue(shellChannels.gitIdentity, {})).toBeNull();
    const refused = await invoke(shellChannels.setGitIdentity, { identity: { name: 'Ana', email: 'not-an-address' } });
    expect(refused.ok).toBe(false);
    await invokeValue(shellChannels.setGitIdentity, { identity: { name: 'Ana Author', email: 'ana@example.com' } });
    expect(await invokeValue(shellChannels.gitIdentity, {})).toEqual({ name: 'Ana Author', email: 'ana@example.com' });
    const settings = JSON.parse(await fsp.readFile(path.join(root, 'userData', 'settings.json'), 'utf8'));
    expect(settings.gitIdentity).toEqual({ name: 'Ana Author', email: 'ana@example.com' });
    await invokeValue(shellChannels.setGitIdentity, { identity: null });
    expect(await invokeValue(shellChannels.gitIdentity, {})).toBeNull();
  });
});

describe('menu', () => {
  it('sends shell events for New case study, Export… and Keyboard shortcuts', () => {
    expect(menuItem('New case study').accelerator).toBe('CmdOrCtrl+N');
    // Not Ctrl+E: in a section that is Inline code, which the menu's key would take over.
    expect(menuItem('Export…').accelerator).toBe('CmdOrCtrl+Shift+E');
    expect(menuItem('Keyboard shortcuts').accelerator).toBe('CmdOrCtrl+/');
    menuItem('New case study').click();
    menuItem('Export…').click();
    menuItem('Keyboard shortcuts').click();
    expect(sentEvents()).toEqual(['new-study', 'open-export', 'show-shortcuts']);
  });

  it('takes every accelerator from the app key table, so none can clash with an editor key', () => {
    const accelerators = (state.menu ?? []).flatMap((top) =>
      ((top.submenu as MenuItemConstructorOptions[] | undefined) ?? []).flatMap((item) =>
        item.accelerator ? [item.accelerator] : [],
      ),
    );
    expect(accelerators).toHaveLength(4);
    const fromTable = Object.values(appKeys).map(menuAccelerator);
    for (const accelerator of accelerators) expect(fromTable).toContain(accelerator);
    expect(menuAccelerator('Mod-Alt-Shift-x')).toBe('CmdOrCtrl+Alt+Shift+X');
    expect(() => menuAccelerator('Hyper-x')).toThrow(/Unknown modifier "Hyper"/);
  });

  it('offers reload and DevTools only in development builds', () => {
    const actions = {
      newStudy() {},
      openWorkspace() {},
      exportWorkspace() {},
      showWorkspaceFolder() {},
      showShortcuts() {},
    };
    const labels = (isPackaged: boolean): unknown[] =>
      menuTemplate({ isMac: false, isPackaged, appName: 'Casebook', actions }).map((m) => m.label);
    expect(state.menu!.map((m) => m.label)).toContain('View');
    expect(labels(true)).not.toContain('View');
    expect(labels(true)).toEqual(expect.arrayContaining(['File', 'Edit']));
    const edit = menuTemplate({ isMac: false, isPackaged: true, appName: 'Casebook', actions }).find(
      (m) => m.label === 'Edit',
    );
    expect((edit!.submenu as Array<{ role?: string }>).map((i) => i.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });
});

describe('shell helpers', () => {
  it('lets the renderer open the folder and site an export just wrote', async () => {
    const site = path.join(await fsp.mkdtemp(path.join(root, 'export-')), 'site');
    expect(await invoke(shellChannels.openPath, site)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await invokeValue('casebook:exportWorkspace', { format: 'site', outDir: site, drafts: true, allowErrors: true });
    expect(await invoke(shellChannels.openPath, site)).toEqual({ ok: true, value: null });
    expect(await invoke(shellChannels.openPath, path.join(site, 'index.html'))).toEqual({ ok: true, value: null });
    expect(state.openedPaths).toEqual([await fsp.realpath(site), await fsp.realpath(path.join(site, 'index.html'))]);
    state.openedPaths.length = 0;
  });

  it('opens only folders and documents inside the workspace or a folder the user chose', async () => {
    await fsp.writeFile(path.join(workspace, 'run-me.sh'), '#!/bin/sh\n');
    const elsewhere = await fsp.mkdtemp(path.join(root, 'elsewhere-'));

    expect(await invoke(shellChannels.openPath, path.join(workspace, 'studies'))).toEqual({ ok: true, value: null });
    expect(await invoke(shellChannels.openPath, path.join(workspace, 'run-me.sh'))).toMatchObject({ ok: false });
    expect(await invoke(shellChannels.openPath, elsewhere)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(shellChannels.openPath, 'studies')).toMatchObject({ ok: false });
    expect(await invoke(shellChannels.openPath, path.join(workspace, '..', path.basename(elsewhere)))).toMatchObject({
      ok: false,
    });

    state.dialogAnswer = { canceled: false, filePaths: [elsewhere] };
    expect(await invoke(shellChannels.chooseFolder, { title: 'Export to', forExport: true })).toEqual({
      ok: true,
      value: elsewhere,
    });
    expect(await invoke(shellChannels.openPath, elsewhere)).toEqual({ ok: true, value: null });
    expect(state.openedPaths).toEqual([
      await fsp.realpath(path.join(workspace, 'studies')),
      await fsp.realpath(elsewhere),
    ]);
  });

  it('switches workspace from the menu after a flush, remembers it and tells the renderer', async () => {
    const next = path.join(root, 'Second Workspace');
    await fsp.mkdir(next);
    state.dialogAnswer = { canceled: false, filePaths: [next] };
    win.webContents.sent.length = 0;
    menuItem('Open workspace…').click();
    await vi.waitFor(() => expect(sentEvents()).toEqual(['flush-before-close']), SLOW);
    state.ipcListeners.get(shellChannels.readyToClose)!(trustedEvent());
    await vi.waitFor(() => expect(sentEvents()).toEqual(['flush-before-close', 'workspace-changed']), SLOW);

    expect(win.title).toBe('Casebook — Second Workspace');
    const settings = JSON.parse(await fsp.readFile(path.join(root, 'userData', 'settings.json'), 'utf8'));
    expect(settings).toEqual({ workspace: next });
    expect(await invoke(ipcChannel('listStudies'), {})).toEqual({ ok: true, value: [] });
    expect((await invokeValue<{ path: string }>(ipcChannel('getWorkspaceInfo'), {})).path).toBe(next);
  });

  it('keeps the window open until the renderer has flushed its edits', async () => {
    win.webContents.sent.length = 0;
    win.close();
    expect(win.destroyed).toBe(false);
    expect(sentEvents()).toEqual(['flush-before-close']);
    // A readyToClose from a foreign page must not close the window.
    state.ipcListeners.get(shellChannels.readyToClose)!({
      sender: win.webContents,
      senderFrame: { url: 'https://attacker.example/', parent: null },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(win.destroyed).toBe(false);
    state.ipcListeners.get(shellChannels.readyToClose)!(trustedEvent());
    await vi.waitFor(() => expect(win.destroyed).toBe(true), SLOW);
  });
});

describe('the kept git token goes only to its own server', () => {
  it('is given for its origin and refused for any other, even when the workspace names it', async () => {
    const { createGitTokenStore, gitCredentials } = await import('../../src/main/git-token-store');
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'casebook-token-'));
    try {
      // A reversible stand-in for the OS keychain: what is checked here is which server gets the token.
      const encryptor = {
        isEncryptionAvailable: () => true,
        encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
        decryptString: (bytes: Buffer) => Buffer.from(bytes).reverse().toString('utf8'),
      };
      const store = createGitTokenStore(() => dir, encryptor);
      await store.set('ghp_team', 'https://git.example.com/team/cases.git');
      const credentials = gitCredentials(store);
      expect(await credentials('https://git.example.com/other/repo.git')).toEqual({ token: 'ghp_team' });
      expect(await credentials('https://attacker.example/team/cases.git')).toBeNull();
      expect(await credentials('http://git.example.com/team/cases.git')).toBeNull();
      expect(await credentials('https://git.example.com:8443/team/cases.git')).toBeNull();
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});
