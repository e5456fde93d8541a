// Asks the renderer to write pending edits to disk and waits for its answer, with a timeout
// so a hung or crashed renderer can never keep the window open or block a workspace switch.
export const FLUSH_TIMEOUT_MS = 3000;

export type FlushOutcome = 'flushed' | 'timeout';

export interface FlushBarrier {
  /** Sends the flush request (once per round) and resolves when confirmed or timed out. */
  request(): Promise<FlushOutcome>;
  /** Called when the renderer reports readyToClose(). */
  confirm(): void;
}

export function createFlushBarrier(askRenderer: () => void, timeoutMs = FLUSH_TIMEOUT_MS): FlushBarrier {
  let pending: { promise: Promise<FlushOutcome>; settle: (outcome: FlushOutcome) => void } | null = null;

  return {
    request() {
      if (pending) return pending.promise;
      let settle!: (outcome: FlushOutcome) => void;
      const promise = new Promise<FlushOutcome>((resolve) => {
        const timer = setTimeout(() => settle('timeout'), timeoutMs);
        settle = (outcome) => {
          clearTimeout(timer);
          pending = null;
          resolve(outcome);
        };
      });
      pending = { promise, settle };
      askRenderer();
      return promise;
    },
    confirm() {
      pending?.settle('flushed');
    },
  };
}
