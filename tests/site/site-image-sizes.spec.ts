// Images on a study page in the browser: a photo's place is reserved at the size the browser
// shows it, before it loads — including a phone photo whose EXIF orientation turns it a
// quarter (a real JPEG, encoded by Chromium, with the tag added) — and once loaded the box has
// the picture's own proportions, never stretched.
import { createHash } from 'node:crypto';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium-launch';
import { exportSite, serveFolder } from './exported-site';
import { doc, makeStudy, sampleSite } from './sample-site';

/** An APP1 EXIF segment (big-endian TIFF) holding only the orientation. */
function exifSegment(orientation: number): number[] {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = [...'Exif'].map((c) => c.charCodeAt(0)).concat([0, 0], tiff);
  return [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
}

test('a photo keeps its shown proportions, before and after it loads, turned by its EXIF or not', async () => {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    // A 300×200 JPEG drawn and encoded by the browser itself.
    const base64 = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 300;
      canvas.height = 200;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#2a6';
      g.fillRect(0, 0, 300, 200);
      return canvas.toDataURL('image/jpeg').split(',')[1]!;
    });
    const plain = Buffer.from(base64, 'base64');
    const turned = Buffer.concat([plain.subarray(0, 2), Buffer.from(exifSegment(6)), plain.subarray(2)]);
    const stored = new Map<string, Uint8Array>();
    const store = (bytes: Buffer) => {
      const src = `assets/${createHash('sha256').update(bytes).digest('hex')}.jpg`;
      stored.set(src, new Uint8Array(bytes));
      return src;
    };
    const study = makeStudy({
      title: 'Photos',
      slug: 'photos',
      status: 'published',
      problem: doc(
        { type: 'image', attrs: { src: store(plain), alt: 'Plain photo' } },
        { type: 'image', attrs: { src: store(turned), alt: 'Turned photo' } },
      ),
    });
    const site = await exportSite(sampleSite(), [study], (src) => stored.get(src) ?? null);
    const server = await serveFolder(site.dir);
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}photos/index.html`);
      for (const [name, width, height] of [
        ['Plain photo', 300, 200],
        ['Turned photo', 200, 300],
      ] as const) {
        const image = page.getByRole('img', { name });
        await expect(image).toHaveAttribute('width', String(width));
        await expect(image).toHaveAttribute('height', String(height));
        await image.scrollIntoViewIfNeeded();
        await expect
          .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
          .toBe(width);
        const shown = await image.evaluate((img: HTMLImageElement) => ({
          natural: img.naturalWidth / img.naturalHeight,
          box: img.getBoundingClientRect().width / img.getBoundingClientRect().height,
        }));
        expect(shown.box).toBeCloseTo(shown.natural, 2);
      }
    } finally {
      await server.close();
      await site.remove();
    }
  } finally {
    await browser.close();
  }
});
