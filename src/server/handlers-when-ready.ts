// Handlers that wait for the real ones: `casebook serve` claims its port before it opens
// (and maybe creates) the workspace, so a busy port changes nothing on disk.
import { methodNames, type CasebookHandlers, type MethodName } from '../core/pure/contract';

export function handlersWhenReady(ready: Promise<CasebookHandlers>): CasebookHandlers {
  const table = new Map<MethodName, (input: unknown) => Promise<unknown>>();
  for (const name of methodNames) {
    table.set(name, async (input) => ((await ready)[name] as (input: unknown) => Promise<unknown>)(input));
  }
  return Object.fromEntries(table) as unknown as CasebookHandlers;
}
