// The app's Preview: one study drawn by the site export's own page renderer, packed into ONE
// self-contained HTML document for an <iframe srcdoc>: the site stylesheet inlined, workspace
// images as data: URIs, every link inert (the preview must never navigate the app), drafts
// shown. Pure: the caller passes the way to read an image's bytes.
import { exportableAsset } from './exportable-asset';
import { siteLogo } from './site-logo-asset';
import { ASSET_SRC_PATTERN, assetMediaTypes, type AssetMediaType } from '../../pure/asset-store-limits';
import { readingMinutes } from '../../pure/reading-time';
import { safeRemoteUrl } from '../../pure/safe-url';
import { richTextToHtml } from '../../pure/rich-text/html';
import type { SiteSettings } from '../../pure/schemas/site';
import { sectionKeys, type Study } from '../../pure/schemas/study';
import { highlightCode } from '../../pure/export/site-highlight';
import { buildSiteModel } from '../../pure/export/site-model';
import { dateFormatter, renderStudy, type PageContext } from './site-pages';
import type { StudyBody } from './site-study-body';
import { SITE_CSS } from '../../pure/export/site-theme';
import { brandCss } from '../../pure/export/site-theme-brand';

export interface StudyPreviewInput {
  site: SiteSettings;
  study: Study;
  /** Bytes of a workspace asset such as `assets/<sha256>.png`, or null when it is missing. */
  readAsset(src: string): Uint8Array | null;
}

// Defence in depth on top of the iframe's sandbox: nothing in the frame may run, load or submit
// anything but inline styles and images (remote ones as the published page would show them).
const PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https: http:; form-action 'none'";

// Links lose their target (below), so the browser no longer draws them as links: keep the
// look the published page has, and show that they do nothing here.
const PREVIEW_CSS = `
.study-body a, .lede a, .meta a { text-decoration: underline; }
a:not([href]) { cursor: default; }
.skip-link { display: none; }
`;

const mediaTypeByExtension = Object.fromEntries(
  Object.entries(assetMediaTypes).map(([type, ext]) => [ext, type as AssetMediaType]),
) as Record<string, AssetMediaType>;

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** An exportable asset (exportable-asset.ts) as a data: URL. */
function dataUrl(asset: { name: string; bytes: Uint8Array }): string {
  const ext = asset.name.slice(asset.name.lastIndexOf('.') + 1);
  return `data:${mediaTypeByExtension[ext]};base64,${base64(asset.bytes)}`;
}

/** Where an image points in the preview; the same choices as the site export (siteExport). */
function previewImage(src: string, readAsset: StudyPreviewInput['readAsset']): string | null {
  if (ASSET_SRC_PATTERN.test(src)) {
    // The images the exports may carry (no SVG: it can carry script), and nothing else.
    const asset = exportableAsset(src, readAsset);
    return asset.ok ? dataUrl(asset) : null;
  }
  return safeRemoteUrl(src);
}

// Rendered here rather than through site-study-body's studyBody(): that one caches bodies by
// study id with site-relative image paths, and the preview's data: URIs must never enter it.
function previewBody(study: Study, readAsset: StudyPreviewInput['readAsset']): StudyBody {
  const options = {
    headingOffset: 1,
    highlight: highlightCode,
    resolveImage: (src: string) => previewImage(src, readAsset),
  };
  const sections = sectionKeys
    .map((key) => ({ key, html: richTextToHtml(study[key], options) }))
    .filter((s) => s.html.trim() !== '');
  return { sections, minutes: readingMinutes(study), images: new Map() };
}

/**
 * Makes a rendered page stand alone and inert. Safe on this HTML because every attribute value
 * it holds was escaped (no `"`, `<` or `>` inside one) and text never holds a raw `<`.
 * `brand`: CSS put after the site's own, as its pages add their branding.
 */
export function inertPage(page: string, brand = ''): string {
  // Replacements are functions so a `$` in the stylesheet is never read as a pattern.
  return (
    page
      .replace(/<link\b[^>]*>\n?/g, '')
      // The site's scripts and search box: the preview is one inert document, running nothing.
      .replace(/<script\b[^>]*><\/script>\n?/g, '')
      .replace(/<form\b[\s\S]*?<\/form>/g, '')
      // Links to its own headings lead nowhere in an inert preview (and a name without href is invalid).
      .replace(/<a class="heading-anchor"[^>]*>#<\/a>/g, '')
      .replace('</head>', () => `<style>\n${SITE_CSS}${brand}${PREVIEW_CSS}</style>\n</head>`)
      .replace(
        '<meta charset="utf-8">',
        () => `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${PREVIEW_POLICY}">`,
      )
      .replace(/<a\b[^>]*>/g, (tag) => tag.replace(/\s(?:href|target|rel)="[^"]*"/g, ''))
  );
}

/** The study's published page as one self-contained, inert HTML document. */
export function studyPreviewHtml(input: StudyPreviewInput): string {
  const { study } = input;
  // The logo as the export carries it (siteLogo: left out where the export leaves it out, the
  // title staying), its bytes embedded below: its site path (assets/img/…) loads nothing here.
  const logoAssets = new Map<string, Uint8Array>();
  const { site, logoSize } = siteLogo(input.site, input.readAsset, logoAssets, []);
  const [logo] = [...logoAssets].map(([name, bytes]) => dataUrl({ name, bytes }));
  // A model of this one study, drafts included: the preview shows the study even as a draft.
  const model = buildSiteModel(site, [study], true);
  // No avatars in the preview: it embeds only the study's own images and the logo.
  const ctx: PageContext = {
    model,
    hasFeed: site.baseUrl !== '',
    formatDate: dateFormatter(site.language),
    minutes: new Map(),
    avatars: new Map(),
    logoSize,
  };
  // The cover as a data: URL; no card is drawn for a preview (nothing shares it).
  const coverSrc = study.cover ? previewImage(study.cover.src, input.readAsset) : null;
  const cover = study.cover && coverSrc ? { path: '', alt: study.cover.alt, width: null, height: null } : null;
  const share = { social: { image: null }, cover, coverSrc: coverSrc ?? undefined };
  const page = renderStudy(ctx, 0, previewBody(study, input.readAsset), share);
  // The header's one logo <img> (site-logo.ts writes its src first) gets the data: URL.
  const withLogo = logo
    ? page.replace(/(<img class="site-logo" src=")[^"]*"/, (_, start: string) => `${start}${logo}"`)
    : page;
  // The site's branding as its pages link it (accent, font, the logo's box), inlined. Inter's
  // files cannot load in the frame (its policy): the preview draws the system sans it falls back to.
  const font = site.font === 'inter' ? 'sans' : site.font;
  return inertPage(withLogo, brandCss({ accent: site.accent, font, logo: site.logo }));
}
