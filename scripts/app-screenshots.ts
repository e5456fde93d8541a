// Regenerates docs/screenshots/app-*.png: the writing screen of the app (browser mode, `casebook
// serve`) on the four studies of docs/example — the main screen, a study with Properties open,
// focus mode, and the library drawer on a 390 px phone, light and dark. Run after `npm run
// build`: `npx tsx scripts/app-screenshots.ts`.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { openWorkspace } from '../src/core/node/casebook-service';
import { dispatchingApi } from '../src/core/pure/dispatch';
import { chromiumLaunchOptions } from '../tests/chromium-launch';

const root = path.resolve(import.meta.dirname, '..');
const shots = path.join(root, 'docs', 'screenshots');
const STUDY = 'The Tuesday the checkout queue stood still';

const scratch = await mkdtemp(path.join(tmpdir(), 'casebook-app-shots-'));
process.env.CASEBOOK_STATE_DIR ??= path.join(scratch, 'state');
const workspace = path.join(scratch, 'workspace');
let server: ReturnType<typeof spawn> | undefined;
try {
  const api = dispatchingApi(await openWorkspace(workspace));
  await api.importMarkdown({ paths: [path.join(root, 'docs', 'example')] });
  // The workspace is written before the server opens it.
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/casebook.mjs'), 'serve', '--workspace', workspace, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    },
  );
  server = child;
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m.exec(out);
      if (match) resolve(match[0]);
    });
    child.once('exit', () => reject(new Error(`casebook serve stopped:\n${out}`)));
  });

  await mkdir(shots, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `app-${name}.png`) });
  for (const scheme of ['light', 'dark'] as const) {
    const wide = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: scheme });
    await wide.goto(url);
    await wide.getByRole('list', { name: 'Case studies' }).getByRole('button', { name: STUDY }).click();
    await wide.getByRole('textbox', { name: 'Title', exact: true }).waitFor();
    await shoot(wide, `main-${scheme}`);
    await wide.getByRole('button', { name: 'Properties', exact: true }).click();
    await wide.getByRole('complementary', { name: 'Properties' }).waitFor();
    await shoot(wide, `properties-${scheme}`);
    await wide.keyboard.press('Escape');
    await wide.getByRole('button', { name: 'Focus mode' }).click();
    await wide.getByRole('navigation', { name: 'Library' }).waitFor({ state: 'hidden' });
    await shoot(wide, `focus-${scheme}`);
    await wide.close();

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
    await phone.goto(url);
    await phone.getByRole('button', { name: 'Library' }).click();
    await phone.getByRole('navigation', { name: 'Library' }).waitFor();
    await shoot(phone, `drawer-mobile-${scheme}`);
    await phone.close();
  }
  await browser.close();
  console.log(`Wrote 8 screenshots to ${path.relative(root, shots)}/`);
} finally {
  server?.kill();
  await rm(scratch, { recursive: true, force: true });
}
