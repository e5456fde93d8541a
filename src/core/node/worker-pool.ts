// Worker threads started before they are given work (the site's render workers, the library's
// intake workers): each says it is ready with its first message, and one that does not within
// its time, or fails first, is stopped. Kept in a pool until taken; a waiting one keeps no
// process alive, a taken one is its reader's until it ends.
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { startModuleWorker } from './module-worker';

export interface WorkerHandle {
  worker: Worker;
  /** True once it said it is ready; false when it failed or did not start within its time (then stopped). */
  ready: Promise<boolean>;
}

export interface WorkerStart {
  /** The worker entry's name (module-worker.ts) and the URL it is found beside. */
  name: string;
  here: string;
  /** The time it has to say it is ready. */
  startMs: number;
  resourceLimits?: WorkerOptions['resourceLimits'];
  /** Told when it did not start within `startMs`. */
  onLate?: () => void;
}

/** Starts one worker; null when it cannot be started at all. */
export function startWorker({ name, here, startMs, resourceLimits, onLate }: WorkerStart): WorkerHandle | null {
  let worker: Worker;
  try {
    worker = startModuleWorker(name, here, { resourceLimits });
  } catch {
    return null;
  }
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
    const onReady = (): void => {
      settle(true);
      // An error while it waits in the pool ends its thread (its taker finds it ended); unheard,
      // the error would end the process.
      worker.on('error', () => undefined);
    };
    const onFail = (): void => settle(false);
    const timer = setTimeout(() => {
      onLate?.();
      settle(false);
    }, startMs);
    timer.unref();
    worker.once('message', onReady);
    worker.once('error', onFail);
    worker.once('exit', onFail);
  });
  return { worker, ready };
}

/** Workers started ahead; those nobody takes are stopped by close(). */
export class WorkerPool {
  private handles: WorkerHandle[];

  constructor(
    count: number,
    private readonly spawn: () => WorkerHandle | null,
  ) {
    this.handles = Array.from({ length: count }, spawn).filter((h): h is WorkerHandle => h !== null);
  }

  /** Up to `count` workers (started now if fewer were started ahead), now the caller's. */
  take(count: number): WorkerHandle[] {
    const taken = this.handles.splice(0, count);
    while (taken.length < count) {
      const more = this.spawn();
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
