// The summary cache file itself: what it keeps, in what order, with what note for a person who
// finds it, and that it is never written through a link or over a file planted in its place.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CACHE_DIR,
  RACY_MS,
  readSummaryCache,
  summaryCachePath,
  writeSummaryCache,
  type CachedSummary,
} from '../../../src/core/node/summary-cache';
import { toSummary } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';

const NOW = Date.UTC(2026, 5, 1);
const entry = (n: number, ageMs = 60_000): [string, CachedSummary] => [
  `study-${n}`,
  { mtimeMs: NOW - ageMs, size: 1000 + n, summary: toSummary(sampleStudy(n)) },
];

describe('the summary cache file', () => {
  it('reads back what was written, keeping out files younger than the racy window', async () => {
    await withTempDir(async (dir) => {
      const written = await writeSummaryCache(dir, [entry(1), entry(2, RACY_MS), entry(3, RACY_MS - 1)], NOW);
      // Exactly RACY_MS old is old enough; a millisecond younger is not.
      expect([...written.keys()]).toEqual(['study-1', 'study-2']);
      const read = await readSummaryCache(dir);
      expect([...read.keys()].sort()).toEqual(['study-1', 'study-2']);
      expect(read.get('study-2')).toEqual(entry(2, RACY_MS)[1]);
    });
  });

  it('is the same bytes whatever order the summaries come in, and says it is safe to delete', async () => {
    await withTempDir(async (dir) => {
      await writeSummaryCache(dir, [entry(3), entry(1), entry(2)], NOW);
      const first = await fsp.readFile(summaryCachePath(dir), 'utf8');
      await writeSummaryCache(dir, [entry(2), entry(3), entry(1)], NOW);
      expect(await fsp.readFile(summaryCachePath(dir), 'utf8')).toBe(first);
      const parsed = JSON.parse(first) as { note: string; studies: Array<{ id: string }> };
      // Laid out as JSON.stringify lays it out, the studies last (the reader checks them where they lie).
      expect(first).toBe(`${JSON.stringify(parsed)}\n`);
      expect(Object.keys(parsed)).toEqual(['format', 'note', 'mac', 'studies']);
      expect(parsed.studies.map((s) => s.id)).toEqual(['study-1', 'study-2', 'study-3']);
      expect(parsed.note).toMatch(/Safe to delete/);
    });
  });

  it('reads back titles in any script, and is used whatever white space ends the file', async () => {
    await withTempDir(async (dir) => {
      const [id, cached] = entry(1);
      const title = 'Réplication — 東京 failover 🚀';
      await writeSummaryCache(dir, [[id, { ...cached, summary: { ...cached.summary, title } }]], NOW);
      // The signature is checked over the file's bytes: they must be the UTF-8 the writer signed.
      expect((await readSummaryCache(dir)).get(id)?.summary.title).toBe(title);
      const file = summaryCachePath(dir);
      const text = (await fsp.readFile(file, 'utf8')).trimEnd();
      await fsp.writeFile(file, `${text}\r\n\t \n`);
      expect((await readSummaryCache(dir)).get(id)?.summary.title).toBe(title);
      await fsp.writeFile(file, `${text}\n]`);
      expect((await readSummaryCache(dir)).size).toBe(0);
      // More white space than a writer leaves is not ours (and is not walked back to its start).
      await fsp.writeFile(file, `${text}${' '.repeat(65)}`);
      expect((await readSummaryCache(dir)).size).toBe(0);
      await fsp.writeFile(file, `${text}${' '.repeat(64)}`);
      expect((await readSummaryCache(dir)).size).toBe(1);
    });
  });

  it('a missing cache reads as empty', async () => {
    await withTempDir(async (dir) => {
      expect((await readSummaryCache(dir)).size).toBe(0);
    });
  });

  it('is not written through a link planted in place of its folder', async () => {
    await withTempDir(async (dir) => {
      const workspace = path.join(dir, 'ws');
      const elsewhere = path.join(dir, 'elsewhere');
      await fsp.mkdir(workspace);
      await fsp.mkdir(elsewhere);
      await fsp.symlink(elsewhere, path.join(workspace, CACHE_DIR));
      await expect(writeSummaryCache(workspace, [entry(1)], NOW)).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining(`workspace folder "${CACHE_DIR}" is a symbolic link`),
      });
      expect(await fsp.readdir(elsewhere)).toEqual([]);
    });
  });

  it('is not written when a file sits where its folder belongs', async () => {
    await withTempDir(async (dir) => {
      await fsp.writeFile(path.join(dir, CACHE_DIR), 'my notes');
      await expect(writeSummaryCache(dir, [entry(1)], NOW)).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('not a folder'),
      });
      expect(await fsp.readFile(path.join(dir, CACHE_DIR), 'utf8')).toBe('my notes');
    });
  });

  it('keeps a .gitignore the author already has in the folder', async () => {
    await withTempDir(async (dir) => {
      await fsp.mkdir(path.join(dir, CACHE_DIR));
      await fsp.writeFile(path.join(dir, CACHE_DIR, '.gitignore'), 'summaries.json\n');
      await writeSummaryCache(dir, [entry(1)], NOW);
      expect(await fsp.readFile(path.join(dir, CACHE_DIR, '.gitignore'), 'utf8')).toBe('summaries.json\n');
    });
  });
});
