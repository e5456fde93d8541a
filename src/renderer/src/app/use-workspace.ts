// The workspace as the window shows it: its info (name, read-only, files set aside), its site
// settings and the library list, loaded at start and again when the workspace changes. The
// open study is kept across a reload when it still exists.
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import type { CasebookApi, WorkspaceInfo } from '../../../core/pure/contract';
import type { SiteSettings } from '../../../core/pure/schemas/site';
import type { StudySummary } from '../../../core/pure/schemas/study';
import { errorMessage } from '../api/api-error';
import { newestFirst } from '../library-order';
import type { OpenStudy } from './use-open-study';

export interface WorkspaceDeps {
  api: CasebookApi;
  session: Pick<OpenStudy, 'currentId' | 'open' | 'close' | 'choices'>;
  setStudies: Dispatch<SetStateAction<StudySummary[]>>;
  setProblem: (problem: string | null) => void;
}

export function useWorkspace({ api, session, setStudies, setProblem }: WorkspaceDeps) {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [site, setSite] = useState<SiteSettings | null>(null);
  const { currentId, open, close, choices } = session;

  const loadWorkspace = useCallback(async () => {
    const choicesBefore = choices();
    try {
      // The report of set-aside files first (the info lists the studies itself, so a file
      // found damaged by listing is in it): one set aside after it shows as a different count
      // in the library's pages, and onQuarantineCount refreshes.
      const [workspace, settings] = await Promise.all([api.getWorkspaceInfo({}), api.getSite({})]);
      const list = newestFirst(await api.listStudies({}));
      setInfo(workspace);
      setSite(settings);
      setStudies(list);
      // The library lists on its own and may be clicked before this listing is back: the
      // study the author chose meanwhile stays open, not the one this would pick.
      if (choices() !== choicesBefore) return;
      const keep = list.find((s) => s.id === currentId.current) ?? list[0];
      if (keep) await open(keep.id);
      else close();
    } catch (err) {
      setProblem(`Could not open the workspace: ${errorMessage(err)}`);
    }
  }, [api, open, close, choices, currentId, setStudies, setProblem]);

  /**
   * When the core reports a different number of files set aside than the App shows (reading
   * the full text found a damaged file): refreshes the list and the report without reopening
   * the open study.
   */
  const refreshLibrary = useCallback(async () => {
    try {
      // Report first, then list: as in loadWorkspace.
      const workspace = await api.getWorkspaceInfo({});
      const list = newestFirst(await api.listStudies({}));
      setInfo(workspace);
      setStudies((shown) => {
        // The open study's entry may hold a title typed but not saved yet.
        const open = shown.find((s) => s.id === currentId.current);
        return open ? list.map((s) => (s.id === open.id ? open : s)) : list;
      });
    } catch (err) {
      setProblem(`Could not refresh the library: ${errorMessage(err)}`);
    }
  }, [api, currentId, setStudies, setProblem]);

  const shownQuarantine = info?.quarantined.length;
  const onQuarantineCount = useCallback(
    (count: number) => {
      if (shownQuarantine !== undefined && count !== shownQuarantine) void refreshLibrary();
    },
    [shownQuarantine, refreshLibrary],
  );

  const addCategory = useCallback(
    async (name: string) => {
      const latest = await api.getSite({});
      setSite(await api.updateSite({ patch: { categories: [...latest.categories, name] } }));
    },
    [api],
  );

  return { info, site, setSite, loadWorkspace, refreshLibrary, onQuarantineCount, addCategory };
}
