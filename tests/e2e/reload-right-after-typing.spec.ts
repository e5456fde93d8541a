// Closing or reloading the page right after typing (before the autosave delay) keeps the text:
// pending edits leave with the page as a keepalive request.
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import { createStudy, openStudy, saveStatus, section, typeInSection } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';

test('text typed just before a reload is on disk and back in the editor after it', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Hasty');
  await expect(saveStatus(page)).toHaveText('Saved');

  await typeInSection(page, 'Tradeoffs', 'Typed, then reloaded at once');
  await expect(saveStatus(page)).toHaveText('Saving…');
  await page.reload();

  await expect
    .poll(async () => docToPlainText((await studiesOnDisk(workspace))[0]!.tradeoffs))
    .toBe('Typed, then reloaded at once');
  await openStudy(page, 'Hasty');
  await expect(section(page, 'Tradeoffs')).toHaveText('Typed, then reloaded at once');
});
