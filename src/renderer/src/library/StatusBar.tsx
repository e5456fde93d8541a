// The window's status bar: workspace, number of studies, the save state and Sync; it also keeps the
// window title in step (use-document-title.ts: the open study's title, else "Casebook —
// <workspace> (N studies)"), with a mark while edits are unsaved.
// The save state is plain text here: the toolbar's line is the one live status region.
import { useSyncExternalStore } from 'react';
import type { WorkspaceInfo } from '../../../core/pure/contract';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { useDocumentTitle } from '../app/use-document-title';
import { SyncButton } from '../sync/SyncButton';
import type { SyncControls } from '../sync/use-sync';
import '../styles/library.css';

interface StatusBarProps {
  info: WorkspaceInfo | null;
  studyCount: number;
  autosave: AutosaveQueue;
  /** The open study's title as typed, for the window title; null when none is open. */
  openTitle: string | null;
  sync: SyncControls;
  onOpenSyncSettings: () => void;
}

export function StatusBar({ info, studyCount, autosave, openTitle, sync, onOpenSyncSettings }: StatusBarProps) {
  const state = useSyncExternalStore(
    (listener) => autosave.subscribe(listener),
    () => autosave.getState(),
  );
  const count = `${studyCount.toLocaleString()} ${studyCount === 1 ? 'study' : 'studies'}`;

  useDocumentTitle({
    study: openTitle,
    workspace: info ? { name: info.name, count } : null,
    unsaved: state.kind !== 'saved',
  });

  const saveText =
    state.kind === 'saved' ? 'All changes saved' : state.kind === 'saving' ? 'Saving changes…' : 'Changes not saved';
  return (
    <footer className="status-bar">
      <span className="status-workspace" title={info?.path}>
        {info ? info.name : 'Opening workspace…'}
      </span>
      {info?.readOnly ? <span>Read-only</span> : null}
      <span>{count}</span>
      <span className={`status-save save-${state.kind}`}>{saveText}</span>
      {info ? <SyncButton sync={sync} onOpenSettings={onOpenSyncSettings} /> : null}
    </footer>
  );
}
