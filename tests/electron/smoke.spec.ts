// Desktop smoke test: the built app starts, shows the library, and a new case study created
// through the real preload bridge and IPC lands in the list and on disk.
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, SKIP_REASON } from './electron-binary';

const executablePath = electronBinary();

test('the desktop app opens a workspace and creates a case study', async () => {
  if (!executablePath) console.log(`[casebook] ${SKIP_REASON}`);
  test.skip(!executablePath, SKIP_REASON);

  const built = path.resolve('out/main/index.js');
  await expect(fsp.access(built), 'run `npm run build` before the Electron smoke test').resolves.toBeUndefined();

  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'casebook-smoke-'));
  const workspace = path.join(root, 'Smoke Workspace');
  // Chromium refuses to start as root without this; CI containers run as root.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: executablePath!,
    args: ['.', ...rootArgs],
    env: { ...process.env, CASEBOOK_WORKSPACE: workspace, CASEBOOK_USER_DATA_DIR: path.join(root, 'userData') },
  });
  try {
    const window = await app.firstWindow();
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
      .toBe('Casebook — Smoke Workspace');
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');

    await window.getByRole('button', { name: 'New case study' }).click();
    const title = window.getByRole('textbox', { name: 'Title', exact: true });
    await expect(title).toBeFocused();
    await title.fill('Smoke test study');
    const library = window.getByRole('list', { name: 'Case studies' });
    await expect(library.getByRole('button', { name: 'Smoke test study', exact: true })).toBeVisible();

    // The edit reached the core through IPC: the study file on disk carries the title.
    await expect
      .poll(async () => {
        const names = await fsp.readdir(path.join(workspace, 'studies')).catch(() => []);
        const studies = await Promise.all(
          names
            .filter((n) => n.endsWith('.json'))
            .map(async (n) => JSON.parse(await fsp.readFile(path.join(workspace, 'studies', n), 'utf8'))),
        );
        return studies.map((s: { title: string }) => s.title);
      })
      .toEqual(['Smoke test study']);
  } finally {
    await app.close();
    await fsp.rm(root, { recursive: true, force: true });
  }
});
