// Exports a workspace as `casebook export` does, each run from a fresh store (a fresh process),
// and compares an incremental export with a full one: the harness of the incremental site
// export's tests (tests/core/export/export-incremental*.test.ts).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { defaultSiteSettings, type SiteSettings } from '../../src/core/pure/schemas/site';
import type { Study } from '../../src/core/pure/schemas/study';
import { CasebookError } from '../../src/core/pure/errors';
import { exportWorkspaceStudies, type WorkspaceExportRequest } from '../../src/core/node/workspace-export';
import { ExportMemory } from '../../src/core/node/export/export-memory';
import { EXPORT_MARKER } from '../../src/core/node/export/output-paths';
import { StudyStore } from '../../src/core/node/study-store';
import { RACY_MS } from '../../src/core/node/summary-cache';
import { listTree } from './file-tree';

export const studyPath = (ws: string, id: string) => path.join(ws, 'studies', `${id}.json`);

/** Saves as the store saves: a new file renamed over the old one. */
export async function saveStudy(ws: string, study: Study) {
  const file = studyPath(ws, study.id);
  await writeFile(`${file}.tmp`, JSON.stringify(study));
  await rename(`${file}.tmp`, file);
}

export async function workspaceWith(dir: string, studies: Study[]) {
  const ws = path.join(dir, 'ws');
  await mkdir(path.join(ws, 'studies'), { recursive: true });
  for (const s of studies) await saveStudy(ws, s);
  return ws;
}

export type ExportOptions = Partial<Pick<WorkspaceExportRequest, 'allowErrors' | 'drafts' | 'now' | 'format'>> & {
  site?: SiteSettings;
  /** What earlier exports in this process remember (the app's service keeps one). */
  memory?: ExportMemory;
};

/**
 * Exports from a fresh store; lists the studies read one by one. Its clock reads past RACY_MS
 * after the saves unless `now` says otherwise.
 */
export async function exportSite(ws: string, out: string, options: ExportOptions = {}) {
  const store = new StudyStore(ws);
  await store.open();
  const read: string[] = [];
  const loadAll = async () => {
    const all: Array<Study | null> = [];
    for (const s of await store.list()) {
      all.push(
        await store.get(s.id).catch((err: unknown) => {
          if (err instanceof CasebookError && err.code === 'not_found') return null;
          throw err;
        }),
      );
    }
    return all.filter((s): s is Study => s !== null);
  };
  const report = await exportWorkspaceStudies(
    ws,
    options.site ?? defaultSiteSettings(),
    loadAll,
    {
      format: options.format ?? 'site',
      outDir: out,
      drafts: options.drafts ?? false,
      allowErrors: options.allowErrors ?? false,
      now: options.now ?? (() => Date.now() + RACY_MS + 1000),
    },
    options.memory ?? new ExportMemory(),
    undefined,
    (id) => {
      read.push(id);
      return store.get(id);
    },
  );
  return { report, read };
}

/** Files whose text the tests read; any other file is held as its exact bytes (base64). */
const TEXT_FILE = /\.(html|js|css|xml|txt|json|svg)$/;

/**
 * Every file of an export but its marker: a text file as its text, any other (a PNG card, an
 * image, a font) as `bytes:` and its base64, so two files differ here whenever one byte does
 * (read as UTF-8, invalid byte runs in two PNGs would all read as U+FFFD and compare equal).
 */
export async function siteFiles(out: string): Promise<Map<string, string>> {
  const files = (await listTree(out)).filter((f) => f !== EXPORT_MARKER);
  const read = async (f: string) => {
    const bytes = await readFile(path.join(out, f));
    return [f, TEXT_FILE.test(f) ? bytes.toString('utf8') : `bytes:${bytes.toString('base64')}`] as const;
  };
  return new Map(await Promise.all(files.map(read)));
}

/** Exports `ws` into `out` (incrementally when it can) and in full into a new folder: same site. */
export async function expectAsFull(ws: string, out: string, dir: string, options: ExportOptions = {}) {
  const incremental = await exportSite(ws, out, options);
  const full = path.join(dir, `full-${Math.random().toString(36).slice(2)}`);
  const reference = await exportSite(ws, full, options);
  expect(await siteFiles(out)).toEqual(await siteFiles(full));
  expect(incremental.report.warnings).toEqual(reference.report.warnings);
  expect(incremental.report.studies).toBe(reference.report.studies);
  expect(incremental.report.studiesWithErrors).toBe(reference.report.studiesWithErrors);
  await rm(full, { recursive: true });
  return incremental;
}
