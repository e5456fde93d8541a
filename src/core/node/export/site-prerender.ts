// The site export's rendering on every core: before the (synchronous) export runs, the
// sections the render cache lacks are rendered by worker threads into it; the export then
// finds them there, checking each entry's images as it checks any cached entry
// (site-study-body.ts), so the pages are byte for byte what one thread makes. A worker that
// fails costs nothing but time: whatever it did not render, the export renders itself.
import { availableParallelism } from 'node:os';
import type { Study } from '../../pure/schemas/study';
import { sectionKeys } from '../../pure/schemas/study';
import { startModuleWorker } from '../module-worker';
import type { RenderCache } from './site-render-cache';
import type { RenderJob } from './site-render-worker';
import { imageUrl, sectionCacheKey, type ImageResolver } from './site-study-body';

/** Below this many sections to render, starting workers (~0.1 s each) costs more than it saves. */
const MIN_SECTIONS = 200;
const MAX_WORKERS = 8;

/**
 * Renders into `cache` every section of `studies` it lacks, on one worker per core.
 * `resolve` says how the page shows an image (as the export will). Returns sections rendered.
 */
export async function prerenderSections(
  studies: Study[],
  resolve: ImageResolver,
  cache: RenderCache,
  minSections = MIN_SECTIONS,
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
  const workers = Math.min(MAX_WORKERS, availableParallelism(), Math.floor(jobs.length / (minSections / 2)));
  if (jobs.length < minSections || workers < 2) return 0;
  const share = Math.ceil(jobs.length / workers);
  const done = await Promise.all(
    Array.from({ length: workers }, (_, i) => renderIn(jobs.slice(i * share, (i + 1) * share))),
  );
  let rendered = 0;
  for (const entries of done) {
    for (const [key, value] of entries) cache.set(key, value);
    rendered += entries.length;
  }
  return rendered;
}

/** The entries one worker renders for `jobs`; none when it fails. */
function renderIn(jobs: RenderJob[]): Promise<Array<readonly [string, string]>> {
  return new Promise((resolve) => {
    let worker;
    try {
      worker = startModuleWorker('site-render-worker', import.meta.url);
    } catch {
      resolve([]);
      return;
    }
    const failed = () => finish([]);
    const finish = (entries: Array<readonly [string, string]>) => {
      // Only our own listeners: the Worker keeps internal ones that must stay.
      worker.off('message', finish);
      worker.off('error', failed);
      worker.off('exit', failed);
      void worker.terminate();
      resolve(entries);
    };
    worker.once('message', finish);
    worker.once('error', failed);
    worker.once('exit', failed);
    worker.postMessage(jobs);
  });
}
