// The save state in words ("Saving…", "Saved", or what went wrong) with Retry for a failed
// save. A file changed on disk under unsaved edits is said here too; the choice it needs
// (Keep mine, Take theirs, Keep both) is the banner in outside-changes/.
// Subscribes to the queue itself, so state changes re-render only this line.
import { useSyncExternalStore } from 'react';
import type { AutosaveQueue } from '../autosave/autosave-queue';

export function SaveStatus({ autosave }: { autosave: AutosaveQueue }) {
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
    </div>
  );
}
