// One section to render for the site export's pre-render (site-prerender.ts), and how it is
// rendered: the same function on a worker thread (site-render-worker.ts) and on the main thread.
import type { RichTextDoc } from '../../pure/schemas/rich-text';
import { renderSectionEntry } from './site-study-body';

export interface RenderJob {
  key: string;
  doc: RichTextDoc;
  /** Each image source of the section with the URL the page uses for it (null: left out). */
  urls: Array<[string, string | null]>;
}

/** The render cache entry of `job`: its key and value. */
export function renderJob({ key, doc, urls }: RenderJob): readonly [string, string] {
  const known = new Map(urls);
  return [key, renderSectionEntry(doc, (src) => known.get(src) ?? null).value] as const;
}
