// Changes from outside while a study is open (another window, the CLI, a git pull): with no
// unsaved edits the open study is reloaded and the author told so; with unsaved edits (or a
// save refused because the file changed) the author chooses: Keep mine, Take theirs or Keep
// both. Nothing on disk is ever overwritten without that choice.
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { Study } from '../../../core/pure/schemas/study';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { ConflictChoice } from './ConflictChoice';
import { OutsideNotice } from './OutsideNotice';
import { useOutsideChanges } from './use-outside-changes';
import './outside-changes.css';
import { shownTitle } from '../../../core/pure/schemas/study';

interface OutsideChangesProps {
  api: CasebookApi;
  autosave: AutosaveQueue;
  /** The open study, if any. */
  studyId: string | null;
  /** True while another study loads. */
  paused: boolean;
  /** The title the author sees for study `id` (with edits typed into it). */
  titleOf: (id: string) => string;
  /** Show study `id` as it is on disk now (edits still unsaved are laid over it). */
  reload: (id: string) => void;
  /** Drop the unsaved edits of study `id` and show what is on disk. */
  takeTheirs: (id: string) => void;
  /** A study was written here (the copy "Keep both" makes), so the library can list it. */
  onStudySaved: (study: Study) => void;
}

const untitled = shownTitle;

export function OutsideChanges({
  api,
  autosave,
  studyId,
  paused,
  titleOf,
  reload,
  takeTheirs,
  onStudySaved,
}: OutsideChangesProps) {
  const state = useSyncExternalStore(
    (listener) => autosave.subscribe(listener),
    () => autosave.getState(),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dismiss = useCallback(() => setNotice(null), []);

  useOutsideChanges({
    api,
    autosave,
    studyId,
    paused,
    onChanged: (id) => {
      reload(id);
      // The title as it is on disk now (it may be what changed); one full read, only on a change.
      void api.getStudy({ id }).then(
        (disk) => setNotice(`Reloaded: “${untitled(disk.title)}” changed on disk.`),
        () => setNotice(`Reloaded: “${untitled(titleOf(id))}” changed on disk.`),
      );
    },
    onChangedUnderEdits: (id, updatedAt) =>
      autosave.changedOnDisk(
        id,
        `“${untitled(titleOf(id))}” was changed on disk (saved ${updatedAt}) while you had unsaved edits.`,
      ),
  });

  const conflictId = state.kind === 'error' ? state.conflictId : null;

  const choose = async (run: (id: string) => Promise<string | null>) => {
    if (!conflictId) return;
    setBusy(true);
    setProblem(null);
    try {
      const done = await run(conflictId);
      if (done) setNotice(done);
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  /** Saves the author's edits over the version on disk, then shows the study as it now is. */
  const keepMine = async (id: string): Promise<boolean> => {
    await autosave.keepMine(id);
    if (autosave.hasUnsavedEdits(id)) return false; // refused again: the status line says why
    reload(id);
    return true;
  };

  const keepBoth = async (id: string): Promise<string | null> => {
    // duplicateStudy copies the file on disk, i.e. their version; then the author's is saved.
    const theirs = await api.getStudy({ id });
    const copy = await api.duplicateStudy({ id });
    const copyTitle = `${untitled(theirs.title)} (version from disk)`;
    const renamed = await api.updateStudy({ id: copy.id, patch: { title: copyTitle } });
    onStudySaved(renamed);
    if (!(await keepMine(id)))
      return `The version from disk is kept as “${copyTitle}”; yours is not saved yet (see the save status).`;
    return `Kept both: your version is in “${untitled(titleOf(id))}”, the version from disk in “${copyTitle}”.`;
  };

  return (
    <>
      {conflictId !== null ? (
        <ConflictChoice
          title={untitled(titleOf(conflictId))}
          busy={busy}
          problem={problem}
          onKeepMine={() =>
            void choose(async (id) => {
              await keepMine(id);
              return null;
            })
          }
          onTakeTheirs={() =>
            void choose(async (id) => {
              takeTheirs(id);
              return null;
            })
          }
          onKeepBoth={() => void choose(keepBoth)}
        />
      ) : null}
      {notice !== null ? <OutsideNotice message={notice} onDismiss={dismiss} /> : null}
    </>
  );
}
