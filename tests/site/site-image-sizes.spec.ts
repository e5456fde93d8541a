// Images on a study page in the browser: a photo's place is reserved at the size the browser
// shows it, before it loads — including a phone photo whose EXIF orientation turns it a
// quarter (a real JPEG, encoded by Chromium, with the tag added) — and once loaded the box has
// the picture's own proportions, never stretched. The header's logo likewise: its box is as
// wide before it loads as after, at the header's height.
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

test('the header logo takes its own width before it loads, and keeps it once loaded', async () => {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    // A 400×100 PNG drawn and encoded by the browser itself.
    const base64 = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = 100;
      canvas.getContext('2d')!.fillRect(0, 0, 400, 100);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
    const hash = createHash('sha256').update(bytes).digest('hex');
    const logo = `assets/${hash}.png`;
    const study = makeStudy({ title: 'Logo', slug: 'logo', status: 'published' });
    const site = await exportSite(sampleSite({ logo }), [study], (src) => (src === logo ? bytes : null));
    // The logo's request is held until its box has been measured: the page as it first lays out.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = await serveFolder(site.dir);
    try {
      await page.route(`**/assets/img/${hash}.png`, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${server.url}logo/index.html`, { waitUntil: 'domcontentloaded' });
      const image = page.locator('.site-logo');
      const box = () =>
        image.evaluate((img: HTMLImageElement) => ({
          loaded: img.complete && img.naturalWidth > 0,
          width: img.getBoundingClientRect().width,
          height: img.getBoundingClientRect().height,
        }));
      expect(await box()).toEqual({ loaded: false, width: 128, height: 32 });
      release();
      await expect.poll(async () => (await box()).loaded).toBe(true);
      expect(await box()).toEqual({ loaded: true, width: 128, height: 32 });
    } finally {
      release();
      await server.close();
      await site.remove();
    }
  } finally {
    await browser.close();
  }
});
