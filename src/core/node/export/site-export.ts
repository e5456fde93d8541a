// The static site export, as a pure function: (site settings, studies, a way to read assets)
// → the list of files to write, plus warnings for the author. No disk, no clock unless asked:
// output-writer.ts puts the files on disk.
import { ASSET_SRC_PATTERN } from '../../pure/asset-store-limits';
import { safeRemoteUrl } from '../../pure/safe-url';
import { exportableAsset } from './exportable-asset';
import type { SiteSettings } from '../../pure/schemas/site';
import { fieldValues, type Study } from '../../pure/schemas/study';
import type { OutputFile } from '../../pure/export/output-files';
import { renderFeed, renderSitemap } from '../../pure/export/site-feed';
import { buildSiteModel, type SiteModel, type SiteStudy } from '../../pure/export/site-model';
import { relatedStudies } from '../../pure/export/site-related';
import { dateFormatter, renderCategory, renderIndex, renderStudy, type PageContext } from './site-pages';
import { rememberedPage } from './site-page-memo';
import { studyBody, type ImageResolver } from './site-study-body';
import type { RenderCache } from './site-render-cache';
import { ExportMemory } from './export-memory';
import type { RecordedFile } from './output-plan';
import { FAVICON_SVG, SITE_CSS } from '../../pure/export/site-theme';
import { brandCss } from '../../pure/export/site-theme-brand';
import { SITE_JS } from '../../pure/export/site-script';
import { NOT_FOUND_PATH, renderNotFound } from '../../pure/export/site-not-found';

/** The stylesheet: the theme, the site's branding, then its custom CSS (last, so it wins). */
export function siteCss(site: SiteSettings, customCss?: string): string {
  const custom = customCss ? `/* Custom CSS (${site.customCss}) */\n${customCss}\n` : '';
  return SITE_CSS + brandCss(site) + custom;
}

export interface SiteExportInput {
  site: SiteSettings;
  studies: Study[];
  /** Bytes of a workspace asset such as `assets/<sha256>.png`, or null when it is missing. */
  readAsset(relPath: string): Uint8Array | null;
  /** Include drafts (marked "Draft" on their pages). */
  drafts: boolean;
  /** Only used for the feed's date when there are no studies; defaults to now. */
  generatedAt?: Date;
  /**
   * Section HTML rendered by an earlier export (see site-render-cache.ts): read for sections
   * it holds, told about every section this export uses. Output is identical without it.
   */
  renderCache?: RenderCache;
  /**
   * What earlier exports rendered (bodies and pages), reused and added to. The service passes
   * its workspace's; without one this export starts cold and its renderings are forgotten.
   */
  memory?: ExportMemory;
  /** Pages an earlier export left on disk that need not be rendered (an incremental export). */
  pages?: SitePageHooks;
  /** The site's custom CSS file as read from the workspace (site-custom-css.ts), appended last. */
  customCss?: string;
}

/**
 * How an incremental export (site-incremental.ts) takes part: a page it knows to be on disk
 * for `key` is handed to the writer as recorded, its study's images resolved as when it was
 * rendered (so its assets and warnings are the same); every page rendered is reported.
 */
export interface SitePageHooks {
  known(s: SiteStudy, key: string): { file: RecordedFile; images: string[] } | null;
  rendered(s: SiteStudy, key: string, html: string, images: string[]): void;
}

export interface SiteExportResult {
  files: OutputFile[];
  /** Pages the `pages` hooks knew to be on disk as recorded (none without hooks). */
  recorded: RecordedFile[];
  warnings: string[];
  /** How many studies have a page. */
  studies: number;
}

export const NO_BASE_URL_WARNING = 'No base URL set: feed.xml and sitemap.xml were skipped (set one in Site settings)';

/**
 * How the site shows an image source: a stored image carried as `assets/img/<name>` (only as
 * exportable-asset.ts allows: no SVG, only files that are what their name says), a remote one
 * from an http(s) address written exactly as checked (safeRemoteUrl), or left out: with the
 * reason for a workspace image, null for a source that is neither.
 */
export function siteImage(
  src: string,
  readAsset: SiteExportInput['readAsset'],
): { name: string; bytes: Uint8Array } | { remote: string } | { refused: string | null } {
  if (ASSET_SRC_PATTERN.test(src)) {
    const asset = exportableAsset(src, readAsset);
    return asset.ok ? { name: asset.name, bytes: asset.bytes } : { refused: asset.reason };
  }
  const remote = safeRemoteUrl(src);
  return remote === null ? { refused: null } : { remote };
}

/** The site settings as every study page reads them (studyPageKey). */
export const siteKeyOf = (site: SiteSettings): string => JSON.stringify([site, site.baseUrl !== '']);

const neighbour = (n: SiteStudy | undefined) => (n ? [n.path, n.study.title] : null);
/** What a related study's entry shows (site-pages.ts entry()): a rename or a new summary re-renders the page. */
const relatedEntry = (r: SiteStudy) => [
  r.path,
  r.study.title,
  r.study.summary,
  r.study.date,
  r.study.status,
  r.study.metrics[0] ?? null,
];

/**
 * Everything the page of `studies[i]` shows besides its sections. Every field of the table
 * (fieldValues), not a hand-picked few: a field the page shows but the key missed would serve
 * a stale page.
 */
export function studyPageKey(siteKey: string, model: SiteModel, i: number): string {
  const { studies } = model;
  const s = studies[i]!;
  return `${siteKey}${JSON.stringify([
    s.path,
    fieldValues(s.study),
    s.categories.map((c) => [c.name, c.path]),
    neighbour(studies[i - 1]),
    neighbour(studies[i + 1]),
    (relatedStudies(model).get(s) ?? []).map(relatedEntry),
  ])}`;
}

export function siteExport(input: SiteExportInput): SiteExportResult {
  const warnings: string[] = [];
  const assets = new Map<string, Uint8Array>();
  // A logo that cannot be exported is left out of every page (the title stays), not linked broken.
  let site = input.site;
  if (site.logo) {
    const logo = exportableAsset(site.logo, input.readAsset);
    if (logo.ok) assets.set(logo.name, logo.bytes);
    else {
      warnings.push(`Site logo: ${logo.reason}; the header shows the site title alone`);
      site = { ...site, logo: '' };
    }
  }
  const model = buildSiteModel(site, input.studies, input.drafts);
  const hasFeed = site.baseUrl !== '';
  const refused = new Map<string, string>();
  const ctx: PageContext = { model, hasFeed, formatDate: dateFormatter(site.language) };
  const memory = input.memory ?? new ExportMemory();

  // Which stored images travel with the site is exportableAsset's decision (no SVG, only
  // files that are what their name says), the same for the Markdown export.
  const imagesOf =
    (s: SiteStudy, calls?: string[]): ImageResolver =>
    (src) => {
      calls?.push(src);
      if (ASSET_SRC_PATTERN.test(src)) {
        const name = src.slice('assets/'.length);
        if (assets.has(name)) return { name };
        if (refused.has(src)) {
          warnings.push(`"${s.study.title}": ${refused.get(src)!}; it was left out`);
          return null;
        }
      }
      const image = siteImage(src, input.readAsset);
      if ('remote' in image) return image;
      if ('name' in image) {
        assets.set(image.name, image.bytes);
        return { name: image.name };
      }
      if (image.refused === null) {
        warnings.push(`An image in "${s.study.title}" is neither a workspace image nor http(s); it was left out`);
        return null;
      }
      refused.set(src, image.refused);
      warnings.push(`"${s.study.title}": ${image.refused}; it was left out`);
      return null;
    };

  const recorded: RecordedFile[] = [];
  const files: OutputFile[] = [
    { path: 'index.html', contents: renderIndex(ctx) },
    { path: 'assets/site.css', contents: siteCss(site, input.customCss) },
    { path: 'assets/site.js', contents: SITE_JS },
    { path: 'assets/favicon.svg', contents: FAVICON_SVG },
    { path: NOT_FOUND_PATH, contents: renderNotFound(site, hasFeed) },
  ];

  // Everything a study page shows besides its own study, body and neighbours.
  const siteKey = siteKeyOf(site);
  model.studies.forEach((s, i) => {
    const key = studyPageKey(siteKey, model, i);
    const known = input.pages?.known(s, key);
    if (known) {
      const resolve = imagesOf(s);
      known.images.forEach((src) => resolve(src));
      recorded.push(known.file);
      return;
    }
    const images: string[] = [];
    const body = studyBody(s.study, imagesOf(s, images), memory, input.renderCache);
    const html = rememberedPage(memory, s.path, key, body, () => renderStudy(ctx, i, body));
    input.pages?.rendered(s, key, html, images);
    files.push({ path: s.path, contents: html });
  });
  for (const category of model.categories) {
    files.push({ path: category.path, contents: renderCategory(ctx, category) });
  }
  for (const [name, bytes] of assets) files.push({ path: `assets/img/${name}`, contents: bytes });
  if (hasFeed) {
    files.push({ path: 'feed.xml', contents: renderFeed(model, input.generatedAt ?? new Date()) });
    files.push({ path: 'sitemap.xml', contents: renderSitemap(model) });
  } else {
    warnings.push(NO_BASE_URL_WARNING);
  }
  return { files, recorded, warnings: [...new Set(warnings)], studies: model.studies.length };
}
