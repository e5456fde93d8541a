// Bounded parallel work over a list, for the export writer's lookups and writes.

// How many files are looked up, compared or written at once: enough to hide disk latency,
// few enough not to exhaust file handles.
const PARALLEL = 32;

/** Runs `work` over `items`, PARALLEL at a time. On a failure it starts nothing new, waits for
 * the work in flight (so nothing is still writing when the caller reacts), then throws. */
export async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
