// A worker thread of the site export's pre-render (site-prerender.ts): renders the sections
// it is sent with renderSectionEntry, each image resolved as the export resolved it, and
// sends back their cache entries. Pure work: no disk, no network.
import { parentPort } from 'node:worker_threads';
import type { RichTextDoc } from '../../pure/schemas/rich-text';
import { renderSectionEntry } from './site-study-body';

export interface RenderJob {
  key: string;
  doc: RichTextDoc;
  /** Each image source of the section with the URL the page uses for it (null: left out). */
  urls: Array<[string, string | null]>;
}

parentPort?.on('message', (jobs: RenderJob[]) => {
  const entries = jobs.map(({ key, doc, urls }) => {
    const known = new Map(urls);
    return [key, renderSectionEntry(doc, (src) => known.get(src) ?? null).value] as const;
  });
  parentPort!.postMessage(entries);
});
