// How the export writer runs its file lookups, comparisons and writes: through the one pool.
import { inPool } from '../work-pool';

// How many files are looked up, compared or written at once: enough to hide disk latency,
// few enough not to exhaust file handles.
const PARALLEL = 32;

/** Runs `work` over `items`, PARALLEL at a time, with the pool's failure rule (work-pool.ts). */
export function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  return inPool(items, PARALLEL, work);
}
