// The save state in words ("Saving…", "Saved", or what went wrong) with the way out:
// Retry for a failed save; for a file changed on disk under unsaved edits, the choice
// between reloading the version on disk and keeping the author's own.
// Subscribes to the queue itself, so state changes re-render only this line.
import { useSyncExternalStore } from 'react';
import type { AutosaveQueue } from '../autosave/autosave-queue';

interface SaveStatusProps {
  autosave: AutosaveQueue;
  /** Drop the unsaved edits of study `id` and show what is on disk. */
  onReloadFromDisk: (id: string) => void;
}

export function SaveStatus({ autosave, onReloadFromDisk }: SaveStatusProps) {
  const state = useSyncExternalStore(
    (listener) => autosave.subscribe(listener),
    () => autosave.getState(),
  );
  return (
    <div className={`save-status save-${state.kind}`}>
      <span role="status" aria-live="polite">
        {state.kind === 'saved' ? 'Saved' : state.kind === 'saving' ? 'Saving…' : `Not saved: ${state.message}`}
      </span>
      {state.kind === 'error' && state.conflictId === null ? (
        <button type="button" onClick={() => void autosave.flushAll()}>
          Retry
        </button>
      ) : null}
      {state.kind === 'error' && state.conflictId !== null ? (
        <>
          <button type="button" onClick={() => onReloadFromDisk(state.conflictId!)}>
            Reload from disk
          </button>
          <button type="button" onClick={() => void autosave.keepMine(state.conflictId!)}>
            Keep mine
          </button>
        </>
      ) : null}
    </div>
  );
}
