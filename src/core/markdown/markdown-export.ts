// Workspace → Markdown page bundles (pure): `<slug>/index.md` per study with its images
// beside it as `<slug>/<sha256>.<ext>`. Format: design.md "Markdown format"; front matter in
// front-matter.ts; rich text in doc-to-mdast.ts. output-writer.ts puts the files on disk.
import type { Root, RootContent } from 'mdast';
import type { OutputFile } from '../export/output-files';
import { safeRemoteUrl } from '../safe-url';
import type { SiteSettings } from '../schemas/site';
import { sectionKeys, sectionLabels, slugSchema, type Study } from '../schemas/study';
import { docToMdast } from './doc-to-mdast';
import { frontMatterFor } from './front-matter';
import { mdastToMarkdown } from './markdown-syntax';

export interface MarkdownExportInput {
  site: SiteSettings;
  studies: Study[];
  /** Bytes of a workspace-relative asset (`assets/<hash>.<ext>`), or null if it is missing. */
  readAsset(relPath: string): Uint8Array | null;
  /** Include draft studies (written with `draft: true`). */
  drafts: boolean;
}

export interface MarkdownExportResult {
  files: OutputFile[];
  warnings: string[];
}

// A stored image: `assets/` + one safe file name (content hash and extension).
const STORED_ASSET = /^assets\/([A-Za-z0-9][A-Za-z0-9._-]{0,200})$/;

export function markdownExport(input: MarkdownExportInput): MarkdownExportResult {
  const files: OutputFile[] = [];
  const warnings: string[] = [];
  const usedSlugs = new Set<string>();
  for (const study of input.studies) {
    if (study.status === 'draft' && !input.drafts) continue;
    const label = `"${study.title || study.slug}"`;
    // Slugs are folder names: refuse anything that could leave the output folder.
    if (!slugSchema.safeParse(study.slug).success || usedSlugs.has(study.slug)) {
      warnings.push(`${label}: the slug "${study.slug}" is not a safe, unique folder name; the study was skipped.`);
      continue;
    }
    usedSlugs.add(study.slug);
    const { markdown, assets } = studyToMarkdown(study, {
      readAsset: input.readAsset,
      warn: (message) => warnings.push(`${label}: ${message}`),
    });
    files.push({ path: `${study.slug}/index.md`, contents: markdown });
    for (const [name, bytes] of assets) files.push({ path: `${study.slug}/${name}`, contents: bytes });
  }
  return { files, warnings };
}

export interface StudyMarkdown {
  markdown: string;
  /** File name beside index.md → bytes. */
  assets: Map<string, Uint8Array>;
}

export function studyToMarkdown(
  study: Study,
  options: { readAsset(relPath: string): Uint8Array | null; warn(message: string): void },
): StudyMarkdown {
  const assets = new Map<string, Uint8Array>();
  const imageSrc = (src: string): string | null => {
    const remote = safeRemoteUrl(src);
    if (remote !== null) return remote;
    const stored = STORED_ASSET.exec(src);
    if (!stored) {
      options.warn(`the image "${src}" is not a workspace image or an http(s) address; it was left out.`);
      return null;
    }
    const name = stored[1]!;
    if (!assets.has(name)) {
      const bytes = options.readAsset(src);
      if (!bytes) {
        options.warn(`the image "${src}" is missing from the workspace; it was left out.`);
        return null;
      }
      assets.set(name, bytes);
    }
    return name;
  };
  const children: RootContent[] = [];
  for (const key of sectionKeys) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: sectionLabels[key] }] });
    children.push(...docToMdast(study[key], { imageSrc, warn: options.warn }));
  }
  const root: Root = { type: 'root', children };
  return { markdown: frontMatterFor(study) + mdastToMarkdown(root), assets };
}
