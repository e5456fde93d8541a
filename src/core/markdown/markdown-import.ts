// Markdown files and folders → new studies in the workspace. Reading and parsing is
// parseMarkdownStudy (pure); this module walks the paths, copies relatively referenced images
// into `<workspace>/assets/<sha256>.<ext>`, and hands each study to the service's createStudy.
// It never changes anything already in the workspace: a file whose casebook_id is taken is
// imported as a new study (with a warning), and assets are content-addressed, so an existing
// asset file already holds exactly these bytes.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { saveAssetBytes } from '../asset-store';
import { mediaTypeForExtension } from '../asset-store-limits';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { sectionKeys, type Study } from '../schemas/study';
import { parseMarkdownStudy, type ParsedStudy } from './markdown-study-parse';

const MARKDOWN_FILE = /\.(md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface MarkdownImportOptions {
  workspace: string;
  /** Creates one study; receives id/createdAt/updatedAt when the file carries them and the id is free. */
  createStudy(draft: ParsedStudy): Promise<Study>;
  /** Ids already in the workspace; never reused. */
  existingIds: Set<string>;
}

export interface MarkdownImportProblem {
  file: string;
  line: number;
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
  const files: { file: string; root: string }[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    try {
      const stat = await fsp.stat(full);
      if (stat.isDirectory()) for (const file of await markdownFilesIn(full)) files.push({ file, root: full });
      else if (MARKDOWN_FILE.test(full)) files.push({ file: full, root: path.dirname(full) });
      else report.skipped.push({ file: full, line: 1, reason: 'Not a Markdown file (.md or .markdown).' });
    } catch (err) {
      report.skipped.push({ file: full, line: 1, reason: `Cannot be read: ${(err as Error).message}` });
    }
  }

  const usedIds = new Set(options.existingIds);
  for (const [index, { file, root }] of files.entries()) {
    onProgress?.(index, files.length, file);
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (err) {
      report.skipped.push({ file, line: 1, reason: `Cannot be read: ${(err as Error).message}` });
      continue;
    }
    const parsed = parseMarkdownStudy(text, file);
    if (!parsed.ok) {
      report.skipped.push({ file, line: parsed.line, reason: parsed.reason });
      continue;
    }
    const warn = (message: string) => report.warnings.push(`${file}: ${message}`);
    parsed.warnings.forEach(warn);
    const draft = parsed.study;
    if (draft.id !== undefined && usedIds.has(draft.id)) {
      warn(`a study with id "${draft.id}" already exists; this file was imported as a new study.`);
      delete draft.id;
    }
    const stored = await copyImages(parsed.images, path.dirname(file), root, options.workspace, warn);
    for (const key of sectionKeys) if (draft[key]) draft[key] = rewriteImages(draft[key], stored);
    try {
      const study = await options.createStudy(draft);
      usedIds.add(study.id);
      report.imported.push({ file, id: study.id, title: study.title });
    } catch (err) {
      report.skipped.push({ file, line: 1, reason: (err as Error).message });
    }
  }
  onProgress?.(files.length, files.length, '');
  return report;
}

async function markdownFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fsp.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await markdownFilesIn(full)));
    // `_index.md` is a Hugo section's own page, not a study.
    else if (entry.isFile() && MARKDOWN_FILE.test(entry.name) && !/^_index\./i.test(entry.name)) out.push(full);
  }
  return out;
}

/** Copies each relative image into the workspace; returns src as written → `assets/<hash>.<ext>`. */
async function copyImages(
  srcs: string[],
  fileDir: string,
  root: string,
  workspace: string,
  warn: (message: string) => void,
): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  for (const src of new Set(srcs)) {
    let relative: string;
    try {
      relative = decodeURIComponent(src.replace(/[?#].*$/, ''));
    } catch {
      relative = src;
    }
    const full = path.resolve(fileDir, relative);
    const inside = path.relative(root, full);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      warn(`the image "${src}" lies outside the imported folder; it was left out.`);
      continue;
    }
    const mediaType = mediaTypeForExtension(path.extname(full));
    if (!mediaType) {
      warn(`"${src}" is not a supported image (png, jpg, gif, webp, svg); it was left out.`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(full);
    } catch {
      warn(`the image "${src}" was not found; it was left out.`);
      continue;
    }
    try {
      stored.set(src, await saveAssetBytes(workspace, bytes, mediaType));
    } catch (err) {
      warn(`the image "${src}" could not be stored (${(err as Error).message}); it was left out.`);
    }
  }
  return stored;
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
