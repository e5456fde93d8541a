// The site export's rendering on every core: before the (synchronous) export runs, the
// sections the render cache lacks are rendered by worker threads into it; the export then
// finds them there, checking each entry's images as it checks any cached entry
// (site-study-body.ts), so the pages are byte for byte what one thread makes. A worker that
// fails costs nothing but time: whatever it did not render, the export renders itself.
import { availableParallelism } from 'node:os';
import type { Study } from '../../pure/schemas/study';
import { sectionKeys } from '../../pure/schemas/study';
import { renderOnThreads, type RenderWorkers } from './render-workers';
import type { RenderCache } from './site-render-cache';
import type { SectionJob } from './site-render-job';
import { sectionCacheKey } from './site-study-body';
import { imageUrl, sizeOf, type ImageResolver } from './site-images';

/** Below this many sections to render, starting workers (~0.1 s each) costs more than it saves. */
const MIN_SECTIONS = 200;
/** Sections handed out at a time: small enough that no thread waits long for the last ones. */
const CHUNK = 24;

/** The sections of `studies` that `cache` lacks, each once, with its images as the page shows them. */
export function sectionJobs(studies: Study[], resolve: ImageResolver, cache: RenderCache): SectionJob[] {
  const jobs: SectionJob[] = [];
  const queued = new Set<string>();
  for (const study of studies) {
    for (const field of sectionKeys) {
      const doc = study[field];
      const { key, images } = sectionCacheKey(doc);
      if (queued.has(key) || cache.get(key) !== undefined) continue;
      queued.add(key);
      const urls = [...new Set(images)].map((src): SectionJob['urls'][number] => {
        const found = resolve(src);
        return [src, imageUrl(found), sizeOf(found)];
      });
      jobs.push({ key, doc, urls });
    }
  }
  return jobs;
}

/** Workers worth starting for `jobs` sections besides this thread (0: this thread alone, or no pre-render). */
export function sectionWorkers(jobs: number, minSections = MIN_SECTIONS): number {
  const count = Math.min(availableParallelism(), Math.floor(jobs / (minSections / 2)));
  return jobs < minSections || count < 2 ? 0 : count;
}

/** `jobs` in chunks of the size handed out at a time. */
export const sectionChunks = (jobs: SectionJob[]): SectionJob[][] => inChunks(jobs, CHUNK);

export function inChunks<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Renders into `cache` every section of `studies` it lacks, on one worker per core (from
 * `workers`, started early, or started now) and on this thread while they start and between
 * their chunks (render-workers.ts renderOnThreads). `resolve` says how the page shows an image
 * (as the export will). Returns sections rendered.
 */
export async function prerenderSections(
  studies: Study[],
  resolve: ImageResolver,
  cache: RenderCache,
  minSections = MIN_SECTIONS,
  workers?: RenderWorkers,
): Promise<number> {
  const jobs = sectionJobs(studies, resolve, cache);
  const count = sectionWorkers(jobs.length, minSections);
  if (count === 0) return 0;
  let rendered = 0;
  await renderOnThreads(
    sectionChunks(jobs),
    count,
    (entries) => {
      for (const [key, value] of entries) cache.set(key, value);
      rendered += entries.length;
    },
    workers,
  );
  return rendered;
}
