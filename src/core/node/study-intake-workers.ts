// The intake's worker threads (study-intake.ts), started before they are given work: a large
// workspace opened for the first time starts them while its titles go into the index, so their
// start-up (loading the schemas and the checks) runs meanwhile, not after. Each is told what the
// checks need (IntakeContext) in its first message, once the library knows it.
import { availableParallelism } from 'node:os';
import { startWorker, WorkerPool, type WorkerHandle } from './worker-pool';

const MAX_WORKERS = 4;
/** A worker that has not started, or answered its next study, within this long is stopped (a hung thread). */
export const INTAKE_STUDY_MS = 30_000;
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };

/** Worker threads to use by default: one per core, a few at most. */
export const intakeThreads = (): number => Math.min(MAX_WORKERS, availableParallelism());

export type IntakeHandle = WorkerHandle;

/**
 * For tests: studies answered, workers stopped for failing, hanging or not starting in time,
 * workers started, and those whose thread has not ended yet.
 */
export const intakeStats = { answered: 0, stopped: 0, started: 0, running: 0 };

function spawn(startMs: number): IntakeHandle | null {
  const handle = startWorker({
    name: 'study-intake-worker',
    here: import.meta.url,
    startMs,
    resourceLimits: WORKER_LIMITS,
    onLate: () => intakeStats.stopped++,
  });
  if (handle) {
    intakeStats.started++;
    intakeStats.running++;
    handle.worker.once('exit', () => intakeStats.running--);
  }
  return handle;
}

/** Intake workers started ahead of a reading; those nobody takes are stopped by close(). */
export class IntakeWorkers extends WorkerPool {
  constructor(count = intakeThreads(), startMs = INTAKE_STUDY_MS) {
    super(count, () => spawn(startMs));
  }
}
