// Which study is open, and moving between studies: opening one saves what was typed into the
// one being left first, a new study opens with its title focused, and a study reloaded from
// disk rebuilds its editors. Edits go to the autosave queue; the library list follows them.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { Study, StudyPatch, StudySummary } from '../../../core/pure/schemas/study';
import { errorMessage } from '../api/api-error';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { withLocalEdit, withSaved } from '../library-order';

export interface OpenStudyDeps {
  api: CasebookApi;
  autosave: AutosaveQueue;
  setStudies: Dispatch<SetStateAction<StudySummary[]>>;
  setProblem: (problem: string | null) => void;
}

export function useOpenStudy({ api, autosave, setStudies, setProblem }: OpenStudyDeps) {
  const [current, setCurrent] = useState<Study | null>(null);
  // While another study loads, the open one is inert: nothing can be typed into a study
  // the author is leaving (its edits are already captured and on their way to disk).
  const [switching, setSwitching] = useState(false);
  // Bumped on every load from disk, so reopening the same study (workspace reload) rebuilds its editors.
  const [generation, setGeneration] = useState(0);
  const currentId = useRef<string | null>(null);
  const openRequest = useRef(0);
  const focusTitle = useRef(false);

  /**
   * Opens study `id`, after saving what was typed into the open one (and into `id`);
   * `title`: put the caret in its title (a study just made from a template).
   */
  const open = useCallback(
    async (id: string, focus?: 'title') => {
      const request = ++openRequest.current;
      const leaving = currentId.current;
      if (leaving !== id) setSwitching(true);
      try {
        if (leaving && leaving !== id) await autosave.flush(leaving);
        await autosave.flush(id); // an earlier save of `id` may still be on its way
        const study = await api.getStudy({ id, editor: autosave.editor });
        if (request !== openRequest.current) return; // another study was chosen meanwhile
        currentId.current = id;
        autosave.opened(id, study.updatedAt);
        setStudies((list) => withSaved(list, study)); // the file may have changed since the list was read
        if (focus === 'title') focusTitle.current = true;
        setCurrent({ ...study, ...autosave.pendingPatch(id) });
        setGeneration((g) => g + 1);
        setProblem(null);
      } catch (err) {
        if (request === openRequest.current) setProblem(`Could not open the case study: ${errorMessage(err)}`);
      } finally {
        if (request === openRequest.current) setSwitching(false);
      }
    },
    [api, autosave, setStudies, setProblem],
  );

  /** The workspace holds no study (any more): nothing is open. */
  const close = useCallback(() => {
    currentId.current = null;
    setCurrent(null);
  }, []);

  const create = useCallback(async () => {
    const request = ++openRequest.current;
    setSwitching(true);
    try {
      if (currentId.current) await autosave.flush(currentId.current);
      const study = await api.createStudy({});
      setStudies((list) => withSaved(list, study));
      if (request !== openRequest.current) return; // the author opened another study meanwhile
      autosave.opened(study.id, study.updatedAt);
      currentId.current = study.id;
      focusTitle.current = true;
      setCurrent(study);
      setProblem(null);
    } catch (err) {
      if (request === openRequest.current) setProblem(`Could not create a case study: ${errorMessage(err)}`);
    } finally {
      if (request === openRequest.current) setSwitching(false);
    }
  }, [api, autosave, setStudies, setProblem]);

  const edit = useCallback(
    (id: string, patch: StudyPatch) => {
      autosave.edit(id, patch);
      const { title, status, date } = patch;
      if (title !== undefined || status !== undefined || date !== undefined) {
        const shown = Object.fromEntries(
          Object.entries({ title, status, date }).filter(([, v]) => v !== undefined),
        ) as Partial<Pick<StudySummary, 'title' | 'status' | 'date'>>;
        setStudies((list) => withLocalEdit(list, id, shown));
      }
    },
    [autosave, setStudies],
  );

  /** Opens `id` again from disk, if it is the open study. */
  const reload = useCallback(
    (id: string) => {
      if (id === currentId.current) void open(id);
    },
    [open],
  );

  /** Drops what was typed into `id` and shows it as on disk. */
  const reloadFromDisk = useCallback(
    (id: string) => {
      autosave.discard(id);
      reload(id);
    },
    [autosave, reload],
  );

  useEffect(() => {
    if (focusTitle.current && current) {
      focusTitle.current = false;
      document.getElementById('study-title')?.focus();
    }
  }, [current]);

  /** Counts the author's openings and creations: a caller can tell whether one came in meanwhile. */
  const choices = useCallback(() => openRequest.current, []);
  return { current, switching, generation, currentId, open, close, create, edit, reload, reloadFromDisk, choices };
}

export type OpenStudy = ReturnType<typeof useOpenStudy>;
