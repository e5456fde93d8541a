// The social cards of an export (site-card-svg.ts drawn by site-card-render.ts), cached by
// content hash in the workspace's .casebook/social-cards/ — never in the output folder — so a
// re-export with nothing changed draws no card. A card file is reused only if its bytes hash
// to what the signed index (HMAC under the per-user secret, as the render cache) says: a file
// planted in a shared workspace is drawn again, not published. Without a workspace or secret,
// cards are drawn every export and nothing is kept.
import { createHash } from 'node:crypto';
import { lstatSync, promises as fsp, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { unsyncedWriteOps, writeFileAtomic } from '../atomic-write';
import { localSecret, signedText, verifiedBody } from '../local-secret';
import { CARD_NAME, cardName, renderCardPng } from './site-card-render';
import { ensureCacheDir, RENDER_CACHE_DIR } from './site-render-cache';

/** What siteExport asks for a card: its file name (no extension) and PNG bytes. */
export interface CardSource {
  card(svg: string): { name: string; bytes: Uint8Array };
  /** Keeps the card named `name` for the next export without reading it; false when not cached. */
  keep(name: string): boolean;
}

const CARDS_DIR = 'social-cards';
const INDEX_FILE = 'index.json';
/** Far above a card (~50 KB); a bigger file is not read. */
const MAX_CARD_BYTES = 2 * 1024 * 1024;
const indexSchema = z.object({ casebookCards: z.literal(1), cards: z.record(z.string().regex(CARD_NAME), z.string()) });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Cards drawn or reused by one export; `save` keeps exactly those for the next one. */
export class CardCache implements CardSource {
  /**
   * `hash`: the bytes' SHA-256 when known (a card read from the cache was checked against it);
   * no `bytes`: a card kept unread (keep), still in the cache under its signed index's hash.
   */
  private readonly used = new Map<string, { bytes?: Uint8Array; fresh: boolean; hash?: string }>();

  /** `dir`: the cache folder to read from (null: none); `known`: its signed index. */
  constructor(
    private readonly dir: string | null = null,
    private readonly known: ReadonlyMap<string, string> = new Map(),
  ) {}

  card(svg: string): { name: string; bytes: Uint8Array } {
    const name = cardName(svg);
    const used = this.used.get(name);
    const hit = used?.bytes ? used : this.read(name);
    if (hit?.bytes) {
      this.used.set(name, hit);
      return { name, bytes: hit.bytes };
    }
    const bytes = renderCardPng(svg);
    this.used.set(name, { bytes, fresh: true });
    return { name, bytes };
  }

  /** Whether the card named `name` is drawn or in the cache (read now if so). */
  has(name: string): boolean {
    const hit = this.used.get(name) ?? this.read(name);
    if (hit) this.used.set(name, hit);
    return hit !== null && hit !== undefined;
  }

  keep(name: string): boolean {
    if (this.used.has(name)) return true;
    const hash = this.known.get(name);
    if (!this.dir || !hash || !this.cachedFile(name)) return false;
    this.used.set(name, { fresh: false, hash });
    return true;
  }

  /** The cached file of `name` if it is one worth reading (not a link, not oversized), else null. */
  private cachedFile(name: string): string | null {
    const file = path.join(this.dir!, `${name}.png`);
    try {
      const stat = lstatSync(file);
      return stat.isFile() && stat.size <= MAX_CARD_BYTES ? file : null;
    } catch {
      return null;
    }
  }

  /** A card drawn elsewhere (a pre-render worker) for this export. */
  add(name: string, bytes: Uint8Array): void {
    this.used.set(name, { bytes, fresh: true });
  }

  private read(name: string): { bytes: Uint8Array; fresh: boolean; hash: string } | null {
    const want = this.known.get(name);
    const file = this.dir && want ? this.cachedFile(name) : null;
    if (!file) return null;
    try {
      const bytes = new Uint8Array(readFileSync(file));
      return sha256(bytes) === want ? { bytes, fresh: false, hash: want } : null;
    } catch {
      return null;
    }
  }

  /** Cards drawn in this export (not found in the cache). */
  get drawn(): number {
    return [...this.used.values()].filter((c) => c.fresh).length;
  }

  /** Writes the new cards and the index of those used; removes the cards no longer used. */
  async save(workspace: string): Promise<void> {
    const secret = await localSecret();
    const base = secret ? await ensureCacheDir(workspace) : null;
    if (!secret || !base) return;
    const dir = path.join(base, CARDS_DIR);
    await fsp.mkdir(dir).catch(() => undefined);
    if (!(await fsp.lstat(dir).catch(() => null))?.isDirectory()) return;
    const cards: Record<string, string> = {};
    for (const [name, { bytes, fresh, hash }] of [...this.used].sort(([a], [b]) => (a < b ? -1 : 1))) {
      // A card read from the cache was hashed as it was read: 1,000 cards are 25 MB to hash again.
      cards[name] = hash ?? sha256(bytes!);
      if (fresh && bytes) await writeFileAtomic(path.join(dir, `${name}.png`), bytes, unsyncedWriteOps);
    }
    const index = JSON.stringify({ casebookCards: 1, cards });
    await writeFileAtomic(path.join(dir, INDEX_FILE), signedText(secret, index), unsyncedWriteOps);
    for (const file of await fsp.readdir(dir).catch(() => [] as string[])) {
      const name = file.replace(/\.png$/, '');
      if (file.endsWith('.png') && CARD_NAME.test(name) && !this.used.has(name))
        await fsp.rm(path.join(dir, file), { force: true }).catch(() => undefined);
    }
  }
}

/** The workspace's card cache as the last export left it (empty when absent or not trusted). */
export async function loadCardCache(workspace: string): Promise<CardCache> {
  const dir = path.join(workspace, RENDER_CACHE_DIR, CARDS_DIR);
  const secret = await localSecret();
  if (!secret) return new CardCache();
  try {
    const base = await fsp.lstat(path.join(workspace, RENDER_CACHE_DIR));
    const stat = await fsp.lstat(dir);
    if (!base.isDirectory() || !stat.isDirectory()) return new CardCache();
    const body = verifiedBody(secret, await fsp.readFile(path.join(dir, INDEX_FILE), 'utf8'));
    const parsed = body === null ? null : indexSchema.safeParse(JSON.parse(body));
    if (!parsed?.success) return new CardCache();
    return new CardCache(dir, new Map(Object.entries(parsed.data.cards)));
  } catch {
    return new CardCache();
  }
}
