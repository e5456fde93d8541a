// The conflicts a sync kept in the open study: a notice at its top ("2 conflicts from the
// last sync") and, for each, where it is, the version kept here (mine) beside the other one
// (theirs), and the author's choice: Keep mine, Take theirs or Keep both. Edits typed so far
// are saved first; the study then reloads as resolveConflict wrote it. "Show" scrolls to the
// block in the study (blocks carry their id as data-id) so it is judged in its place.
import { AlertTriangle } from 'lucide-react';
import { useId, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { Conflict, ConflictChoice } from '../../../core/pure/merge/conflict-schema';
import type { Study } from '../../../core/pure/schemas/study';
import { conflictPlace, conflictValueText } from '../../../core/pure/sync/conflict-text';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import '../styles/conflicts.css';

interface StudyConflictsProps {
  api: CasebookApi;
  autosave: AutosaveQueue;
  study: Study;
  readOnly: boolean;
  /** The conflict was resolved: show the study as it now is on disk. */
  onResolved: (study: Study) => void;
}

export function StudyConflicts({ api, autosave, study, readOnly, onResolved }: StudyConflictsProps) {
  const headingId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const conflicts = study.conflicts;
  if (conflicts.length === 0) return null;

  const resolve = async (conflict: Conflict, choice: ConflictChoice) => {
    setBusy(conflict.id);
    setProblem(null);
    try {
      await autosave.flush(study.id);
      // Over the version the editor holds: a change from elsewhere meanwhile is refused, not lost.
      const baseUpdatedAt = autosave.baseOf(study.id);
      onResolved(await api.resolveConflict({ id: study.id, conflictId: conflict.id, choice, baseUpdatedAt }));
    } catch (err) {
      setProblem(`Could not resolve the conflict: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const count = conflicts.length;
  return (
    <section className="study-conflicts" aria-labelledby={headingId}>
      <h2 id={headingId} className="conflicts-title">
        <AlertTriangle aria-hidden="true" size={16} />
        {count} {count === 1 ? 'conflict' : 'conflicts'} from the last sync
      </h2>
      <p className="conflicts-hint">
        The same part was changed here and by someone else. The study shows yours; theirs is kept below. Choose for
        each.
      </p>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <ul className="conflict-list">
        {conflicts.map((conflict) => (
          <ConflictItem
            key={conflict.id}
            conflict={conflict}
            place={conflictPlace(conflict, study)}
            disabled={readOnly || busy !== null}
            onChoose={(choice) => void resolve(conflict, choice)}
          />
        ))}
      </ul>
    </section>
  );
}

interface ConflictItemProps {
  conflict: Conflict;
  place: string;
  disabled: boolean;
  onChoose: (choice: ConflictChoice) => void;
}

function ConflictItem({ conflict, place, disabled, onChoose }: ConflictItemProps) {
  const labelId = useId();
  const block = conflict.where.kind === 'block' ? conflict.where.block : null;
  const show = () => {
    if (!block) return;
    const target = [...document.querySelectorAll<HTMLElement>('.study-sections [data-id]')].find(
      (el) => el.dataset.id === block,
    );
    target?.scrollIntoView({ block: 'center' });
    target?.classList.add('conflict-spot');
    setTimeout(() => target?.classList.remove('conflict-spot'), 2500);
  };
  return (
    <li className="conflict-item" aria-labelledby={labelId}>
      <h3 id={labelId} className="conflict-place">
        {place}
        {block ? (
          <button type="button" className="link-button" onClick={show}>
            Show in the study
          </button>
        ) : null}
      </h3>
      <div className="conflict-sides">
        <div className="conflict-side">
          <h4>Mine (in the study)</h4>
          <p>{conflictValueText(conflict.mine)}</p>
        </div>
        <div className="conflict-side">
          <h4>Theirs{conflict.theirsAuthor ? ` (${conflict.theirsAuthor})` : ''}</h4>
          <p>{conflictValueText(conflict.theirs)}</p>
        </div>
      </div>
      <div className="conflict-actions" role="group" aria-label={`Resolve: ${place}`}>
        <button type="button" disabled={disabled} onClick={() => onChoose('mine')}>
          Keep mine
        </button>
        <button type="button" disabled={disabled} onClick={() => onChoose('theirs')}>
          Take theirs
        </button>
        <button type="button" disabled={disabled} onClick={() => onChoose('both')}>
          Keep both
        </button>
      </div>
    </li>
  );
}
