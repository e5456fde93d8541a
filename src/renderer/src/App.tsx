// The window: library on the left (a drawer on narrow windows), the selected study on the
// right. Holds the library list and wires the parts: which study is open
// (app/use-open-study.ts), the workspace (app/use-workspace.ts), how the study screen is laid
// out (app/view-state.ts: Properties, checks, focus mode), the shell and page events; all
// saving goes through the autosave queue.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudySummary } from '../../core/pure/schemas/study';
import type { CasebookClient } from './api/casebook-client';
import { flushOnPageEvents, listenToShell } from './app-lifecycle';
import { AutosaveQueue } from './autosave/autosave-queue';
import { LibrarySidebar } from './library/LibrarySidebar';
import { QuarantineNotice } from './components/QuarantineNotice';
import { SkipLink } from './components/SkipLink';
import { ExportDialog } from './export/ExportDialog';
import { requestUi } from './editor/ui-requests';
import { useWindowShortcuts } from './editor/window-commands';
import { StatusBar } from './library/StatusBar';
import { withSaved } from './library-order';
import { OutsideChanges } from './outside-changes/OutsideChanges';
import { useOpenStudy } from './app/use-open-study';
import { useWorkspace } from './app/use-workspace';
import { WorkspaceToolbar } from './app/WorkspaceToolbar';
import { NoStudyOpen, StudyWorkbench } from './app/StudyWorkbench';
import { useStudyChecks } from './checks/use-study-checks';
import { onUiRequest } from './editor/ui-requests';
import { useLibraryDrawer } from './app/use-library-drawer';
import { useStudyScroll } from './app/use-study-scroll';
import { useTypewriterScrolling } from './app/use-typewriter';
import { setView, useView, viewState } from './app/view-state';
import './styles/study-layout.css';
import { useSaveNow } from './autosave/use-save-now';
import { GitDialogs, type GitDialog } from './sync/GitDialogs';
import { useSync } from './sync/use-sync';
import { useWorkspacePrompts } from './editor/template-prompt-hints';

export function App({ client }: { client: CasebookClient }) {
  const { api } = client;
  const [studies, setStudies] = useState<StudySummary[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
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
  const session = useOpenStudy({ api, autosave, setStudies, setProblem });
  const { current, currentId, open, create } = session;
  const workspace = useWorkspace({ api, session, setStudies, setProblem });
  const { info, site, loadWorkspace } = workspace;

  useEffect(() => {
    void loadWorkspace();
  }, [loadWorkspace]);
  useWorkspacePrompts(api, info);

  // After a sync: the list as it now is, and the open study again if the sync changed it.
  const { refreshLibrary } = workspace;
  const { reload } = session;
  const sync = useSync({
    api,
    autosave,
    onSynced: async (changed) => {
      await refreshLibrary();
      const id = currentId.current;
      if (id && changed.includes(id)) reload(id);
    },
  });
  const [gitDialog, setGitDialog] = useState<GitDialog>(null);

  useEffect(() => flushOnPageEvents(autosave), [autosave]);
  useWindowShortcuts();
  useSaveNow(autosave);

  const studyId = current?.id ?? null;
  const checks = useStudyChecks(api, autosave, studyId, session.generation);
  const focusMode = useView('focusMode');
  const drawer = useLibraryDrawer();
  const pane = useRef<HTMLElement>(null);
  const scroller = useCallback(() => pane.current, []);
  useStudyScroll(pane, studyId);
  useTypewriterScrolling(scroller);

  // Another study opens without the findings of the one before shouting at it.
  useEffect(() => setView({ checksOpen: false }), [studyId]);

  // The study's view answers its keys only while a study is open (else the browser has them).
  const hasStudy = studyId !== null;
  useEffect(() => {
    if (!hasStudy) return;
    const offs = [
      onUiRequest('toggle-properties', () =>
        setView({ propertiesOpen: !viewState().propertiesOpen, focusMode: false }),
      ),
      onUiRequest('toggle-focus-mode', () => setView({ focusMode: !viewState().focusMode })),
      onUiRequest('show-checks', () => setView({ checksOpen: true, focusMode: false })),
      // Find lives in the chrome focus mode hides: Mod-F brings the chrome back with it.
      onUiRequest('find', () => setView({ focusMode: false })),
      onUiRequest('show-history', () => setGitDialog('history')),
    ];
    const leaveFocus = (event: KeyboardEvent) => {
      // Esc leaves focus mode, unless a dialog, a menu or a popup (the slash menu) takes it.
      // Capture phase: a section editor claims every Esc (ProseMirror prevents its default).
      if (event.key !== 'Escape' || !viewState().focusMode) return;
      if (event.target instanceof Element && event.target.closest('dialog, [role="menu"], [role="listbox"]')) return;
      const popups = document.querySelectorAll('[role="listbox"]');
      if ([...popups].some((popup) => !popup.closest('dialog') && popup.checkVisibility())) return;
      setView({ focusMode: false });
    };
    window.addEventListener('keydown', leaveFocus, true);
    return () => {
      offs.forEach((off) => off());
      window.removeEventListener('keydown', leaveFocus, true);
      setView({ focusMode: false });
    };
  }, [hasStudy]);

  /** Export, with the open study's findings shown behind the dialog (they matter most now). */
  const openExport = useCallback(() => {
    setExportOpen(true);
    requestUi({ kind: 'show-checks' });
  }, []);

  useEffect(() => {
    if (!client.shell) return;
    return listenToShell(client.shell, autosave, {
      newStudy: () => void create(),
      reloadWorkspace: () => void loadWorkspace(),
      openExport,
      showShortcuts: () => requestUi({ kind: 'show-shortcuts' }),
    });
  }, [client.shell, autosave, create, loadWorkspace, openExport]);

  /** Before an export: every pending edit on disk, or what kept one from getting there. */
  const saveEdits = useCallback(async () => {
    await autosave.flushAll();
    const state = autosave.getState();
    return { unsaved: state.kind === 'error' ? state.message : null };
  }, [autosave]);

  const readOnly = info?.readOnly ?? false;

  return (
    <div className={focusMode ? 'app focus-mode' : 'app'}>
      <SkipLink />
      <LibrarySidebar
        drawer={drawer.narrow ? { open: drawer.open, onClose: drawer.close, ref: drawer.navRef } : undefined}
        api={api}
        autosave={autosave}
        onWorkspaceChanged={loadWorkspace}
        onQuarantineCount={workspace.onQuarantineCount}
        onSiteChanged={workspace.setSite}
        siteCategories={site?.categories ?? []}
        onCreatedFromTemplate={(id, prompt) => {
          if (prompt) setSummaryPrompts((prompts) => new Map(prompts).set(id, prompt));
          if (drawer.open) drawer.close();
          // As with New case study, the author starts on the title (not back on the button).
          void open(id, 'title');
        }}
        studies={studies}
        selectedId={current?.id ?? null}
        canCreate={info !== null && !readOnly}
        onSelect={(id) => {
          if (drawer.open) drawer.close();
          if (id !== currentId.current) void open(id);
        }}
        onCreate={() => {
          if (drawer.open) drawer.close();
          void create();
        }}
      >
        <QuarantineNotice files={info?.quarantined ?? []} skipped={info?.skipped ?? []} />
      </LibrarySidebar>
      {drawer.open ? <div className="drawer-backdrop" aria-hidden="true" onClick={drawer.close} /> : null}
      {/* While the drawer is open it is the only thing to use: the study behind it is inert. */}
      {/* The skip link's target: an id a link can name, focusable from script only. */}
      <main id="main" tabIndex={-1} className="pane" ref={pane} inert={drawer.open}>
        <WorkspaceToolbar
          info={info}
          autosave={autosave}
          hasStudy={hasStudy}
          checks={hasStudy ? checks : null}
          previewOpen={previewOpen}
          onTogglePreview={() => setPreviewOpen((shown) => !shown)}
          onExport={openExport}
          problem={problem}
          libraryDrawer={
            drawer.narrow ? { open: drawer.open, toggle: drawer.toggle, buttonRef: drawer.buttonRef } : null
          }
        />
        <OutsideChanges
          api={api}
          autosave={autosave}
          studyId={current?.id ?? null}
          paused={session.switching}
          titleOf={(id) => studies.find((s) => s.id === id)?.title ?? ''}
          reload={session.reload}
          takeTheirs={session.reloadFromDisk}
          onStudySaved={(study) => setStudies((list) => withSaved(list, study))}
        />
        {current && site ? (
          <StudyWorkbench
            api={api}
            autosave={autosave}
            study={current}
            site={site}
            generation={session.generation}
            switching={session.switching}
            readOnly={readOnly}
            previewOpen={previewOpen}
            // The library follows edits as they are typed; the loaded study does not.
            status={studies.find((s) => s.id === current.id)?.status ?? current.status}
            summaryPrompt={summaryPrompts.get(current.id)}
            checks={checks}
            onEdit={session.edit}
            onAddCategory={workspace.addCategory}
            onConflictResolved={(id) => {
              reload(id);
              // "Keep both" of a field may have written a conflict copy: the list shows it.
              void refreshLibrary();
              void sync.refresh();
            }}
          />
        ) : info ? (
          <NoStudyOpen canCreate={!readOnly} onCreate={() => void create()} />
        ) : null}
      </main>
      <StatusBar
        info={info}
        studyCount={studies.length}
        autosave={autosave}
        sync={sync}
        onOpenSyncSettings={() => setGitDialog('sync-settings')}
        // The library follows edits as they are typed: so does the window title.
        openTitle={current ? (studies.find((s) => s.id === current.id)?.title ?? current.title) : null}
      />
      <ExportDialog
        open={exportOpen}
        onClose={() => setExportOpen(false)}
        api={api}
        shell={client.shell}
        counts={{ published: studies.filter((s) => s.status === 'published').length, all: studies.length }}
        saveEdits={saveEdits}
      />
      <GitDialogs
        open={gitDialog}
        setOpen={setGitDialog}
        api={api}
        shell={client.shell}
        autosave={autosave}
        sync={sync}
        studyId={studyId}
        readOnly={readOnly}
        onRestored={(id) => {
          reload(id);
          void sync.refresh();
        }}
      />
    </div>
  );
}
