// The one bounded pool for parallel work over a list (file lookups, reads and writes of the
// store and the export writer), with one rule for failures.

/**
 * Runs `task` over `items`, up to `size` at a time (a slow item does not hold up the others).
 * On a failure it starts nothing new, waits for the tasks in flight (so nothing is still
 * writing when the caller reacts), then throws the first error.
 */
export async function inPool<T>(items: readonly T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < items.length) {
      try {
        await task(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, size), items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
