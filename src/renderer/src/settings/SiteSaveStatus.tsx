// The site settings' save state in words, like the study's "Saved": what is on disk, what is
// on its way, and what cannot be saved until a field is fixed.
import type { SiteSaveState } from './use-site-autosave';

export function SiteSaveStatus({ state, invalid }: { state: SiteSaveState; invalid: boolean }) {
  const text = invalid
    ? 'Not saved: fix the marked field'
    : state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? 'Settings saved'
        : state.kind === 'error'
          ? `Not saved: ${state.message}`
          : '';
  return (
    <span className={`saved-note site-save-${invalid ? 'error' : state.kind}`} role="status">
      {text}
    </span>
  );
}
