// Tables: rows and columns added and removed, the header row switched off and on, and a column
// widened by dragging its border; the study file keeps the shape and the width.
import { createStudy, saveStatus, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { chooseFromMore, tableButton } from './editor-page';

test('a table grows, shrinks, loses and regains its header row, and a column is resized by dragging', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Table Study');
  const decisions = section(page, 'Decisions');
  await decisions.click();
  await chooseFromMore(page, 'Table');
  const table = decisions.getByRole('table');
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);

  await tableButton(page, 'Add row').click();
  await tableButton(page, 'Add column').click();
  await expect(rows).toHaveCount(4);
  await expect(rows.first().getByRole('columnheader')).toHaveCount(4);
  await page.keyboard.press('ArrowDown'); // from the header row into the row just added
  await page.keyboard.type('gone');
  await tableButton(page, 'Delete row').click();
  await expect(rows).toHaveCount(3);
  await expect(table).not.toContainText('gone');
  await expect(rows.first().getByRole('columnheader')).toHaveCount(4);

  await tableButton(page, 'Header row').click();
  await expect(table.getByRole('columnheader')).toHaveCount(0);
  await tableButton(page, 'Header row').click();
  await expect(table.getByRole('columnheader')).toHaveCount(4);

  // Drag the right border of the first column 120 px to the right.
  const firstCell = rows.first().getByRole('columnheader').first();
  const before = (await firstCell.boundingBox())!;
  const edgeX = before.x + before.width - 1;
  const y = before.y + before.height / 2;
  await page.mouse.move(edgeX - 10, y);
  await page.mouse.move(edgeX, y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(edgeX + 120, y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await firstCell.boundingBox())!.width).toBeGreaterThan(before.width + 80);

  await expect(saveStatus(page)).toHaveText('Saved');
  const [study] = await studiesOnDisk(workspace);
  const stored = study!.decisions.content!.find((n) => n.type === 'table')!;
  expect(stored.content).toHaveLength(3);
  const header = stored.content![0]!.content!;
  expect(header.map((c) => c.type)).toEqual(['tableHeader', 'tableHeader', 'tableHeader', 'tableHeader']);
  const width = (header[0]!.attrs?.colwidth as number[] | null)?.[0] ?? 0;
  expect(width).toBeGreaterThan(before.width + 80);

  await tableButton(page, 'Delete table').click();
  await expect(table).toHaveCount(0);
});
