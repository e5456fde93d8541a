// The window: library on the left, the selected study on the right. Holds which study is
// open and the library list; all saving goes through the autosave queue.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkspaceInfo } from '../../core/pure/contract';
import type { SiteSettings } from '../../core/pure/schemas/site';
import type { Study, StudyPatch, StudySummary } from '../../core/pure/schemas/study';
import { errorMessage } from './api/api-error';
import type { CasebookClient } from './api/casebook-client';
import { flushOnPageEvents, listenToShell } from './app-lifecycle';
import { AutosaveQueue } from './autosave/autosave-queue';
import { LibrarySidebar } from './library/LibrarySidebar';
import { QuarantineNotice } from './components/QuarantineNotice';
import { SaveStatus } from './components/SaveStatus';
import { StudyEditor } from './study/StudyEditor';
import { PublishChecklist } from './checks/PublishChecklist';
import { ExportDialog } from './export/ExportDialog';
import { PreviewPane } from './export/PreviewPane';
import { requestUi } from './editor/ui-requests';
import { useWindowShortcuts } from './editor/window-commands';
import { StatusBar } from './library/StatusBar';
import { newestFirst, withLocalEdit, withSaved } from './library-order';
import { OutsideChanges } from './outside-changes/OutsideChanges';

export function App({ client }: { client: CasebookClient }) {
  const { api } = client;
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [site, setSite] = useState<SiteSettings | null>(null);
  const [studies, setStudies] = useState<StudySummary[]>([]);
  const [current, setCurrent] = useState<Study | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // While another study loads, the open one is inert: nothing can be typed into a study
  // the author is leaving (its edits are already captured and on their way to disk).
  const [switching, setSwitching] = useState(false);
  // Bumped on every load from disk, so reopening the same study (workspace reload) rebuilds its editors.
  const [generation, setGeneration] = useState(0);
  const [exportOpen, setExportOpen] = useState(false);
  const [previewOpen, setPreviewOpen] = useState(false);
  /** Summary prompts of templates, for studies created from them in this session. */
  // Keyed by study id, which comes from files in the workspace: a Map, never a plain object.
  const [summaryPrompts, setSummaryPrompts] = useState<ReadonlyMap<string, string>>(new Map());
  const [autosave] = useState(
    () =>
      new AutosaveQueue({
        api,
        sendOnExit: client.sendOnExit,
        onSaved: (study) => setStudies((list) => withSaved(list, study)),
      }),
  );
  const currentId = useRef<string | null>(null);
  const openRequest = useRef(0);
  const focusTitle = useRef(false);

  /** Opens study `id`, after saving what was typed into the open one (and into `id`). */
  const open = useCallback(
    async (id: string) => {
      const request = ++openRequest.current;
      const leaving = currentId.current;
      if (leaving !== id) setSwitching(true);
      try {
        if (leaving && leaving !== id) await autosave.flush(leaving);
        await autosave.flush(id); // an earlier save of `id` may still be on its way
        const study = await api.getStudy({ id });
        if (request !== openRequest.current) return; // another study was chosen meanwhile
        currentId.current = id;
        autosave.opened(id, study.updatedAt);
        setStudies((list) => withSaved(list, study)); // the file may have changed since the list was read
        setCurrent({ ...study, ...autosave.pendingPatch(id) });
        setGeneration((g) => g + 1);
        setProblem(null);
      } catch (err) {
        if (request === openRequest.current) setProblem(`Could not open the case study: ${errorMessage(err)}`);
      } finally {
        if (request === openRequest.current) setSwitching(false);
      }
    },
    [api, autosave],
  );

  const loadWorkspace = useCallback(async () => {
    try {
      // The report of set-aside files first (the info lists the studies itself, so a file
      // found damaged by listing is in it): one set aside after it shows as a different count
      // in the library's pages, and onQuarantineCount refreshes.
      const [workspace, settings] = await Promise.all([api.getWorkspaceInfo({}), api.getSite({})]);
      const list = newestFirst(await api.listStudies({}));
      setInfo(workspace);
      setSite(settings);
      setStudies(list);
      const keep = list.find((s) => s.id === currentId.current) ?? list[0];
      if (keep) await open(keep.id);
      else {
        currentId.current = null;
        setCurrent(null);
      }
    } catch (err) {
      setProblem(`Could not open the workspace: ${errorMessage(err)}`);
    }
  }, [api, open]);

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
  }, [api]);

  const shownQuarantine = info?.quarantined.length;
  const onQuarantineCount = useCallback(
    (count: number) => {
      if (shownQuarantine !== undefined && count !== shownQuarantine) void refreshLibrary();
    },
    [shownQuarantine, refreshLibrary],
  );

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
  }, [api, autosave]);

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
    [autosave],
  );

  const reloadFromDisk = useCallback(
    (id: string) => {
      autosave.discard(id);
      if (id === currentId.current) void open(id);
    },
    [autosave, open],
  );

  const addCategory = useCallback(
    async (name: string) => {
      const latest = await api.getSite({});
      setSite(await api.updateSite({ patch: { categories: [...latest.categories, name] } }));
    },
    [api],
  );

  useEffect(() => {
    void loadWorkspace();
  }, [loadWorkspace]);

  useEffect(() => flushOnPageEvents(autosave), [autosave]);
  useWindowShortcuts();

  useEffect(() => {
    if (!client.shell) return;
    return listenToShell(client.shell, autosave, {
      newStudy: () => void create(),
      reloadWorkspace: () => void loadWorkspace(),
      openExport: () => setExportOpen(true),
      showShortcuts: () => requestUi({ kind: 'show-shortcuts' }),
    });
  }, [client.shell, autosave, create, loadWorkspace]);

  useEffect(() => {
    if (focusTitle.current && current) {
      focusTitle.current = false;
      document.getElementById('study-title')?.focus();
    }
  }, [current]);

  /** Before an export: every pending edit on disk, or what kept one from getting there. */
  const saveEdits = useCallback(async () => {
    await autosave.flushAll();
    const state = autosave.getState();
    return { unsaved: state.kind === 'error' ? state.message : null };
  }, [autosave]);

  const readOnly = info?.readOnly ?? false;
  // The library follows edits as they are typed; the loaded study does not.
  const currentStatus = studies.find((s) => s.id === current?.id)?.status ?? current?.status;

  return (
    <div className="app">
      <LibrarySidebar
        api={api}
        autosave={autosave}
        onWorkspaceChanged={loadWorkspace}
        onQuarantineCount={onQuarantineCount}
        onSiteChanged={setSite}
        siteCategories={site?.categories ?? []}
        onCreatedFromTemplate={(id, prompt) => {
          if (prompt) setSummaryPrompts((prompts) => new Map(prompts).set(id, prompt));
        }}
        studies={studies}
        selectedId={current?.id ?? null}
        canCreate={info !== null && !readOnly}
        onSelect={(id) => {
          if (id !== currentId.current) void open(id);
        }}
        onCreate={() => void create()}
      >
        <QuarantineNotice files={info?.quarantined ?? []} skipped={info?.skipped ?? []} />
      </LibrarySidebar>
      <main className="pane">
        <header className="toolbar">
          {info ? (
            <span className="workspace-name" title={info.path}>
              Workspace: {info.name}
            </span>
          ) : null}
          <SaveStatus autosave={autosave} />
          <div className="toolbar-actions">
            <button
              type="button"
              aria-pressed={previewOpen}
              disabled={!current}
              onClick={() => setPreviewOpen((open) => !open)}
            >
              Preview
            </button>
            <button type="button" disabled={!info} onClick={() => setExportOpen(true)}>
              Export
            </button>
          </div>
        </header>
        {readOnly ? (
          <div className="banner banner-readonly" role="alert">
            <strong>Read-only workspace.</strong> {info?.readOnlyReason ?? ''}
          </div>
        ) : null}
        {problem ? (
          <div className="banner banner-error" role="alert">
            {problem}
          </div>
        ) : null}
        <OutsideChanges
          api={api}
          autosave={autosave}
          studyId={current?.id ?? null}
          paused={switching}
          titleOf={(id) => studies.find((s) => s.id === id)?.title ?? ''}
          reload={(id) => {
            if (id === currentId.current) void open(id);
          }}
          takeTheirs={reloadFromDisk}
          onStudySaved={(study) => setStudies((list) => withSaved(list, study))}
        />
        {current && site ? (
          <div className={previewOpen ? 'workbench with-preview' : 'workbench'}>
            <div className="study-frame" inert={switching} aria-busy={switching}>
              <PublishChecklist
                key={`checks:${current.id}:${generation}`}
                api={api}
                autosave={autosave}
                studyId={current.id}
              />
              <StudyEditor
                key={`${current.id}:${generation}`}
                study={current}
                siteCategories={site.categories}
                summaryPrompt={summaryPrompts.get(current.id)}
                language={site.language}
                readOnly={readOnly}
                autosave={autosave}
                onEdit={edit}
                onAddCategory={addCategory}
              />
            </div>
            {previewOpen ? (
              <PreviewPane
                api={api}
                autosave={autosave}
                studyId={current.id}
                version={`${generation}:${JSON.stringify(site)}`}
                isDraft={currentStatus === 'draft'}
              />
            ) : null}
          </div>
        ) : info ? (
          <div className="empty-state">
            <p>Write up a real system: the problem, the decisions, the tradeoffs, and what you learned.</p>
            {!readOnly ? (
              <button type="button" className="primary" onClick={() => void create()}>
                Start a case study
              </button>
            ) : null}
          </div>
        ) : null}
      </main>
      <StatusBar info={info} studyCount={studies.length} autosave={autosave} />
      <ExportDialog
        open={exportOpen}
        onClose={() => setExportOpen(false)}
        api={api}
        shell={client.shell}
        counts={{ published: studies.filter((s) => s.status === 'published').length, all: studies.length }}
        saveEdits={saveEdits}
      />
    </div>
  );
}
