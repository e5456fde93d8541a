// The intake's worker threads (study-intake.ts), started before they are given work: a large
// workspace opened for the first time starts them while its titles go into the index, so their
// start-up (loading the schemas and the checks) runs meanwhile, not after. Each is told what the
// checks need (IntakeContext) in its first message, once the library knows it.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from './module-worker';

const MAX_WORKERS = 4;
/** A worker that has not started, or answered its next study, within this long is stopped (a hung thread). */
export const INTAKE_STUDY_MS = 30_000;
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };

/** Worker threads to use by default: one per core, a few at most. */
export const intakeThreads = (): number => Math.min(MAX_WORKERS, availableParallelism());

export interface IntakeHandle {
  worker: Worker;
  /** True once it said it is ready; false when it failed or did not start within its time. */
  ready: Promise<boolean>;
}

/**
 * For tests: studies answered, workers stopped for failing, hanging or not starting in time,
 * workers started, and those whose thread has not ended yet.
 */
export const intakeStats = { answered: 0, stopped: 0, started: 0, running: 0 };

function spawn(startMs: number): IntakeHandle | null {
  let worker: Worker;
  try {
    worker = startModuleWorker('study-intake-worker', import.meta.url, { resourceLimits: WORKER_LIMITS });
  } catch {
    return null;
  }
  intakeStats.started++;
  intakeStats.running++;
  worker.once('exit', () => intakeStats.running--);
  // Waiting in a pool keeps no process alive; taken, it is a reading's until it ends.
  worker.unref();
  const ready = new Promise<boolean>((resolve) => {
    const settle = (ok: boolean): void => {
      clearTimeout(timer);
      worker.off('message', onReady);
      worker.off('error', onFail);
      worker.off('exit', onFail);
      if (!ok) void worker.terminate();
      resolve(ok);
    };
    const onReady = (): void => settle(true);
    const onFail = (): void => settle(false);
    const timer = setTimeout(() => {
      intakeStats.stopped++;
      settle(false);
    }, startMs);
    worker.once('message', onReady);
    worker.once('error', onFail);
    worker.once('exit', onFail);
  });
  return { worker, ready };
}

/** Workers started ahead of a reading; those nobody takes are stopped by close(). */
export class IntakeWorkers {
  private handles: IntakeHandle[];

  constructor(
    count = intakeThreads(),
    private readonly startMs = INTAKE_STUDY_MS,
  ) {
    this.handles = Array.from({ length: count }, () => spawn(startMs)).filter((h): h is IntakeHandle => h !== null);
  }

  /** Up to `count` workers (started now if fewer were started ahead), now the caller's. */
  take(count: number): IntakeHandle[] {
    const taken = this.handles.splice(0, count);
    while (taken.length < count) {
      const more = spawn(this.startMs);
      if (!more) break;
      taken.push(more);
    }
    for (const { worker } of taken) worker.ref();
    return taken;
  }

  /** Stops the workers nobody took. */
  close(): void {
    for (const { worker } of this.handles.splice(0)) void worker.terminate();
  }
}
