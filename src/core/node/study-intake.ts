// The library's first full read of many studies (a large workspace opened for the first time,
// or after a pull that changed hundreds of files) on worker threads: reading, validating,
// extracting the words and counting the checks of 10,000 studies is ~20 s of one core, the
// main thread's, which also answers every search. Each worker is bounded like the site's
// render workers (a heap limit; a time limit on starting and on every study; files of bounded
// size): one that fails or hangs is stopped and what it had not answered handed to the others,
// and what no worker answered is returned for the caller to read itself.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { TemplateSections } from '../pure/checks/template-prompts';
import type { StudyWords } from '../pure/library/study-words';
import type { SiteSettings } from '../pure/schemas/site';
import type { StudySummary } from '../pure/schemas/study';
import type { CheckCounts } from './library-badges';
import { startModuleWorker } from './module-worker';
import { turnOffPretenuring } from './v8-flags';
import type { FileStamp } from './study-files';

/** What every worker is started with: what the checks of a study need beyond the study. */
export interface IntakeContext {
  site: SiteSettings;
  /** The workspace's templates (their prompts); null when not read: no counts are made. */
  templates: TemplateSections[] | null;
  /** Every listed study's id, title and slug, for the duplicate checks. */
  names: Array<Pick<StudySummary, 'id' | 'title' | 'slug'>>;
  /** Larger files are answered null (read on the main thread, as before workers). */
  maxBytes: number;
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
/** One study's answer: the worker answers the studies of a batch one by one, in order. */
export interface IntakeReply {
  seq: number;
  result: IntakeResult;
}

const MAX_WORKERS = 4;
/** Studies per request (each is answered on its own as soon as it is read). */
const BATCH = 16;
/** Batches each worker holds at once: the next is there when one is answered. */
const IN_FLIGHT = 2;
/** A worker that has not started, or answered its next study, within this long is stopped (a hung thread). */
export const INTAKE_STUDY_MS = 30_000;
/**
 * Studies are read on workers up to this size (a long real study is ~200 KB): a worker's heap
 * running out ends the whole process (nodejs/node#47224), not just the worker, so a hostile
 * file of millions of distinct words is left to the main thread, where it always was read.
 */
export const INTAKE_MAX_BYTES = 1024 * 1024;
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };

/**
 * From this many studies read at once, V8's pretenuring is turned off first (v8-flags.ts): each
 * study read then costs the workers ~0.16 ms less, and starting them ~30–45 ms more.
 */
export const PRETENURING_OFF_FROM = 1_000;

/** For tests: studies answered by a worker thread, and workers stopped for failing or hanging. */
export const intakeStats = { answered: 0, stopped: 0 };

export interface IntakeOptions {
  threads?: number;
  studyMs?: number;
  /** Aborted: every worker is stopped at once (the workspace was closed); what is left is returned. */
  signal?: AbortSignal;
}

/** Worker threads to use by default: one per core, a few at most. */
export const intakeThreads = (): number => Math.min(MAX_WORKERS, availableParallelism());

/**
 * Reads `items` on worker threads, calling `onResult` (on this thread) with each study as it is
 * answered. Resolves with the items no worker answered, for the caller to read itself.
 */
export async function readOnThreads(
  items: IntakeItem[],
  context: Omit<IntakeContext, 'maxBytes'>,
  onResult: (result: IntakeResult) => void,
  { threads = intakeThreads(), studyMs = INTAKE_STUDY_MS, signal }: IntakeOptions = {},
): Promise<IntakeItem[]> {
  if (signal?.aborted) return items;
  const queue: IntakeItem[][] = [];
  for (let from = 0; from < items.length; from += BATCH) queue.push(items.slice(from, from + BATCH));
  const workers = Math.min(threads, queue.length);
  if (items.length >= PRETENURING_OFF_FROM) turnOffPretenuring();
  const started = { ...context, maxBytes: INTAKE_MAX_BYTES };
  await Promise.all(Array.from({ length: workers }, () => runWorker(queue, started, onResult, studyMs, signal)));
  return queue.flat();
}

/** One worker taking batches from `queue` until it is empty or the worker fails. */
function runWorker(
  queue: IntakeItem[][],
  context: IntakeContext,
  onResult: (result: IntakeResult) => void,
  studyMs: number,
  signal: AbortSignal | undefined,
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
    // Each batch sent, with how many of its studies were answered (in order: one at a time).
    const inFlight = new Map<number, { items: IntakeItem[]; answered: number }>();
    let seq = 0;
    let timer: NodeJS.Timeout | undefined;
    let ended = false;
    // Armed while the worker owes an answer (its start, or a study): each answer re-arms it.
    const arm = (): void => {
      clearTimeout(timer);
      timer = inFlight.size > 0 || seq === 0 ? setTimeout(fail, studyMs) : undefined;
    };
    const end = (): void => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      worker.off('message', received);
      worker.off('error', fail);
      worker.off('exit', fail);
      signal?.removeEventListener('abort', stop);
      void worker.terminate();
      done();
    };
    // Closed: what it had not answered goes back to the caller, which no longer wants it.
    function stop(): void {
      for (const { items, answered } of inFlight.values()) queue.push(items.slice(answered));
      inFlight.clear();
      end();
    }
    function fail(): void {
      intakeStats.stopped++;
      // What it had not answered goes back for the other workers, or for the caller.
      stop();
    }
    const fill = (): void => {
      while (!signal?.aborted && inFlight.size < IN_FLIGHT && queue.length > 0) {
        const items = queue.shift()!;
        inFlight.set(++seq, { items, answered: 0 });
        worker.postMessage({ seq, items } satisfies IntakeRequest);
      }
      if (inFlight.size === 0) return end();
      arm();
    };
    function received(message: IntakeReply | 'ready'): void {
      if (message === 'ready') return fill();
      const batch = inFlight.get(message.seq);
      if (!batch) return;
      const item = batch.items[batch.answered++]!;
      if (batch.answered === batch.items.length) inFlight.delete(message.seq);
      intakeStats.answered++;
      try {
        onResult(message.result);
      } catch {
        queue.push([item]); // not taken: left for the caller to read
      }
      fill();
    }
    worker.on('message', received);
    worker.once('error', fail);
    worker.once('exit', fail);
    signal?.addEventListener('abort', stop, { once: true });
    arm();
  });
}
