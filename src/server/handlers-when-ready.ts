// Handlers that wait for the real ones: `casebook serve` claims its port before it opens
// (and maybe creates) the workspace, so a busy port changes nothing on disk.
import { methodNames, type MethodName } from '../core/pure/contract';
import type { DispatchTarget } from '../core/pure/dispatch';

type Handler = (input: unknown, onProgress?: (progress: unknown) => void) => Promise<unknown>;

export function handlersWhenReady(ready: Promise<DispatchTarget>): DispatchTarget {
  const table = new Map<MethodName | 'readOnlyReason', unknown>();
  for (const name of methodNames) {
    table.set(name, async (input: unknown, onProgress?: (progress: unknown) => void) =>
      ((await ready)[name] as Handler)(input, onProgress),
    );
  }
  // A write waits for the workspace to open, then is refused if it turned out read-only.
  table.set('readOnlyReason', async () => (await ready).readOnlyReason?.() ?? null);
  return Object.fromEntries(table) as DispatchTarget;
}
