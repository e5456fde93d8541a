// The conflicts a sync kept in the open study, at its top (ConflictNotice draws them). Edits
// typed so far are saved first; the study then reloads as resolveConflict wrote it. "Show"
// scrolls to the block in the study (blocks carry their id as data-id) so it is judged in its place.
import { useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { Conflict, ConflictChoice } from '../../../core/pure/merge/conflict-schema';
import type { Study } from '../../../core/pure/schemas/study';
import { conflictPlace } from '../../../core/pure/sync/conflict-text';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { ConflictNotice } from './ConflictNotice';

interface StudyConflictsProps {
  api: CasebookApi;
  autosave: AutosaveQueue;
  study: Study;
  readOnly: boolean;
  /** The conflict was resolved: show the study as it now is on disk. */
  onResolved: (study: Study) => void;
}

/** Scrolls to the block with this id and marks it for a moment. */
function showBlock(block: string) {
  const target = [...document.querySelectorAll<HTMLElement>('.study-sections [data-id]')].find(
    (el) => el.dataset.id === block,
  );
  target?.scrollIntoView({ block: 'center' });
  target?.classList.add('conflict-spot');
  setTimeout(() => target?.classList.remove('conflict-spot'), 2500);
}

export function StudyConflicts({ api, autosave, study, readOnly, onResolved }: StudyConflictsProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const resolve = async (conflict: Conflict, choice: ConflictChoice) => {
    setBusy(conflict.id);
    setProblem(null);
    try {
      await autosave.flush(study.id);
      // Over the version the editor holds: a change from elsewhere meanwhile is refused, not lost.
      const baseUpdatedAt = autosave.baseOf(study.id);
      onResolved(
        await api.resolveConflict({
          id: study.id,
          conflictId: conflict.id,
          choice,
          baseUpdatedAt,
          editor: autosave.editor,
        }),
      );
    } catch (err) {
      setProblem(`Could not resolve the conflict: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <ConflictNotice
      className="study-conflicts"
      hint="The same part was changed here and by someone else. The study shows yours; theirs is kept below. Choose for each."
      mineLabel="Mine (in the study)"
      showLabel="Show in the study"
      entries={study.conflicts.map((conflict) => {
        const block = conflict.where.kind === 'block' ? conflict.where.block : null;
        return {
          conflict,
          place: conflictPlace(conflict, study),
          show: block ? () => showBlock(block) : undefined,
        };
      })}
      disabled={readOnly || busy !== null}
      problem={problem}
      onChoose={(conflict, choice) => void resolve(conflict, choice)}
    />
  );
}
