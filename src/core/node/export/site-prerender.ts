// The site export's rendering on every core: before the (synchronous) export runs, the
// sections the render cache lacks are rendered by worker threads into it; the export then
// finds them there, checking each entry's images as it checks any cached entry
// (site-study-body.ts), so the pages are byte for byte what one thread makes. A worker that
// fails costs nothing but time: whatever it did not render, the export renders itself.
import { availableParallelism } from 'node:os';
import type { Study } from '../../pure/schemas/study';
import { sectionKeys } from '../../pure/schemas/study';
import { RenderWorkers, renderChunks } from './render-workers';
import type { RenderCache } from './site-render-cache';
import { renderJob, type RenderJob } from './site-render-job';
import { imageUrl, sectionCacheKey, type ImageResolver } from './site-study-body';

/** Below this many sections to render, starting workers (~0.1 s each) costs more than it saves. */
const MIN_SECTIONS = 200;
/** Sections handed out at a time: small enough that no thread waits long for the last ones. */
const CHUNK = 24;

/**
 * Renders into `cache` every section of `studies` it lacks, on one worker per core (from
 * `workers`, started early, or started now) and on this thread while they start and between
 * their chunks: chunks are handed out as threads come free, so no core idles while another
 * has work. `resolve` says how the page shows an image (as the export will). Returns sections
 * rendered.
 */
export async function prerenderSections(
  studies: Study[],
  resolve: ImageResolver,
  cache: RenderCache,
  minSections = MIN_SECTIONS,
  workers?: RenderWorkers,
): Promise<number> {
  const jobs: RenderJob[] = [];
  const queued = new Set<string>();
  for (const study of studies) {
    for (const field of sectionKeys) {
      const doc = study[field];
      const { key, images } = sectionCacheKey(doc);
      if (queued.has(key) || cache.get(key) !== undefined) continue;
      queued.add(key);
      jobs.push({ key, doc, urls: [...new Set(images)].map((src) => [src, imageUrl(resolve(src))]) });
    }
  }
  const count = Math.min(availableParallelism(), Math.floor(jobs.length / (minSections / 2)));
  if (jobs.length < minSections || count < 2) return 0;
  const pool = workers ?? new RenderWorkers(0);
  const chunks: RenderJob[][] = [];
  for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(jobs.slice(i, i + CHUNK));
  let rendered = 0;
  const store = (entries: ReadonlyArray<readonly [string, string]>) => {
    for (const [key, value] of entries) cache.set(key, value);
    rendered += entries.length;
  };
  const running = pool.take(count).map((handle) => renderChunks(handle, chunks, store, pool.chunkMs));
  // This thread takes chunks too until none is left; it yields between them so the workers'
  // answers are received and they are handed their next chunk without waiting.
  let next: RenderJob[] | undefined;
  while ((next = chunks.shift())) {
    store(next.map(renderJob));
    await new Promise((resolveTurn) => setImmediate(resolveTurn));
  }
  await Promise.all(running);
  return rendered;
}
