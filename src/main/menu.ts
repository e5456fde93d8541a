// The application menu. The template is built by a plain function so tests can read it;
// actions arrive as callbacks so the menu knows nothing about workspaces or windows. Its keys
// come from the one table of app keys (core/pure/app-keys.ts), never written here.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { appKeys, menuAccelerator } from '../core/pure/app-keys';

export interface MenuActions {
  newStudy(): void;
  openWorkspace(): void;
  exportWorkspace(): void;
  showWorkspaceFolder(): void;
  showShortcuts(): void;
}

export function menuTemplate(options: {
  isMac: boolean;
  isPackaged: boolean;
  appName: string;
  actions: MenuActions;
}): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, appName, actions } = options;
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: 'File',
    submenu: [
      { label: 'New case study', accelerator: menuAccelerator(appKeys.newStudy), click: () => actions.newStudy() },
      {
        label: 'Open workspace…',
        accelerator: menuAccelerator(appKeys.openWorkspace),
        click: () => actions.openWorkspace(),
      },
      {
        label: 'Export…',
        accelerator: menuAccelerator(appKeys.exportWorkspace),
        click: () => actions.exportWorkspace(),
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });

  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });

  // Reload and DevTools are for developing Casebook; a shipped app does not offer them.
  if (!isPackaged) {
    template.push({
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }

  template.push({ role: 'windowMenu' });

  template.push({
    role: 'help',
    submenu: [
      {
        label: 'Keyboard shortcuts',
        accelerator: menuAccelerator(appKeys.shortcuts),
        click: () => actions.showShortcuts(),
      },
      { label: 'Show workspace folder', click: () => actions.showWorkspaceFolder() },
      ...(isMac ? [] : [{ role: 'about' } as MenuItemConstructorOptions]),
    ],
  });

  return template;
}

export function installMenu(options: Parameters<typeof menuTemplate>[0]): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
