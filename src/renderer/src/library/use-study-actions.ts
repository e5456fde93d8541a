// Duplicate, move to trash (with Undo) and restore, each saving the study's pending edits
// first so nothing typed is lost or sent to a study that is gone.
import { useCallback, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';

export interface Trashed {
  id: string;
  title: string;
}

interface Options {
  api: CasebookApi;
  autosave: AutosaveQueue;
  onSelect: (id: string) => void;
  onWorkspaceChanged: () => Promise<void> | void;
}

export function useStudyActions({ api, autosave, onSelect, onWorkspaceChanged }: Options) {
  const [trashed, setTrashed] = useState<Trashed | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const duplicate = useCallback(
    async (id: string) => {
      setProblem(null);
      try {
        await autosave.flush(id);
        const copy = await api.duplicateStudy({ id });
        onSelect(copy.id);
      } catch (err) {
        setProblem(`Could not duplicate the case study: ${errorMessage(err)}`);
      }
    },
    [api, autosave, onSelect],
  );

  const moveToTrash = useCallback(
    async (id: string, title: string) => {
      setProblem(null);
      try {
        await autosave.flush(id);
        await api.deleteStudy({ id });
        autosave.discard(id); // a failed save of it must not linger in the save state
        setTrashed({ id, title });
        await onWorkspaceChanged();
      } catch (err) {
        setProblem(`Could not move “${title}” to the trash: ${errorMessage(err)}`);
      }
    },
    [api, autosave, onWorkspaceChanged],
  );

  const restore = useCallback(
    async (id: string) => {
      setProblem(null);
      try {
        await api.restoreStudy({ id });
        setTrashed((t) => (t?.id === id ? null : t));
        await onWorkspaceChanged();
        onSelect(id);
      } catch (err) {
        setProblem(`Could not restore the case study: ${errorMessage(err)}`);
      }
    },
    [api, onSelect, onWorkspaceChanged],
  );

  const dismissToast = useCallback(() => setTrashed(null), []);

  return { duplicate, moveToTrash, restore, trashed, dismissToast, problem, clearProblem: () => setProblem(null) };
}
