// What the editor tests share: the formatting toolbar by role and name, real PNG images made
// on the fly, and the contract called over HTTP as a script would (to export what was written).
import { deflateSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';

export function toolbarButton(page: Page, name: string) {
  return page.getByRole('toolbar', { name: 'Formatting', exact: true }).getByRole('button', { name, exact: true });
}

/** The rarer blocks and marks are in the toolbar's "More" menu: open it and choose one. */
export async function chooseFromMore(page: Page, name: string): Promise<void> {
  await toolbarButton(page, 'More').click();
  await page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name, exact: true }).click();
}

export function tableButton(page: Page, name: string) {
  return page.getByRole('group', { name: 'Table' }).getByRole('button', { name, exact: true });
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A valid width×height PNG filled with one colour (different colours → different files). */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Calls a contract method the way the HTTP transport defines it; throws on an error answer. */
export async function callApi<T>(appUrl: string, method: string, input: unknown): Promise<T> {
  const url = new URL(appUrl);
  const token = url.searchParams.get('token') ?? '';
  const response = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error?.message}`);
  return answer.value as T;
}

/** Exports the workspace (drafts included) as Markdown and as a site; returns the two files of `slug`. */
export async function exportStudy(
  appUrl: string,
  outRoot: string,
  slug: string,
): Promise<{ md: string; html: string }> {
  const markdownDir = path.join(outRoot, 'markdown');
  const siteDir = path.join(outRoot, 'site');
  await callApi(appUrl, 'exportWorkspace', {
    format: 'markdown',
    outDir: markdownDir,
    drafts: true,
    allowErrors: true,
  });
  await callApi(appUrl, 'exportWorkspace', { format: 'site', outDir: siteDir, drafts: true, allowErrors: true });
  return {
    md: await readFile(path.join(markdownDir, slug, 'index.md'), 'utf8'),
    html: await readFile(path.join(siteDir, slug, 'index.html'), 'utf8'),
  };
}
