// docs/screenshots/app-*.png: the Casebook window in browser mode (`casebook serve` on the
// example workspace, from the build) — the main screen, a study with its properties open,
// focus mode, and on a phone the library drawer.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { VIEWS, type View } from './views';

const STUDY = 'The Tuesday the checkout queue stood still';

interface Shot {
  name: string;
  /** Only on a phone (the drawer) or only on a desktop (panels beside the text). */
  only?: 'mobile' | 'desktop';
  arrange: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: 'main', arrange: async () => {} },
  {
    name: 'properties',
    arrange: async (page) => {
      await page.getByRole('button', { name: 'Properties', exact: true }).click();
      await page.getByRole('complementary', { name: 'Properties' }).waitFor();
    },
  },
  {
    name: 'focus',
    only: 'desktop',
    arrange: async (page) => {
      await page.getByRole('button', { name: 'Focus mode' }).click();
      await page.getByRole('navigation', { name: 'Library' }).waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'drawer',
    only: 'mobile',
    arrange: async (page) => {
      await page.getByRole('button', { name: 'Library' }).click();
      await page.getByRole('navigation', { name: 'Library' }).waitFor();
    },
  },
];

export async function appShots(root: string, workspace: string, browser: Browser, shots: string): Promise<number> {
  const server = spawn(
    process.execPath,
    [path.join(root, 'bin/casebook.mjs'), 'serve', '--workspace', workspace, '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let taken = 0;
  try {
    const url = await printedUrl(server);
    for (const view of VIEWS) {
      for (const shot of SHOTS) {
        const mobile = view.width < 760;
        if (shot.only === (mobile ? 'desktop' : 'mobile')) continue;
        const page = await openAt(browser, url, view);
        await shot.arrange(page);
        await page.screenshot({ path: path.join(shots, `app-${shot.name}-${view.suffix}.png`) });
        await page.close();
        taken++;
      }
    }
  } finally {
    server.kill('SIGTERM');
  }
  return taken;
}

async function openAt(browser: Browser, url: string, view: View): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: view.width, height: view.height },
    colorScheme: view.scheme,
  });
  await page.goto(url);
  // On a phone the study opens from the drawer, which closes on the choice.
  if (view.width < 760) await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('list', { name: 'Case studies' }).getByRole('button', { name: STUDY }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).waitFor();
  return page;
}

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m.exec(out);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`casebook serve exited (${code}) before printing its URL.\n${out}`)));
  });
}
