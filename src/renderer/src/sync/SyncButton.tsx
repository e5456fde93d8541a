// The status bar's Sync control: a button named "Sync" whose state ("Up to date", "2 to
// send", "1 conflict", "Offline", "Not a git workspace") is visible beside it and is its
// description; while a sync runs, its stage. The outcome is announced in a polite live region
// (not role=status: the save state is the window's one status). A workspace that is not a
// repository yet, or one with no remote, gets the Sync settings, which say how to set it up.
import { AlertTriangle, CloudOff, RefreshCw, Settings } from 'lucide-react';
import { useId } from 'react';
import { syncStageText, syncStateText } from '../../../core/pure/sync/sync-state';
import type { SyncControls } from './use-sync';
import '../styles/sync.css';

interface SyncButtonProps {
  sync: SyncControls;
  onOpenSettings: () => void;
}

export function SyncButton({ sync, onOpenSettings }: SyncButtonProps) {
  const stateId = useId();
  const { state, progress, running } = sync;
  const text = running ? (progress ? syncStageText(progress) : 'Syncing…') : syncStateText(state);
  // Nowhere to sync to yet: the button leads to the settings that say how.
  const needsSetup = state.kind === 'not-git' || (sync.status?.repository === true && sync.status.remote === null);
  const icon =
    state.kind === 'conflicts' ? (
      <AlertTriangle aria-hidden="true" size={14} />
    ) : state.kind === 'offline' ? (
      <CloudOff aria-hidden="true" size={14} />
    ) : null;
  return (
    <div className="sync-control">
      <button
        type="button"
        className="sync-button"
        aria-describedby={stateId}
        // Not disabled: focus stays on it while it runs, and a second press does nothing.
        aria-disabled={running || undefined}
        title={needsSetup ? 'Set up syncing' : 'Send your changes and receive others’'}
        onClick={() => {
          if (needsSetup) onOpenSettings();
          else if (!running) void sync.sync();
        }}
      >
        <RefreshCw aria-hidden="true" size={14} className={running ? 'sync-spin' : undefined} />
        Sync
      </button>
      <span id={stateId} className={`sync-state sync-${running ? 'running' : state.kind}`}>
        {running ? null : icon}
        {text}
      </span>
      <button
        type="button"
        className="sync-settings-button"
        aria-label="Sync settings"
        title="Sync settings"
        onClick={onOpenSettings}
      >
        <Settings aria-hidden="true" size={14} />
      </button>
      <span className="sync-outcome" aria-live="polite" title={sync.announcement || undefined}>
        {sync.announcement}
      </span>
    </div>
  );
}
