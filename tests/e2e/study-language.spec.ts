// Right-to-left and a study's own language: Title, Summary and the sections take the
// direction of what is typed (dir="auto"); the Language field sets the editors' lang and
// is saved; a tag that is not one is refused beside the field.
import { openProperties, openStudy, saveStatus, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

test.beforeEach(async ({ workspace }) => {
  await writeStudyFile(workspace, 'arabic', 'ترحيل قاعدة البيانات');
  await writeStudyFile(workspace, 'other', 'Another study');
});

test('a study in Arabic reads right to left and names its language', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  await openStudy(page, 'ترحيل قاعدة البيانات');
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveAttribute('dir', 'auto');
  await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveAttribute('dir', 'auto');
  await expect(section(page, 'Problem')).toHaveAttribute('dir', 'auto');
  await expect(section(page, 'Problem')).toHaveAttribute('lang', 'en'); // the site's, until told

  await openProperties(page);
  const language = page.getByRole('textbox', { name: 'Language' });
  await language.fill('arabic');
  await expect(language).toHaveAttribute('aria-invalid', 'true');
  await expect(language).toHaveAccessibleDescription(/BCP 47 tag/);
  await language.fill('ar');
  await expect(language).not.toHaveAttribute('aria-invalid', 'true');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect.poll(async () => (await studiesOnDisk(workspace)).find((s) => s.id === 'arabic')?.language).toBe('ar');
  // The editors check spelling in it at once, not only once the study is opened again.
  await expect(section(page, 'Problem')).toHaveAttribute('lang', 'ar');
  await language.fill('');
  await expect(section(page, 'Problem')).toHaveAttribute('lang', 'en');
  await language.fill('ar');
  await expect(saveStatus(page)).toHaveText('Saved');

  // Opened again, the editors check spelling in the study's language.
  await openStudy(page, 'Another study');
  await openStudy(page, 'ترحيل قاعدة البيانات');
  await expect(section(page, 'Problem')).toHaveAttribute('lang', 'ar');
  await openProperties(page);
  await expect(page.getByRole('textbox', { name: 'Language' })).toHaveValue('ar');
});
