// The dialogs of a git-backed workspace, opened from the status bar (Sync settings) and the
// study's toolbar (History); one at a time.
import type { CasebookApi } from '../../../core/pure/contract';
import type { CasebookShell } from '../api/casebook-client';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { HistoryDialog } from '../history/HistoryDialog';
import { SyncSettingsDialog } from './SyncSettingsDialog';
import type { SyncControls } from './use-sync';

export type GitDialog = 'history' | 'sync-settings' | null;

interface GitDialogsProps {
  open: GitDialog;
  setOpen: (dialog: GitDialog) => void;
  api: CasebookApi;
  shell: CasebookShell | null;
  autosave: AutosaveQueue;
  sync: SyncControls;
  /** The open study (History is its history); null when none is open. */
  studyId: string | null;
  readOnly: boolean;
  onRestored: (id: string) => void;
}

export function GitDialogs(props: GitDialogsProps) {
  const { open, setOpen, sync, studyId } = props;
  const onClose = () => setOpen(null);
  return (
    <>
      <SyncSettingsDialog open={open === 'sync-settings'} onClose={onClose} sync={sync} shell={props.shell} />
      {studyId !== null ? (
        <HistoryDialog
          open={open === 'history'}
          onClose={onClose}
          api={props.api}
          autosave={props.autosave}
          studyId={studyId}
          repository={sync.status?.repository ?? null}
          readOnly={props.readOnly}
          onOpenSyncSettings={() => setOpen('sync-settings')}
          onRestored={props.onRestored}
        />
      ) : null}
    </>
  );
}
