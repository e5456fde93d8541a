// The site export's rendering on every core: before the (synchronous) export runs, the
// sections the render cache lacks are rendered by worker threads into it; the export then
// finds them there, checking each entry's images as it checks any cached entry
// (site-study-body.ts), so the pages are byte for byte what one thread makes. A worker that
// fails costs nothing but time: whatever it did not render, the export renders itself.
import { availableParallelism } from 'node:os';
import type { Study } from '../../pure/schemas/study';
import { sectionKeys } from '../../pure/schemas/study';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker';
import type { RenderCache } from './site-render-cache';
import { renderJob, type RenderJob } from './site-render-job';
import { imageUrl, sectionCacheKey, type ImageResolver } from './site-study-body';

/** Below this many sections to render, starting workers (~0.1 s each) costs more than it saves. */
const MIN_SECTIONS = 200;
const MAX_WORKERS = 8;
/** Sections handed out at a time: small enough that no thread waits long for the last ones. */
const CHUNK = 24;
/**
 * A worker that has not answered a chunk within this long is stopped and its chunk rendered by
 * the others (a hostile document, a hung thread); far above what any real chunk takes.
 */
export const WORKER_CHUNK_MS = 60_000;
/** For tests: workers stopped for exceeding their time bound. */
export const prerenderStats = { stopped: 0 };
/** Each worker's heap: far above a chunk's needs (a few MB), far below the machine's. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };

/**
 * Renders into `cache` every section of `studies` it lacks, on one worker per core and on this
 * thread while the workers start and between their chunks: chunks are handed out as threads
 * come free, so no core idles while another has work. `resolve` says how the page shows an
 * image (as the export will). Returns sections rendered.
 */
export async function prerenderSections(
  studies: Study[],
  resolve: ImageResolver,
  cache: RenderCache,
  minSections = MIN_SECTIONS,
  chunkMs = WORKER_CHUNK_MS,
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
  const chunks: RenderJob[][] = [];
  for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(jobs.slice(i, i + CHUNK));
  let rendered = 0;
  const store = (entries: ReadonlyArray<readonly [string, string]>) => {
    for (const [key, value] of entries) cache.set(key, value);
    rendered += entries.length;
  };
  const running = Array.from({ length: workers }, () => renderChunks(chunks, store, chunkMs));
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

/** Runs on a worker, chunk after chunk from `chunks`, until none is left or it fails. */
function renderChunks(
  chunks: RenderJob[][],
  store: (entries: ReadonlyArray<readonly [string, string]>) => void,
  chunkMs: number,
): Promise<void> {
  return new Promise((done) => {
    let worker: Worker;
    try {
      worker = startModuleWorker('site-render-worker', import.meta.url, { resourceLimits: WORKER_LIMITS });
    } catch {
      done();
      return;
    }
    let current: RenderJob[] | undefined;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      // Only our own listeners: the Worker keeps internal ones that must stay.
      worker.off('message', received);
      worker.off('error', failed);
      worker.off('exit', failed);
      void worker.terminate();
      done();
    };
    const failed = () => {
      // Its chunk goes back for another thread; this one is not used again.
      if (current) chunks.push(current);
      current = undefined;
      finish();
    };
    const tooSlow = () => {
      prerenderStats.stopped++;
      failed();
    };
    const sendNext = () => {
      current = chunks.shift();
      if (!current) return finish();
      timer = setTimeout(tooSlow, chunkMs);
      // As JSON text: copying one string costs far less than cloning thousands of small objects.
      worker.postMessage(JSON.stringify(current));
    };
    const received = (entries: Array<readonly [string, string]> | null) => {
      clearTimeout(timer);
      current = undefined;
      if (entries) store(entries);
      sendNext();
    };
    worker.on('message', received);
    worker.once('error', failed);
    worker.once('exit', failed);
    // Started and loaded within the same bound as a chunk, or given up.
    timer = setTimeout(tooSlow, chunkMs);
  });
}
