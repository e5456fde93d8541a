// The static site export, as a pure function: (site settings, studies, a way to read assets)
// → the list of files to write, plus warnings for the author. No disk, no clock unless asked:
// output-writer.ts puts the files on disk.
import { ASSET_SRC_PATTERN } from '../../pure/asset-store-limits';
import { safeRemoteUrl } from '../../pure/safe-url';
import { exportableAsset } from './exportable-asset';
import type { SiteSettings } from '../../pure/schemas/site';
import { fieldValues, type Study } from '../../pure/schemas/study';
import type { OutputFile } from '../../pure/export/output-files';
import { categoryFeedPath, renderFeed, renderRobots, renderSitemap } from '../../pure/export/site-feed';
import type { CardContent } from '../../pure/export/site-card-svg';
import { pageCardContent, studyCardContent, studySocial, type ShownCover } from '../../pure/export/site-share';
import type { SocialImage } from '../../pure/export/site-social-meta';
import type { CardSource } from './site-cards';
import { SiteExportCards, type CardRecord } from './site-export-cards';
import { cardName } from './site-card-render';
import { buildSiteModel, type SitePerson, type SiteStudy } from '../../pure/export/site-model';
import { relatedStudies } from '../../pure/export/site-related';
import { dateFormatter, renderCategory, renderIndex, renderStudy, type PageContext } from './site-pages';
import { ARCHIVE_PATH, renderArchive, renderAuthor, renderTag, renderTagIndex, TAG_INDEX_PATH } from './site-listings';
import { rememberedPage } from './site-page-memo';
import { rootOf, shownTitle, siteName, visible } from '../../pure/export/site-layout';
import { studyBody } from './site-study-body';
import { workspaceImage, type ImageResolver } from './site-images';
import { siteLogo } from './site-logo-asset';
import type { RenderCache } from './site-render-cache';
import { ExportMemory } from './export-memory';
import type { RecordedFile } from './output-plan';
import { FAVICON_SVG, SITE_CSS } from '../../pure/export/site-theme';
import { headerCategories } from '../../pure/export/site-header';
import { SITE_SCRIPT } from '../../pure/export/site-script';
import { SEARCH_INDEX_ASSET, renderSearchPage } from '../../pure/export/site-search-page';
import { SEARCH_PAGE } from '../../pure/export/site-search-box';
import type { SectionSearch } from '../../pure/export/site-search-doc';
import { searchIndexFile } from './site-search-file';
import { siteFontFiles } from './site-fonts';
import type { SiteModel } from '../../pure/export/site-model';
import { brandCss } from '../../pure/export/site-theme-brand';
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
  /**
   * Where social cards come from (site-cards.ts: drawn, or reused from earlier exports). The
   * workspace export always gives one; without it no card is drawn (~30–90 ms each) and pages
   * without a cover have no og:image.
   */
  cards?: CardSource;
  /** The site's custom CSS file as read from the workspace (site-custom-css.ts), appended last. */
  customCss?: string;
}

/**
 * How an incremental export (site-incremental.ts) takes part: a page it knows to be on disk
 * for `key` is handed to the writer as recorded, its study's images resolved as when it was
 * rendered (so its assets and warnings are the same); every page rendered is reported.
 */
export interface SitePageHooks {
  /** `card`: its social card's file as written with it (none: the card is drawn or read again). */
  known(s: SiteStudy, key: string): { file: RecordedFile; images: string[]; minutes: number; card?: CardRecord } | null;
  rendered(s: SiteStudy, key: string, html: string, images: string[], minutes: number, card?: CardRecord): void;
  /** The card of a page known to be on disk, written again (not recorded) as `card`. */
  cardWritten?(s: SiteStudy, card: CardRecord): void;
  /** What the study's sections gave the search index last time, when they are the same. */
  searchKnown?(s: SiteStudy): SectionSearch | null;
  searched?(s: SiteStudy, sections: SectionSearch): void;
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

/**
 * The site settings as every study page reads them (studyPageKey), with the header's links, and
 * how cards are drawn (a card's name, in og:image, changes with the font or drawing: cardName('')
 * stands for both).
 */
export const siteKeyOf = (site: SiteSettings, model: SiteModel): string =>
  JSON.stringify([site, site.baseUrl !== '', headerCategories(model), cardName('')]);

const neighbour = (n: SiteStudy | undefined) => (n ? [n.path, n.study.title] : null);
/**
 * What a related study's entry shows (site-entries.ts, without reading time): a rename, a new
 * summary or outcome re-renders the page.
 */
const relatedEntry = (r: SiteStudy) => [
  r.path,
  r.study.title,
  r.study.summary,
  r.study.date,
  r.study.status,
  r.study.outcome,
  r.study.metrics[0] ?? null,
];

/**
 * Everything the page of `studies[i]` shows besides its sections. Every field of the table
 * (fieldValues), not a hand-picked few: a field the page shows but the key missed would serve
 * a stale page. Tag and author pages are named as other studies make them (a tag's spelling,
 * a slug made unique), so their names and paths are in it too. An author's avatar is in the
 * site settings (siteKey); whether its file travels is the assets folder's, which a snapshot's
 * inputs hash covers (export-receipt.ts) and the in-memory page memo is keyed by (below).
 */
export function studyPageKey(siteKey: string, model: SiteModel, i: number): string {
  const { studies } = model;
  const s = studies[i]!;
  return `${siteKey}${JSON.stringify([
    s.path,
    fieldValues(s.study),
    s.categories.map((c) => [c.name, c.path]),
    s.tags.map((t) => [t.name, t.path]),
    s.people.map((p) => [p.name, p.path]),
    neighbour(studies[i - 1]),
    neighbour(studies[i + 1]),
    (relatedStudies(model).get(s) ?? []).map(relatedEntry),
  ])}`;
}

/** Which authors' avatars travel with the site (a workspace image exportableAsset allows), by file name. */
export function siteAvatars(
  people: SitePerson[],
  readAsset: SiteExportInput['readAsset'],
  assets: Map<string, Uint8Array>,
  warnings: string[],
): Map<SitePerson, string> {
  const avatars = new Map<SitePerson, string>();
  for (const person of people) {
    const src = person.profile?.avatar;
    if (!src) continue;
    const image = siteImage(src, readAsset);
    if ('name' in image) {
      assets.set(image.name, image.bytes);
      avatars.set(person, image.name);
    } else
      warnings.push(
        `The avatar of "${person.name}" ${'refused' in image && image.refused ? `was left out: ${image.refused}` : 'is not a workspace image; it was left out'}`,
      );
  }
  return avatars;
}

export function siteExport(input: SiteExportInput): SiteExportResult {
  const warnings: string[] = [];
  const assets = new Map<string, Uint8Array>();
  const { site, logoSize } = siteLogo(input.site, input.readAsset, assets, warnings);
  const model = buildSiteModel(site, input.studies, input.drafts);
  const hasFeed = site.baseUrl !== '';
  const refused = new Map<string, string>();
  const minutes = new Map<SiteStudy, number>();
  const avatars = siteAvatars(model.people, input.readAsset, assets, warnings);
  const ctx: PageContext = { model, hasFeed, formatDate: dateFormatter(site.language), minutes, avatars, logoSize };
  const memory = input.memory ?? new ExportMemory();

  // Which stored images travel with the site is exportableAsset's decision (no SVG, only
  // files that are what their name says), the same for the Markdown export.
  const imagesOf =
    (s: SiteStudy, calls?: string[]): ImageResolver =>
    (src) => {
      calls?.push(src);
      if (ASSET_SRC_PATTERN.test(src)) {
        const name = src.slice('assets/'.length);
        const bytes = assets.get(name);
        if (bytes) return workspaceImage(name, bytes);
        if (refused.has(src)) {
          warnings.push(`"${s.study.title}": ${refused.get(src)!}; it was left out`);
          return null;
        }
      }
      const image = siteImage(src, input.readAsset);
      if ('remote' in image) return image;
      if ('name' in image) {
        assets.set(image.name, image.bytes);
        return workspaceImage(image.name, image.bytes);
      }
      if (image.refused === null) {
        warnings.push(`An image in "${s.study.title}" is neither a workspace image nor http(s); it was left out`);
        return null;
      }
      refused.set(src, image.refused);
      warnings.push(`"${s.study.title}": ${image.refused}; it was left out`);
      return null;
    };

  const cards = new SiteExportCards(input.cards, memory);
  const card = (content: CardContent): SocialImage | null => cards.card(content)?.image ?? null;
  /** The study's cover as the site carries it (resolved like its other images), or null. */
  const coverOf = (s: SiteStudy, resolve: ImageResolver): ShownCover | null => {
    const cover = s.study.cover;
    const shown = cover ? resolve(cover.src) : null;
    if (!cover || !shown || !('name' in shown)) return null;
    const size = shown.size;
    return {
      path: `assets/img/${shown.name}`,
      alt: cover.alt,
      width: size?.width ?? null,
      height: size?.height ?? null,
    };
  };

  const recorded: RecordedFile[] = [];
  const files: OutputFile[] = [
    { path: SEARCH_PAGE, contents: renderSearchPage(site, hasFeed, headerCategories(model), logoSize) },
    { path: 'robots.txt', contents: renderRobots(site.baseUrl) },
    { path: 'assets/site.css', contents: siteCss(site, input.customCss) },
    { path: 'assets/favicon.svg', contents: FAVICON_SVG },
    { path: 'assets/site.js', contents: SITE_SCRIPT },
    { path: SEARCH_INDEX_ASSET, contents: searchIndexFile(model, memory, input.pages) },
    { path: NOT_FOUND_PATH, contents: renderNotFound(site, hasFeed, headerCategories(model), logoSize) },
    ...siteFontFiles(site),
  ];

  // Everything a study page shows besides its own study, body and neighbours.
  const siteKey = siteKeyOf(site, model);
  model.studies.forEach((s, i) => {
    const key = studyPageKey(siteKey, model, i);
    const known = input.pages?.known(s, key);
    if (known) {
      const resolve = imagesOf(s);
      known.images.forEach((src) => resolve(src));
      const written = coverOf(s, resolve) ? null : cards.keep(studyCardContent(site, s.study), known.card);
      if (written) input.pages?.cardWritten?.(s, written);
      recorded.push(known.file);
      minutes.set(s, known.minutes);
      return;
    }
    const images: string[] = [];
    const resolve = imagesOf(s, images);
    const cover = coverOf(s, resolve);
    const headline = shownTitle(s.study.title);
    const drawn = cover ? null : cards.card(studyCardContent(site, s.study));
    const image = cover ?? drawn?.image ?? null;
    const share = {
      cover,
      social: studySocial(site, s.study, { path: s.path, root: rootOf(s.path), headline }, image),
    };
    const body = studyBody(s.study, resolve, memory, input.renderCache);
    const memoKey = `${key}${JSON.stringify(s.people.map((p) => avatars.get(p) ?? null))}`;
    const html = rememberedPage(memory, s.path, memoKey, body, () => renderStudy(ctx, i, body, share));
    input.pages?.rendered(s, key, html, images, body.minutes, drawn?.record);
    minutes.set(s, body.minutes);
    files.push({ path: s.path, contents: html });
  });
  // Listings show every study's reading time, known only once its page is made or recalled:
  // they are drawn after the study pages. They are cheap, so every export draws them all.
  const siteCard = card(pageCardContent(site, visible(site.tagline) || siteName(site)));
  files.unshift({ path: 'index.html', contents: renderIndex(ctx, siteCard) });
  for (const category of model.categories) {
    files.push({
      path: category.path,
      contents: renderCategory(ctx, category, card(pageCardContent(site, category.name))),
    });
  }
  for (const tag of model.tags) files.push({ path: tag.path, contents: renderTag(ctx, tag) });
  files.push({ path: TAG_INDEX_PATH, contents: renderTagIndex(ctx) });
  for (const person of model.people) files.push({ path: person.path, contents: renderAuthor(ctx, person) });
  files.push({ path: ARCHIVE_PATH, contents: renderArchive(ctx) });
  for (const [name, bytes] of assets) files.push({ path: `assets/img/${name}`, contents: bytes });
  files.push(...cards.files());
  recorded.push(...cards.recorded());
  if (hasFeed) {
    const generatedAt = input.generatedAt ?? new Date();
    files.push({ path: 'feed.xml', contents: renderFeed(model, generatedAt) });
    for (const category of model.categories)
      files.push({ path: categoryFeedPath(category), contents: renderFeed(model, generatedAt, category) });
    files.push({ path: 'sitemap.xml', contents: renderSitemap(model) });
  } else {
    warnings.push(NO_BASE_URL_WARNING);
  }
  return { files, recorded, warnings: [...new Set(warnings)], studies: model.studies.length };
}
