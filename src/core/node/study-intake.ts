// The library's first full read of many studies (a large workspace opened for the first time,
// or after a pull that changed hundreds of files) on worker threads: reading, validating,
// extracting the words and counting the checks of 10,000 studies is ~20 s of one core, the
// main thread's, which also answers every search. Each worker is bounded like the site's
// render workers (a heap limit; a time limit on starting and on every batch): one that fails
// or hangs is stopped and its batches handed to the others, and what no worker answered is
// returned for the caller to read itself.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { TemplateSections } from '../pure/checks/template-prompts';
import type { StudyWords } from '../pure/library/study-words';
import type { SiteSettings } from '../pure/schemas/site';
import type { StudySummary } from '../pure/schemas/study';
import type { CheckCounts } from './library-badges';
import { startModuleWorker } from './module-worker';
import type { FileStamp } from './study-files';

/** What every worker is started with: what the checks of a study need beyond the study. */
export interface IntakeContext {
  site: SiteSettings;
  /** The workspace's templates (their prompts); null when not read: no counts are made. */
  templates: TemplateSections[] | null;
  /** Every listed study's id, title and slug, for the duplicate checks. */
  names: Array<Pick<StudySummary, 'id' | 'title' | 'slug'>>;
}
export interface IntakeItem {
  id: string;
  file: string;
}
export interface IntakeRequest {
  seq: number;
  items: IntakeItem[];
}
/** A study read in full: its words, its file's stamp when it did not change during the read, its counts. */
export interface IntakeRead extends StudyWords {
  stamp: FileStamp | null;
  counts: CheckCounts | null;
}
/** `read` null: not a study this worker could use (damaged, missing, a link…): read it on the main thread. */
export interface IntakeResult {
  id: string;
  read: IntakeRead | null;
}
export interface IntakeReply {
  seq: number;
  results: IntakeResult[];
}

const MAX_WORKERS = 4;
/** Studies per message: small enough that results arrive steadily, large enough to pay a message. */
const BATCH = 16;
/** Batches each worker holds at once: the next is there when one is answered. */
const IN_FLIGHT = 2;
/** A worker that has not started, or answered a batch, within this long is stopped (a hung thread). */
export const INTAKE_BATCH_MS = 60_000;
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };

/** For tests: studies answered by a worker thread, and workers stopped for failing or hanging. */
export const intakeStats = { answered: 0, stopped: 0 };

export interface IntakeOptions {
  threads?: number;
  batchMs?: number;
}

/** Worker threads to use by default: one per core, a few at most. */
export const intakeThreads = (): number => Math.min(MAX_WORKERS, availableParallelism());

/**
 * Reads `items` on worker threads, calling `onResults` (on this thread) with each batch as it
 * is answered. Resolves with the items no worker answered, for the caller to read itself.
 */
export async function readOnThreads(
  items: IntakeItem[],
  context: IntakeContext,
  onResults: (results: IntakeResult[]) => void,
  { threads = intakeThreads(), batchMs = INTAKE_BATCH_MS }: IntakeOptions = {},
): Promise<IntakeItem[]> {
  const queue: IntakeItem[][] = [];
  for (let from = 0; from < items.length; from += BATCH) queue.push(items.slice(from, from + BATCH));
  const workers = Math.min(threads, queue.length);
  await Promise.all(Array.from({ length: workers }, () => runWorker(queue, context, onResults, batchMs)));
  return queue.flat();
}

/** One worker taking batches from `queue` until it is empty or the worker fails. */
function runWorker(
  queue: IntakeItem[][],
  context: IntakeContext,
  onResults: (results: IntakeResult[]) => void,
  batchMs: number,
): Promise<void> {
  let worker: Worker;
  try {
    worker = startModuleWorker('study-intake-worker', import.meta.url, {
      workerData: context,
      resourceLimits: WORKER_LIMITS,
    });
  } catch {
    return Promise.resolve();
  }
  return new Promise<void>((done) => {
    const inFlight = new Map<number, IntakeItem[]>();
    let seq = 0;
    let timer: NodeJS.Timeout | undefined;
    let ended = false;
    // Armed while the worker owes an answer (its start, or a batch): each answer re-arms it.
    const arm = (): void => {
      clearTimeout(timer);
      timer = inFlight.size > 0 || seq === 0 ? setTimeout(fail, batchMs) : undefined;
    };
    const end = (): void => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      worker.off('message', received);
      worker.off('error', fail);
      worker.off('exit', fail);
      void worker.terminate();
      done();
    };
    function fail(): void {
      intakeStats.stopped++;
      // Its batches go back for the other workers, or for the caller.
      for (const batch of inFlight.values()) queue.push(batch);
      inFlight.clear();
      end();
    }
    const fill = (): void => {
      while (inFlight.size < IN_FLIGHT && queue.length > 0) {
        const items = queue.shift()!;
        inFlight.set(++seq, items);
        worker.postMessage({ seq, items } satisfies IntakeRequest);
      }
      if (inFlight.size === 0) return end();
      arm();
    };
    function received(message: IntakeReply | 'ready'): void {
      if (message === 'ready') return fill();
      const items = inFlight.get(message.seq);
      if (!items) return;
      inFlight.delete(message.seq);
      intakeStats.answered += message.results.length;
      try {
        onResults(message.results);
      } catch {
        queue.push(items); // not taken: left for the caller to read
      }
      fill();
    }
    worker.on('message', received);
    worker.once('error', fail);
    worker.once('exit', fail);
    arm();
  });
}
