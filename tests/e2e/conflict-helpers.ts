// Another writer changing a study file while the app's save is on its way (a git pull, a sync
// tool, another window), for the conflict specs.
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { RichTextDoc } from '../../src/core/pure/schemas/rich-text';
import type { Study } from '../../src/core/pure/schemas/study';

export const paragraph = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** Rewrites the study file as another program would, with a newer updatedAt. */
export async function changeOnDisk(file: string, change: Partial<Study>): Promise<void> {
  const study = JSON.parse(await readFile(file, 'utf8')) as Study;
  const updatedAt = new Date(Date.parse(study.updatedAt) + 60_000).toISOString();
  await writeFile(file, `${JSON.stringify({ ...study, ...change, updatedAt }, null, 2)}\n`);
}

/** Holds the next save on its way until the file has been changed on disk, then lets it through. */
export async function saveArrivesAfter(
  page: Page,
  typeIt: () => Promise<void>,
  change: () => Promise<void>,
): Promise<void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    '**/api/updateStudy',
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/updateStudy'));
  await typeIt();
  await sent;
  await change();
  release();
}
