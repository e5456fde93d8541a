// Markdown files and folders → new studies in the workspace. Files are found by
// import-sources.ts (real paths, no link out of the named folder), read only when regular and
// small enough, and parsed one by one in a worker with a time and memory limit
// (markdown-parser.ts); the main thread copies relatively referenced images into
// `<workspace>/assets/<sha256>.<ext>` and hands each study to the service's createStudy.
// Any failure of one file skips that file with its line and reason; the rest is imported.
// It never changes anything already in the workspace: a file whose casebook_id is taken is
// imported as a new study (with a warning), and assets are content-addressed, so an existing
// asset file already holds exactly these bytes. A skipped file leaves nothing behind.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { ASSETS_DIR, saveAssetBytes } from '../asset-store';
import {
  assetMediaTypes,
  MAX_ASSET_BYTES,
  mediaTypeForExtension,
  type AssetMediaType,
} from '../../pure/asset-store-limits';
import { exists } from '../file-exists';
import type { RichTextDoc, RichTextNode } from '../../pure/schemas/rich-text';
import { sectionKeys, type Study } from '../../pure/schemas/study';
import { MAX_MARKDOWN_FILE_BYTES } from '../../pure/markdown/import-limits';
import { findMarkdownSources, isInside, type MarkdownSource } from './import-sources';
import { MarkdownParser } from './markdown-parser';
import type { ParsedStudy } from './markdown-study-parse';
import { readRegularFile, UnreadableFileError } from '../regular-file';

export interface MarkdownImportOptions {
  workspace: string;
  /** Creates one study; receives id/createdAt/updatedAt when the file carries them and the id is free. */
  createStudy(draft: ParsedStudy): Promise<Study>;
  /**
   * Adds the names a study gives in `authors` that the site settings lack (the service does it
   * through the site store). Called after the study is created, so a skipped file adds no one.
   */
  addAuthors?(names: string[]): Promise<void>;
  /** Ids already in the workspace; never reused. */
  existingIds: Set<string>;
  /** Time to parse one file (default PARSE_TIME_LIMIT_MS). */
  parseTimeLimitMs?: number;
  /** A parser (worker) to reuse across imports; its owner closes it. By default each import starts its own. */
  parser?: MarkdownParser;
}

export interface MarkdownImportProblem {
  file: string;
  line: number;
  column?: number;
  reason: string;
}

export interface MarkdownImportReport {
  imported: { file: string; id: string; title: string }[];
  /** Bad files, one entry each; none of them changed the workspace. */
  skipped: MarkdownImportProblem[];
  warnings: string[];
}

export type ImportProgress = (done: number, total: number, file: string) => void;

export async function importMarkdownPaths(
  paths: string[],
  options: MarkdownImportOptions,
  onProgress?: ImportProgress,
): Promise<MarkdownImportReport> {
  const report: MarkdownImportReport = { imported: [], skipped: [], warnings: [] };
  const files = await findMarkdownSources(
    paths,
    (problem) => report.skipped.push(problem),
    (message) => report.warnings.push(message),
  );
  const usedIds = new Set(options.existingIds);
  const parser = options.parser ?? new MarkdownParser(options.parseTimeLimitMs);
  try {
    for (const [index, source] of files.entries()) {
      onProgress?.(index, files.length, source.file);
      try {
        await importOne(source, parser, options, usedIds, report);
      } catch (err) {
        // An I/O failure or a refusal by the store: this file only.
        report.skipped.push({ file: source.file, line: 1, reason: (err as Error).message });
      }
    }
  } finally {
    if (!options.parser) await parser.close();
  }
  onProgress?.(files.length, files.length, '');
  return report;
}

async function importOne(
  source: MarkdownSource,
  parser: MarkdownParser,
  options: MarkdownImportOptions,
  usedIds: Set<string>,
  report: MarkdownImportReport,
): Promise<void> {
  const { file } = source;
  let bytes: Buffer | null;
  try {
    bytes = await readRegularFile(source.real, MAX_MARKDOWN_FILE_BYTES);
  } catch (err) {
    const why =
      err instanceof UnreadableFileError ? `Not imported: ${err.reason}.` : `Cannot be read: ${(err as Error).message}`;
    report.skipped.push({ file, line: 1, reason: why });
    return;
  }
  if (!bytes) {
    report.skipped.push({ file, line: 1, reason: 'Cannot be read: it no longer exists.' });
    return;
  }
  const parsed = await parser.parse(bytes, file);
  if (!parsed.ok) {
    const { line, column, reason } = parsed;
    report.skipped.push({ file, line, ...(column === undefined ? {} : { column }), reason });
    return;
  }
  const warnings = parsed.warnings.slice();
  const warn = (message: string) => warnings.push(message);
  const draft = parsed.study;
  if (draft.id !== undefined && usedIds.has(draft.id)) {
    warn(`a study with id "${draft.id}" already exists; this file was imported as a new study.`);
    delete draft.id;
  }
  const stored = await copyImages(parsed.images, source, options.workspace, warn);
  for (const key of sectionKeys) if (draft[key]) draft[key] = rewriteImages(draft[key], stored.refs);
  let study: Study;
  try {
    study = await options.createStudy(draft);
  } catch (err) {
    // Nothing of a skipped file stays: remove the images only it brought in.
    await Promise.all(stored.created.map((asset) => fsp.rm(asset, { force: true })));
    throw err;
  }
  usedIds.add(study.id);
  if (study.authors.length && options.addAuthors) {
    // The study is in; a full author list only costs its authors their profile pages' details.
    await options.addAuthors(study.authors).catch((err: unknown) => {
      warn(`its authors could not be added to the site settings (${(err as Error).message}).`);
    });
  }
  report.imported.push({ file, id: study.id, title: study.title });
  report.warnings.push(...warnings.map((message) => `${file}: ${message}`));
}

/**
 * Copies each relative image into the workspace: src as written → `assets/<hash>.<ext>`, plus
 * the asset files that did not exist before (removed again if the study is not created).
 */
async function copyImages(
  srcs: string[],
  source: MarkdownSource,
  workspace: string,
  warn: (message: string) => void,
): Promise<{ refs: Map<string, string>; created: string[] }> {
  const refs = new Map<string, string>();
  const created: string[] = [];
  const fileDir = path.dirname(source.real);
  for (const src of new Set(srcs)) {
    let relative: string;
    try {
      relative = decodeURIComponent(src.replace(/[?#].*$/, ''));
    } catch {
      relative = src;
    }
    const full = path.resolve(fileDir, relative);
    if (!isInside(source.root, full)) {
      warn(`the image "${src}" lies outside the imported folder; it was left out.`);
      continue;
    }
    const mediaType = mediaTypeForExtension(path.extname(full));
    if (!mediaType) {
      warn(`"${src}" is not a supported image (png, jpg, gif, webp, svg); it was left out.`);
      continue;
    }
    let real: string;
    try {
      real = await fsp.realpath(full);
    } catch {
      warn(`the image "${src}" was not found; it was left out.`);
      continue;
    }
    // Decided on the real path: a link inside the folder may not lead out of it.
    if (!isInside(source.root, real)) {
      warn(`the image "${src}" is a symbolic link to a file outside the imported folder (${real}); it was left out.`);
      continue;
    }
    let bytes: Buffer | null;
    try {
      bytes = await readRegularFile(real, MAX_ASSET_BYTES);
    } catch (err) {
      bytes = null;
      if (err instanceof UnreadableFileError) {
        warn(`the image "${src}" was left out: ${err.reason}.`);
        continue;
      }
    }
    if (!bytes) {
      warn(`the image "${src}" was left out: it cannot be read.`);
      continue;
    }
    try {
      const ref = await saveNew(workspace, bytes, mediaType, created);
      refs.set(src, ref);
    } catch (err) {
      warn(`the image "${src}" could not be stored (${(err as Error).message}); it was left out.`);
    }
  }
  return { refs, created };
}

/** saveAssetBytes, noting the asset file when this call is what created it. */
async function saveNew(workspace: string, bytes: Buffer, mediaType: AssetMediaType, created: string[]) {
  // Assets are named by content (asset-store.ts), so the file is known before it is written.
  const ref = `${ASSETS_DIR}/${createHash('sha256').update(bytes).digest('hex')}.${assetMediaTypes[mediaType]}`;
  const file = path.join(workspace, ref);
  const existed = await exists(file);
  const saved = await saveAssetBytes(workspace, bytes, mediaType);
  if (!existed && saved === ref) created.push(file);
  return saved;
}

/** Points images at their copies; drops relative images that could not be copied. */
export function rewriteImages(doc: RichTextDoc, stored: Map<string, string>, warn?: (m: string) => void): RichTextDoc {
  const visit = (nodes: RichTextNode[]): RichTextNode[] =>
    nodes.flatMap((node) => {
      if (node.type === 'image') {
        const src = String(node.attrs?.src ?? '');
        if (/^https?:\/\//i.test(src)) return [node];
        const target = stored.get(src);
        if (!target) {
          warn?.(`the image "${src}" was left out.`);
          return [];
        }
        return [{ ...node, attrs: { ...node.attrs, src: target } }];
      }
      if (!node.content) return [node];
      const content = visit(node.content);
      // A quote or cell that held only a dropped image still needs a block.
      return [
        { ...node, content: content.length > 0 || node.content.length === 0 ? content : [{ type: 'paragraph' }] },
      ];
    });
  const content = visit(doc.content ?? []);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}
