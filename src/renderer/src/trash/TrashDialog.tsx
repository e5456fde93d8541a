// The Trash: studies deleted from the library (kept in <workspace>/.trash), each restorable
// or deletable for good after a confirmation that names it.
import { useCallback, useEffect, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { StudySummary } from '../../../core/pure/schemas/study';
import { errorMessage } from '../api/api-error';
import { ModalDialog } from '../components/ModalDialog';
import { shownTitle } from '../../../core/pure/schemas/study';
import { ProblemAlert } from '../components/ProblemAlert';

interface TrashDialogProps {
  open: boolean;
  api: CasebookApi;
  readOnly: boolean;
  onClose: () => void;
  /** A study came back from the trash: reload the library and open it. */
  onRestored: (id: string) => Promise<void> | void;
}

export function TrashDialog({ open, api, readOnly, onClose, onRestored }: TrashDialogProps) {
  const [studies, setStudies] = useState<StudySummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [purging, setPurging] = useState<StudySummary | null>(null);

  const load = useCallback(async () => {
    try {
      setStudies(await api.listTrash({}));
    } catch (err) {
      setProblem(`Could not read the trash: ${errorMessage(err)}`);
    }
  }, [api]);

  useEffect(() => {
    if (!open) return;
    setStudies(null);
    setProblem(null);
    void load();
  }, [open, load]);

  const restore = async (study: StudySummary) => {
    try {
      await api.restoreStudy({ id: study.id });
      await load();
      await onRestored(study.id);
    } catch (err) {
      setProblem(`Could not restore “${titleOf(study)}”: ${errorMessage(err)}`);
    }
  };

  const purge = async (study: StudySummary) => {
    setPurging(null);
    try {
      await api.purgeStudy({ id: study.id });
      await load();
    } catch (err) {
      setProblem(`Could not delete “${titleOf(study)}”: ${errorMessage(err)}`);
    }
  };

  return (
    <ModalDialog open={open} title="Trash" onClose={onClose} className="trash-dialog">
      <ProblemAlert problem={problem} />
      {studies === null ? (
        <p className="hint">Loading…</p>
      ) : studies.length === 0 ? (
        <p className="hint">The trash is empty.</p>
      ) : (
        <ul className="trash-list" aria-label="Deleted case studies">
          {studies.map((study) => (
            <li key={study.id}>
              <span className="trash-title">{titleOf(study)}</span>
              <button type="button" disabled={readOnly} onClick={() => void restore(study)}>
                Restore
              </button>
              <button type="button" className="danger" disabled={readOnly} onClick={() => setPurging(study)}>
                Delete permanently
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ModalDialog open={purging !== null} title="Delete permanently?" onClose={() => setPurging(null)}>
        {purging ? (
          <>
            <p>“{titleOf(purging)}” will be deleted from the workspace for good. This cannot be undone.</p>
            <div className="modal-actions">
              <button type="button" onClick={() => setPurging(null)}>
                Cancel
              </button>
              <button type="button" className="danger" onClick={() => void purge(purging)}>
                Delete
              </button>
            </div>
          </>
        ) : null}
      </ModalDialog>
    </ModalDialog>
  );
}

function titleOf(study: StudySummary): string {
  return shownTitle(study.title);
}
