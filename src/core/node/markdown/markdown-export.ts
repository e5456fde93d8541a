// Workspace → Markdown page bundles (pure): `<slug>/index.md` per study with its images
// beside it as `<slug>/<sha256>.<ext>`. Format: design.md "Markdown format"; front matter in
// front-matter.ts; rich text in doc-to-mdast.ts. output-writer.ts puts the files on disk.
import type { Root, RootContent } from 'mdast';
import { ASSET_SRC_PATTERN } from '../../pure/asset-store-limits';
import { exportableAsset } from '../export/exportable-asset';
import type { OutputFile } from '../../pure/export/output-files';
import { safeRemoteUrl } from '../../pure/safe-url';
import { studyFolder } from '../../pure/export/study-folders';
import type { SiteSettings } from '../../pure/schemas/site';
import { sectionKeys, sectionLabels, slugSchema, type Study } from '../../pure/schemas/study';
import { docToMdast } from '../../pure/markdown/doc-to-mdast';
import { frontMatterFor } from '../../pure/markdown/front-matter';
import { mdastToMarkdown } from '../../pure/markdown/markdown-syntax';

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
  /** How many studies were exported (each gets a folder; none is skipped). */
  studies: number;
}

export function markdownExport(input: MarkdownExportInput): MarkdownExportResult {
  const files: OutputFile[] = [];
  const warnings: string[] = [];
  const taken = new Set<string>();
  let studies = 0;
  for (const study of input.studies) {
    if (study.status === 'draft' && !input.drafts) continue;
    const label = `"${study.title || study.slug}"`;
    // Slugs are folder names: one that could leave the output folder, or that another study
    // in this export took already, gets a safe unique one — every study is exported.
    const folder = studyFolder(study.slug, study.title || study.id, taken);
    if (folder !== study.slug) {
      warnings.push(
        `${label}: the slug "${study.slug}" is ${slugSchema.safeParse(study.slug).success ? 'used by another study in this export' : 'not a safe folder name'}; it was exported as "${folder}".`,
      );
    }
    const { markdown, assets } = studyToMarkdown(
      { ...study, slug: folder },
      { readAsset: input.readAsset, warn: (message) => warnings.push(`${label}: ${message}`) },
    );
    files.push({ path: `${folder}/index.md`, contents: markdown });
    for (const [name, bytes] of assets) files.push({ path: `${folder}/${name}`, contents: bytes });
    studies++;
  }
  return { files, warnings, studies };
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
    // The same images as the site export (exportable-asset.ts): no SVG, only intact ones.
    // Stryker disable next-line MethodExpression,StringLiteral: a name not found here is checked and stored again below, as the same file.
    const name = ASSET_SRC_PATTERN.test(src) ? src.slice('assets/'.length) : null;
    if (name && assets.has(name)) return name;
    const asset = exportableAsset(src, options.readAsset);
    if (!asset.ok) {
      const why = asset.problem === 'not-stored' ? `${asset.reason} or an http(s) address` : asset.reason;
      options.warn(`${why}; it was left out.`);
      return null;
    }
    assets.set(asset.name, asset.bytes);
    return asset.name;
  };
  // The cover travels beside index.md like any image; its front matter names it so.
  if (study.cover && imageSrc(study.cover.src) === null) options.warn('The cover image was not exported.');
  const children: RootContent[] = [];
  for (const key of sectionKeys) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: sectionLabels[key] }] });
    children.push(...docToMdast(study[key], { imageSrc, warn: options.warn }));
  }
  const root: Root = { type: 'root', children };
  return { markdown: frontMatterFor(study) + mdastToMarkdown(root), assets };
}
