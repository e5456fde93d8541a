// Site settings are saved as they are typed, like studies: the latest valid patch is sent
// (through the contract's updateSite) a moment after the last keystroke, at once on Mod-S
// or Close, and one save at a time so an older patch never lands after a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { SitePatch, SiteSettings } from '../../../core/pure/schemas/site';
import { errorMessage } from '../api/api-error';
import { AUTOSAVE_DELAY_MS } from '../autosave/autosave-queue';
import { onUiRequest } from '../editor/ui-requests';

export type SiteSaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

interface SiteAutosaveOptions {
  api: Pick<CasebookApi, 'updateSite'>;
  /** While the settings are on screen: Mod-S saves them too. */
  active: boolean;
  onSaved: (site: SiteSettings) => void;
  delayMs?: number;
}

export function useSiteAutosave({ api, active, onSaved, delayMs = AUTOSAVE_DELAY_MS }: SiteAutosaveOptions) {
  const [state, setState] = useState<SiteSaveState>({ kind: 'idle' });
  const pending = useRef<SitePatch | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const saved = useRef(onSaved);
  saved.current = onSaved;

  /**
   * Sends what is pending now; resolves once every save asked for so far is answered, to
   * whether all of them landed (a failed one stays pending, so Close must not drop it).
   */
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    const patch = pending.current;
    pending.current = null;
    const settled = () => chain.current.then(() => pending.current === null);
    if (!patch) return settled();
    chain.current = chain.current.then(async () => {
      setState({ kind: 'saving' });
      try {
        const next = await api.updateSite({ patch });
        saved.current(next);
        setState(pending.current ? { kind: 'saving' } : { kind: 'saved' });
      } catch (err) {
        // Kept under anything typed meanwhile: the next edit or Close sends it again.
        pending.current = { ...patch, ...pending.current };
        setState({ kind: 'error', message: errorMessage(err) });
      }
    });
    return settled();
  }, [api]);

  /** The form's valid values changed: save them after the pause. */
  const edit = useCallback(
    (patch: SitePatch) => {
      pending.current = patch;
      setState({ kind: 'saving' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  /** Forget the save state (the dialog opened again). */
  const reset = useCallback(() => setState({ kind: 'idle' }), []);

  useEffect(() => (active ? onUiRequest('save-now', () => void flush()) : undefined), [active, flush]);
  // Leaving the page (or the dialog unmounting) with a save waiting: send it.
  useEffect(() => () => void flush(), [flush]);

  return { state, edit, flush, reset };
}
