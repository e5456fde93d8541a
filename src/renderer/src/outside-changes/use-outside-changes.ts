// Notices when the open study's file changes on disk from outside (another window, the CLI,
// a git pull or a sync tool): checks its version when the window regains focus or becomes
// visible, and every few seconds while it is visible. The version the editor shows is the one
// the autosave queue last loaded or saved (its base); a different updatedAt on disk means
// someone else wrote the file. What to do about it is the caller's: reload when nothing is
// unsaved, ask the author when something is.
import { useEffect, useRef } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { AutosaveQueue } from '../autosave/autosave-queue';

export const OUTSIDE_CHECK_MS = 2000;

export interface OutsideChangeHandlers {
  /** Study `id` changed on disk (to version `updatedAt`) and nothing typed into it is unsaved. */
  onChanged: (id: string, updatedAt: string) => void;
  /** Study `id` changed on disk (to version `updatedAt`) under edits not yet saved. */
  onChangedUnderEdits: (id: string, updatedAt: string) => void;
}

interface Options extends OutsideChangeHandlers {
  api: Pick<CasebookApi, 'getStudyVersion'>;
  autosave: AutosaveQueue;
  /** The open study, if any. */
  studyId: string | null;
  /** True while another study loads: nothing is checked then. */
  paused: boolean;
  intervalMs?: number;
}

/** One check of study `id`: which version is on disk, compared with the one the editor holds. */
export async function checkOnDisk(
  api: Pick<CasebookApi, 'getStudyVersion'>,
  autosave: AutosaveQueue,
  id: string,
  stillWanted: () => boolean,
  handlers: OutsideChangeHandlers,
): Promise<void> {
  // A save on its way changes the version on disk itself: look again once it is answered.
  const base = autosave.baseOf(id);
  if (base === undefined || autosave.isSaving(id)) return;
  let disk: { updatedAt: string; changedUnder?: true };
  try {
    // The version only (the content may be large), and whether the file changed under this
    // editor with its updatedAt kept (by hand, by a tool).
    disk = await api.getStudyVersion({ id, editor: autosave.editor });
  } catch {
    return; // gone or unreadable: the library reports that when it is next listed
  }
  // Anything that happened meanwhile (a save, a reload, another study opened) makes this answer stale.
  if (!stillWanted() || autosave.isSaving(id) || autosave.baseOf(id) !== base) return;
  if (disk.updatedAt === base && !disk.changedUnder) return;
  if (autosave.hasUnsavedEdits(id)) handlers.onChangedUnderEdits(id, disk.updatedAt);
  else handlers.onChanged(id, disk.updatedAt);
}

export function useOutsideChanges({
  api,
  autosave,
  studyId,
  paused,
  intervalMs = OUTSIDE_CHECK_MS,
  ...handlers
}: Options) {
  const latest = useRef({ studyId, paused, handlers });
  latest.current = { studyId, paused, handlers };

  useEffect(() => {
    let checking = false;
    const check = () => {
      const { studyId: id, paused: isPaused } = latest.current;
      if (!id || isPaused || checking || document.visibilityState !== 'visible') return;
      checking = true;
      void checkOnDisk(api, autosave, id, () => latest.current.studyId === id && !latest.current.paused, {
        onChanged: (changed, version) => latest.current.handlers.onChanged(changed, version),
        onChangedUnderEdits: (changed, version) => latest.current.handlers.onChangedUnderEdits(changed, version),
      }).finally(() => {
        checking = false;
      });
    };
    const timer = setInterval(check, intervalMs);
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [api, autosave, intervalMs]);
}
