// Browser mode's secret leaves the printed URL on the first load: the address bar, the tab's
// history and the HTML of the editor (image addresses) hold no token, and reloading still works.
import { createStudy, libraryEntry, saveStatus, section } from './casebook-page';
import { solidPng } from './editor-page';
import { expect, test } from './casebook-server';

test('after load the address bar and history hold no token; images are token-free; reload still works', async ({
  page,
  serve,
}) => {
  const printed = await serve();
  const token = new URL(printed).searchParams.get('token')!;
  await page.goto(printed);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(page.url()).not.toContain(token);
  // The token URL was never an entry of this tab's history (the redirect replaced it).
  const historyUrls = () =>
    page.evaluate(() =>
      (window as unknown as { navigation: { entries(): { url: string }[] } }).navigation.entries().map((e) => e.url),
    );
  expect(await historyUrls()).toEqual([page.url()]);

  await createStudy(page, 'Cache stampede');
  const decisions = section(page, 'Decisions');
  await decisions.click();
  await decisions.evaluate(
    (editor, bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'hit-rate.png', { type: 'image/png' }));
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [...solidPng(24, 16, [20, 120, 220])],
  );
  const image = decisions.getByRole('img', { name: 'hit rate' });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  expect(await image.getAttribute('src')).toMatch(/^\/workspace-assets\/[a-f0-9]{64}\.png$/);
  // What a copy of the editor's HTML would carry.
  expect(await decisions.evaluate((editor) => editor.innerHTML)).not.toContain(token);
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.reload();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await libraryEntry(page, 'Cache stampede').click();
  const reloaded = section(page, 'Decisions').getByRole('img', { name: 'hit rate' });
  await expect.poll(() => reloaded.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  expect((await historyUrls()).join(' ')).not.toContain('token');
  // Back leads to where the tab was before the printed address (a blank tab), not to the token.
  await page.goBack();
  expect(page.url()).toBe('about:blank');
});
