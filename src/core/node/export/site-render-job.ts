// One section (site-prerender.ts), social card (site-card-prerender.ts) or study's search words
// (site-search-file.ts) to make for the site export's pre-render, and how it is made: the
// same function on a worker thread (site-render-worker.ts) and on the main thread.
import type { RichTextDoc } from '../../pure/schemas/rich-text';
import type { SectionKey, Study } from '../../pure/schemas/study';
import { sectionSearch } from '../../pure/export/site-search-doc';
import { renderSectionEntry } from './site-study-body';
import { cardName, renderCardPng, type CardFonts } from './site-card-render';
import type { ImageSize } from '../../pure/image-size';

/** A social card's SVG, rendered to [its name, its PNG as base64]; `fonts`: a subset holding its characters. */
export interface CardJob {
  card: string;
  fonts?: CardFonts;
}

/** A study's sections (`search`: the study's place in the job list), to what the search index takes of them, as JSON. */
export interface SearchJob {
  search: number;
  sections: Pick<Study, SectionKey>;
}

export type RenderJob = SectionJob | CardJob | SearchJob;

export interface SectionJob {
  key: string;
  doc: RichTextDoc;
  /** Each image source of the section with the URL the page uses for it (null: left out) and its size. */
  urls: Array<[src: string, url: string | null, size: ImageSize | null]>;
}

/** The render cache entry of `job`: its key and value. */
export function renderJob(job: RenderJob): readonly [string, string] {
  if ('card' in job)
    return [cardName(job.card), Buffer.from(renderCardPng(job.card, job.fonts)).toString('base64')] as const;
  if ('search' in job) return [String(job.search), JSON.stringify(sectionSearch(job.sections))] as const;
  const { key, doc, urls } = job;
  const known = new Map(urls.map(([src, url]) => [src, url]));
  const sizes = new Map(urls.flatMap(([, url, size]) => (url !== null && size ? [[url, size] as const] : [])));
  const page = renderSectionEntry(
    doc,
    (src) => known.get(src) ?? null,
    (url) => sizes.get(url) ?? null,
  );
  return [key, page.value] as const;
}
