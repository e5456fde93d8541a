// The expensive part of a study page — its four sections as HTML (with highlighted code) and
// its reading time — rendered once per content and remembered, so re-exporting after editing
// one study renders one study. The cache is keyed by a hash of the sections themselves, so
// it can never serve stale HTML; output is identical with or without it.
//
// A second, optional cache outlives the process (site-render-cache.ts keeps it beside the
// export): each section's HTML under a key that hashes the section's JSON, the renderer
// version and a fingerprint of the renderer's actual output. Its entries also record how every
// image was resolved, and are reused only if each image resolves the same way now.
import { createHash } from 'node:crypto';
import { richTextToHtml, type HtmlRenderOptions } from '../../pure/rich-text/html';
import { renderProbe } from '../../pure/rich-text/render-probe';
import { WORDS_PER_MINUTE, countWords, readingMinutes } from '../../pure/reading-time';
import { docToPlainText } from '../../pure/schemas/rich-text';
import type { RichTextDoc, RichTextNode } from '../../pure/schemas/rich-text';
import { sectionKeys, type SectionKey, type Study } from '../../pure/schemas/study';
import { highlightCode } from '../../pure/export/site-highlight';
import type { RenderCache } from './site-render-cache';
import type { ExportMemory } from './export-memory';
import type { ImageSize } from '../../pure/image-size';
import { imageUrl, sizeOf, type ImageResolver, type ImageSizes } from './site-images';

export interface StudyBody {
  /** HTML of each non-empty section, in section order. */
  sections: Array<{ key: SectionKey; html: string }>;
  minutes: number;
  /** Stored image sources the HTML refers to, mapped to their file name under assets/img/. */
  images: Map<string, string>;
}

/**
 * Bump when anything that shapes a section's HTML changes (rich-text/html.ts, site-highlight.ts,
 * image-size.ts, the options below): entries rendered by older code then never match. The fingerprint below
 * catches most changes by itself (a highlight.js upgrade, say), this catches the rest.
 */
// 2: link targets written exactly as checked (no trim), image src checked, Map lookups by type.
// 3: a timeline entry outside its timeline is a paragraph; an empty timeline renders nothing
//    (shapes the render probe, being loadable by the editor, cannot hold).
// 4: a code block is a <div class="code-block"> with its language label above the <pre>.
// 5: headings never skip a level (heading-steps.ts).
// 6: a stored heading level out of range (9, 1) renders as the level it is read as.
// 7: a workspace image has its pixel size as width and height.
// 8: the size is the one shown (image-size.ts: a JPEG's EXIF quarter turn; bump on its changes).
// 9: a code block is classed and highlighted by its info string's first word, not all of it.
export const SECTION_RENDER_VERSION = 9;

/** How many bodies an ExportMemory holds before it forgets them all. */
const MAX_CACHED = 5000;
/** One section's entry in the persistent cache, with its key. */
export type SectionCacheEntry = [key: string, value: string];

// Hashing 1,000 long studies costs ~100 ms, so hashes are computed only when a remembered
// body meets a different object for the same id (a study read again from disk), and each
// object's hash is remembered. Studies are immutable values throughout core (a save makes a
// new object), so the same object always has the same sections.
const hashes = new WeakMap<Study, string>();

function contentHash(study: Study): string {
  let hash = hashes.get(study);
  if (!hash) {
    hash = createHash('sha1')
      .update(JSON.stringify(sectionKeys.map((k) => study[k])))
      .digest('base64');
    hashes.set(study, hash);
  }
  return hash;
}

const renderOptions = (resolveImage: (src: string) => string | null, imageSize?: ImageSizes): HtmlRenderOptions => ({
  headingOffset: 1,
  highlight: highlightCode,
  resolveImage,
  imageSize,
});

let fingerprint: string | undefined;
/** What the section keys depend on besides the section: the render version and the probe's HTML. */
function rendererFingerprint(): string {
  fingerprint ??= createHash('sha1')
    .update(`${SECTION_RENDER_VERSION}\n${WORDS_PER_MINUTE}\n${countWords(docToPlainText(renderProbe()))}\n`)
    .update(
      richTextToHtml(
        renderProbe(),
        renderOptions(
          (src) => imageUrl(src.startsWith('https:') ? { remote: src } : { name: 'probe.png', size: null }),
          (url) => (url.endsWith('/probe.png') ? { width: 640, height: 480 } : null),
        ),
      ),
    )
    .digest('base64url');
  return fingerprint;
}

/**
 * Every part of a section the renderer reads (type, text, attrs, marks, children), each
 * free-form string prefixed by its length so no two documents give the same string. Cheaper
 * than JSON.stringify in a fresh process (no escaping); keys the persistent cache.
 */
function sectionIdentity(doc: RichTextNode, images: string[]): string {
  const parts: string[] = [];
  const visit = (node: RichTextNode): void => {
    parts.push(`${node.type.length}`, node.type);
    if (node.type === 'image' && typeof node.attrs?.src === 'string') images.push(node.attrs.src);
    if (node.text !== undefined) parts.push(`t${node.text.length}`, node.text);
    if (node.attrs !== undefined) {
      const attrs = JSON.stringify(node.attrs);
      parts.push(`a${attrs.length}`, attrs);
    }
    if (node.marks !== undefined) {
      const marks = JSON.stringify(node.marks);
      parts.push(`m${marks.length}`, marks);
    }
    const content = node.content;
    if (content !== undefined) {
      parts.push(`c${content.length}`);
      for (let i = 0; i < content.length; i++) visit(content[i]!);
    }
  };
  visit(doc as RichTextNode);
  return parts.join('\u0000');
}

// Documents are immutable values (a save makes a new object): a key computed once for a
// section serves the parallel pre-render (site-prerender.ts) and the export after it.
const sectionKeyMemo = new WeakMap<RichTextDoc, { key: string; images: string[] }>();

/** The persistent cache's key for one section's HTML, and the image sources in it (in order). */
export function sectionCacheKey(doc: RichTextDoc): { key: string; images: string[] } {
  let known = sectionKeyMemo.get(doc);
  if (!known) {
    const images: string[] = [];
    const identity = sectionIdentity(doc, images);
    known = {
      key: createHash('sha1').update(rendererFingerprint()).update('\n').update(identity).digest('base64url'),
      images,
    };
    sectionKeyMemo.set(doc, known);
  }
  return known;
}

/**
 * One section rendered for the persistent cache: its HTML, words and cache entry. Images
 * resolve through `resolveUrl`, in the order the HTML meets them (the entry records each).
 * The same function renders in the export and in the pre-render's worker threads. A URL
 * names its file's content (its hash), so the size `imageSize` gives for it never goes stale.
 */
export function renderSectionEntry(
  doc: RichTextDoc,
  resolveUrl: (src: string) => string | null,
  imageSize?: ImageSizes,
): { html: string; words: number; value: string } {
  const resolved: Array<[string, string | null]> = [];
  const html = richTextToHtml(
    doc,
    renderOptions((src) => {
      const url = resolveUrl(src);
      resolved.push([src, url]);
      return url;
    }, imageSize),
  );
  const words = countWords(docToPlainText(doc));
  return { html, words, value: entryValue(words, resolved, html) };
}

// An entry's value: JSON [words, [[src, url or null], …]] — the section's word count (for the
// reading time) and how each image resolved — then a newline (JSON.stringify never writes a
// raw one), then the HTML.
function entryValue(words: number, resolved: Array<[string, string | null]>, html: string): string {
  return `${JSON.stringify([words, resolved])}\n${html}`;
}

/**
 * A cached entry's HTML and words, or null unless it is well formed, names exactly the
 * section's images, and each of them resolves now as it did then (which also copies it again).
 */
function reuseEntry(
  value: string,
  images: string[],
  resolveUrl: (src: string) => string | null,
): { html: string; words: number } | null {
  const split = value.indexOf('\n');
  if (split < 0) return null;
  let head: unknown;
  try {
    head = JSON.parse(value.slice(0, split));
  } catch {
    return null;
  }
  if (!Array.isArray(head) || head.length !== 2) return null;
  const [words, resolved] = head as [unknown, unknown];
  if (typeof words !== 'number' || !Number.isInteger(words) || words < 0) return null;
  if (!Array.isArray(resolved) || resolved.length !== images.length) return null;
  const wellFormed = resolved.every(
    (item: unknown, i) =>
      Array.isArray(item) &&
      item.length === 2 &&
      item[0] === images[i] &&
      (item[1] === null || typeof item[1] === 'string'),
  );
  if (!wellFormed) return null;
  for (const [src, url] of resolved as Array<[string, string | null]>) if (resolveUrl(src) !== url) return null;
  return { html: value.slice(split + 1), words };
}

/** Optional hooks for tests: counts of sections rendered and reused from the persistent cache. */
export const studyBodyStats = { rendered: 0, reused: 0 };

/**
 * Renders a study's sections for a page one folder below the site root. `resolve` decides
 * image by image; a study whose images could not all be resolved is not remembered in memory,
 * so it is rendered again (and warned about again) next time. Bodies are remembered in
 * `memory`, by study id. `renderCache`, when given, supplies sections rendered by an earlier
 * process and learns every section this export uses.
 */
export function studyBody(
  study: Study,
  resolve: ImageResolver,
  memory: ExportMemory,
  renderCache?: RenderCache,
): StudyBody {
  const cache = memory.bodies;
  const hit = cache.get(study.id);
  const same = hit && (hit.study === study || contentHash(hit.study) === contentHash(study));
  // A remembered body is reused only if its images can all still be resolved (and so copied),
  // and, when there is a persistent cache, only if its entries for that cache are known.
  if (
    hit &&
    same &&
    (!renderCache || hit.entries) &&
    [...hit.body.images.keys()].every((src) => resolve(src) !== null)
  ) {
    hit.study = study;
    if (renderCache) hit.entries!.forEach(([key, value]) => renderCache.set(key, value));
    return hit.body;
  }

  const images = new Map<string, string>();
  let complete = true;
  const entries: SectionCacheEntry[] = [];
  const sizes = new Map<string, ImageSize>();
  const resolveUrl = (src: string): string | null => {
    const found = resolve(src);
    const url = imageUrl(found);
    const size = sizeOf(found);
    if (!found) complete = false;
    else if ('name' in found) images.set(src, found.name);
    if (url !== null && size) sizes.set(url, size);
    return url;
  };
  const imageSize: ImageSizes = (url) => sizes.get(url) ?? null;
  let words = 0;
  const sections = sectionKeys
    .map((key) => {
      const doc = study[key];
      if (!renderCache) {
        studyBodyStats.rendered++;
        return { key, html: richTextToHtml(doc, renderOptions(resolveUrl, imageSize)) };
      }
      const { key: cacheKey, images: sources } = sectionCacheKey(doc);
      const cached = renderCache.get(cacheKey);
      const reused = cached === undefined ? null : reuseEntry(cached, sources, resolveUrl);
      if (reused !== null) {
        studyBodyStats.reused++;
        words += reused.words;
        entries.push([cacheKey, cached!]);
        return { key, html: reused.html };
      }
      studyBodyStats.rendered++;
      const { html, words: sectionWords, value } = renderSectionEntry(doc, resolveUrl, imageSize);
      words += sectionWords;
      renderCache.set(cacheKey, value);
      entries.push([cacheKey, value]);
      return { key, html };
    })
    .filter((s) => s.html.trim() !== '');
  // With a cache, the words come from it: the same sum readingMinutes() makes, section by section.
  const minutes = renderCache ? Math.max(1, Math.round(words / WORDS_PER_MINUTE)) : readingMinutes(study);
  const body: StudyBody = { sections, minutes, images };
  if (complete) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(study.id, { study, body, ...(renderCache ? { entries } : {}) });
  }
  return body;
}
