// After one edit, the social cards of the pages an incremental export knows to be on disk are
// handed to the writer as recorded (site-export-cards.ts): neither read from the card cache
// nor drawn again, yet kept in the cache; a card changed in the output folder since is found.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardRenderStats } from '../../../src/core/node/export/site-card-render';
import { localSecret, signedText, verifiedBody } from '../../../src/core/node/local-secret';
import { RENDER_CACHE_DIR } from '../../../src/core/node/export/site-render-cache';
import type { Study } from '../../../src/core/pure/schemas/study';
import { exportSite, expectAsFull, saveStudy, workspaceWith } from '../../helpers/incremental-export';
import { sampleStudy } from '../../helpers/study-files';
import { withTempDir } from '../../helpers/temp-dir';

const published = (n: number, overrides: Partial<Study> = {}) =>
  sampleStudy(n, { status: 'published', categories: [`Area ${n % 2}`], ...overrides });
const twelve = () => Array.from({ length: 12 }, (_, i) => published(i + 1));
const options = { allowErrors: true };
const cardsIn = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.png'));
const editSix = (ws: string) => saveStudy(ws, published(6, { summary: 'A new summary' }));

/**
 * The cached cards become noise of their own size (the signed index stays): a card read now
 * fails its hash and is drawn again, so every card not kept unread is counted as drawn.
 */
async function spoilCachedCards(cache: string): Promise<void> {
  for (const file of await cardsIn(cache)) {
    const { size } = await stat(path.join(cache, file));
    await writeFile(path.join(cache, file), Buffer.alloc(size, 7));
  }
}

/** Twelve published studies exported once into `out`; `cache`: their card cache. */
async function exportedTwelve(dir: string) {
  const ws = await workspaceWith(dir, twelve());
  const out = path.join(dir, 'out');
  await exportSite(ws, out, options);
  return { ws, out, cache: path.join(ws, RENDER_CACHE_DIR, 'social-cards') };
}

describe('social cards in an incremental site export', () => {
  it('after one edit, draws only the edited study’s card, reads no other study’s card, and keeps them all', () =>
    withTempDir(async (dir) => {
      const { ws, out, cache } = await exportedTwelve(dir);
      await spoilCachedCards(cache);
      await editSix(ws);
      const drawnBefore = cardRenderStats.renders;
      await exportSite(ws, out, options);
      // The edited study's card, and the cards every export reads: the index page's and the two categories'.
      expect(cardRenderStats.renders - drawnBefore).toBe(4);
      // The eleven unchanged studies' cards are still in the cache's index (kept, not dropped):
      // a full export into a new folder reads each of them, and finds it damaged.
      const full = path.join(dir, 'full');
      const drawnForFull = cardRenderStats.renders;
      await expectAsFull(ws, full, dir, options);
      expect(cardRenderStats.renders - drawnForFull).toBe(11);
    }));

  it('keeps the unchanged studies’ cards in the cache, and only the edited study’s old card goes', () =>
    withTempDir(async (dir) => {
      const { ws, out, cache } = await exportedTwelve(dir);
      const before = await cardsIn(cache);
      await editSix(ws);
      await exportSite(ws, out, options);
      const after = await cardsIn(cache);
      expect(after).toHaveLength(before.length);
      expect(before.filter((card) => !after.includes(card))).toHaveLength(1);
    }));

  it('draws again the cards whose cached files are gone, so the cache holds what its index lists', () =>
    withTempDir(async (dir) => {
      const { ws, out, cache } = await exportedTwelve(dir);
      const before = await cardsIn(cache);
      for (const file of before) await rm(path.join(cache, file));
      await editSix(ws);
      await exportSite(ws, out, options);
      expect(await cardsIn(cache)).toHaveLength(before.length);
    }));

  it('a snapshot without card records (an older Casebook’s) gains them at the next export', () =>
    withTempDir(async (dir) => {
      const { ws, out } = await exportedTwelve(dir);
      const secret = (await localSecret())!;
      const [file] = (await readdir(path.join(ws, RENDER_CACHE_DIR))).filter((f) => f.startsWith('export-snapshot-'));
      const snapshotAt = path.join(ws, RENDER_CACHE_DIR, file!);
      const read = async () => JSON.parse(verifiedBody(secret, await readFile(snapshotAt))!);
      const cardsRecorded = async () =>
        ((await read()).studies as Array<[string, { page?: { card?: unknown } }]>).filter(([, e]) => e.page?.card)
          .length;
      expect(await cardsRecorded()).toBe(12);
      const older = await read();
      for (const [, entry] of older.studies) delete entry.page.card;
      await writeFile(snapshotAt, signedText(secret, JSON.stringify(older)));
      await editSix(ws);
      await expectAsFull(ws, out, dir, options);
      expect(await cardsRecorded()).toBe(12);
    }));

  it('card records without names (an older Casebook’s) still keep the unchanged cards undrawn', () =>
    withTempDir(async (dir) => {
      const { ws, out, cache } = await exportedTwelve(dir);
      const secret = (await localSecret())!;
      const [file] = (await readdir(path.join(ws, RENDER_CACHE_DIR))).filter((f) => f.startsWith('export-snapshot-'));
      const snapshotAt = path.join(ws, RENDER_CACHE_DIR, file!);
      const snapshot = JSON.parse(verifiedBody(secret, await readFile(snapshotAt))!);
      const page = await readFile(path.join(out, 'study-1', 'index.html'), 'utf8');
      const [, entry] = snapshot.studies.find(([id]: [string]) => id === 'study-1');
      // The name recorded is the card the page shows.
      expect(page).toContain(`assets/cards/${entry.page.card.name}.png`);
      for (const [, e] of snapshot.studies) delete e.page.card.name;
      await writeFile(snapshotAt, signedText(secret, JSON.stringify(snapshot)));
      await spoilCachedCards(cache);
      await editSix(ws);
      const drawnBefore = cardRenderStats.renders;
      await exportSite(ws, out, options);
      // As with names (the first test): the edited study's, the index page's and the categories'.
      expect(cardRenderStats.renders - drawnBefore).toBe(4);
    }));

  it('an unchanged page’s card changed by hand in the output folder is found, as a full export finds it', () =>
    withTempDir(async (dir) => {
      const { ws, out } = await exportedTwelve(dir);
      const page = await readFile(path.join(out, 'study-1', 'index.html'), 'utf8');
      const card = /assets\/cards\/[a-f0-9]{32}\.png/.exec(page)![0];
      await writeFile(path.join(out, card), 'not a PNG any more');
      await editSix(ws);
      const { report } = await exportSite(ws, out, options);
      // Not Casebook's any more: left alone and said so, never taken as written.
      expect(report.warnings).toContainEqual(expect.stringContaining(`${card} was not replaced`));
      expect(await readFile(path.join(out, card), 'utf8')).toBe('not a PNG any more');
    }));
});
