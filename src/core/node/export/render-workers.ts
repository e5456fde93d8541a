// The site pre-render's worker threads (site-prerender.ts), each bounded: a heap limit, and a
// time limit on starting and on every chunk, past which it is stopped and its chunk handed
// back for another thread. They can be started before the studies are read (RenderWorkers),
// so their start-up (loading the renderer, ~0.5 s) runs on a core that is idle meanwhile.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker';
import { renderJob, type RenderJob } from './site-render-job';

const MAX_WORKERS = 8;
/**
 * A worker that has not started, or answered a chunk, within this long is stopped and its
 * chunk rendered by the others (a hostile document, a hung thread); far above any real chunk.
 */
export const WORKER_CHUNK_MS = 60_000;
/** Each worker's heap: far above a chunk's needs (a few MB), far below the machine's. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };

/** For tests: workers stopped for exceeding their time bound. */
export const prerenderStats = { stopped: 0 };

type Entries = ReadonlyArray<readonly [string, string]>;
/** Takes a chunk's entries; `chunk` is the jobs they answer (to tell sections from cards). */
export type StoreEntries = (entries: Entries, chunk: RenderJob[]) => void;

interface Handle {
  worker: Worker;
  /** True once it said it is ready; false when it failed or took too long to start. */
  ready: Promise<boolean>;
}

function spawn(chunkMs: number): Handle | null {
  let worker: Worker;
  try {
    worker = startModuleWorker('site-render-worker', import.meta.url, { resourceLimits: WORKER_LIMITS });
  } catch {
    return null;
  }
  const ready = new Promise<boolean>((resolve) => {
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      worker.off('message', onReady);
      worker.off('error', onFail);
      worker.off('exit', onFail);
      resolve(ok);
    };
    const onReady = () => settle(true);
    const onFail = () => settle(false);
    const timer = setTimeout(() => {
      prerenderStats.stopped++;
      settle(false);
    }, chunkMs);
    worker.once('message', onReady);
    worker.once('error', onFail);
    worker.once('exit', onFail);
  });
  return { worker, ready };
}

/** Workers started ahead of the pre-render; every one not used is stopped by close(). */
export class RenderWorkers {
  private handles: Handle[];

  constructor(
    count = Math.min(MAX_WORKERS, availableParallelism()),
    readonly chunkMs = WORKER_CHUNK_MS,
  ) {
    this.handles = Array.from({ length: count }, () => spawn(chunkMs)).filter((h): h is Handle => h !== null);
  }

  /** Up to `count` workers (started here if fewer were), now the caller's. */
  take(count: number): Handle[] {
    const taken = this.handles.splice(0, count);
    while (taken.length < count) {
      const more = spawn(this.chunkMs);
      if (!more) break;
      taken.push(more);
    }
    return taken;
  }

  /** Stops the workers nobody took. */
  close(): void {
    for (const { worker } of this.handles.splice(0)) void worker.terminate();
  }
}

/**
 * Renders every chunk of `chunks` on `workers` workers from `pool` (started now if it has
 * none) and on this thread, chunks handed out as threads come free: this thread takes chunks
 * too, yielding between them so the workers' answers are received and they get their next
 * chunk at once. A chunk a worker failed goes back to the queue; one left when this thread
 * is done is not rendered (the export renders what is missing itself).
 */
export async function renderOnThreads(
  chunks: RenderJob[][],
  workers: number,
  store: StoreEntries,
  pool: RenderWorkers = new RenderWorkers(0),
): Promise<void> {
  const running = pool.take(workers).map((handle) => renderChunks(handle, chunks, store, pool.chunkMs));
  let next: RenderJob[] | undefined;
  while ((next = chunks.shift())) {
    store(next.map(renderJob), next);
    await new Promise((resolveTurn) => setImmediate(resolveTurn));
  }
  await Promise.all(running);
}

/** Renders chunk after chunk from `chunks` on one worker until none is left or it fails. */
export async function renderChunks(
  handle: Handle,
  chunks: RenderJob[][],
  store: StoreEntries,
  chunkMs: number,
): Promise<void> {
  const { worker } = handle;
  if (!(await handle.ready)) {
    void worker.terminate();
    return;
  }
  await new Promise<void>((done) => {
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
    const sendNext = () => {
      current = chunks.shift();
      if (!current) return finish();
      timer = setTimeout(() => {
        prerenderStats.stopped++;
        failed();
      }, chunkMs);
      // As JSON text: copying one string costs far less than cloning thousands of small objects.
      worker.postMessage(JSON.stringify(current));
    };
    const received = (entries: Entries) => {
      clearTimeout(timer);
      const answered = current!;
      current = undefined;
      store(entries, answered);
      sendNext();
    };
    worker.on('message', received);
    worker.once('error', failed);
    worker.once('exit', failed);
    sendNext();
  });
}
