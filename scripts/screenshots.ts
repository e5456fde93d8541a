// Regenerates docs/screenshots/: the four studies of docs/example in a fresh workspace, shown
// in the app (browser mode, from the build: run `npm run build` first) and exported as a site
// opened from file:// — light and dark, desktop and a 390 px phone.
// Run: `npx tsx scripts/screenshots.ts` (`--site` or `--app` for one half).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium-launch';
import { appShots } from './screenshots/app-shots';
import { exampleWorkspace } from './screenshots/example-workspace';
import { siteShots } from './screenshots/site-shots';

const root = path.resolve(import.meta.dirname, '..');
const shots = path.join(root, 'docs', 'screenshots');
const only = process.argv.includes('--site') ? 'site' : process.argv.includes('--app') ? 'app' : null;

const scratch = await mkdtemp(path.join(tmpdir(), 'casebook-shots-'));
// Per-user state (the token secret, recent export folders) stays in the scratch folder.
process.env.CASEBOOK_STATE_DIR ??= path.join(scratch, 'state');
try {
  const workspace = path.join(scratch, 'workspace');
  const api = await exampleWorkspace(root, workspace);
  await mkdir(shots, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  let taken = 0;
  if (only !== 'app') taken += await siteShots(api, browser, path.join(scratch, 'site'), shots);
  if (only !== 'site') taken += await appShots(root, workspace, browser, shots);
  await browser.close();
  console.log(`Wrote ${taken} screenshots to ${path.relative(root, shots)}/`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
