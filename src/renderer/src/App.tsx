// The window: library on the left, the selected study on the right. Holds the library list
// and wires the parts: which study is open (app/use-open-study.ts), the workspace
// (app/use-workspace.ts), the shell and page events; all saving goes through the autosave queue.
import { useCallback, useEffect, useState } from 'react';
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
import { useSaveNow } from './autosave/use-save-now';

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

  useEffect(() => flushOnPageEvents(autosave), [autosave]);
  useWindowShortcuts();
  useSaveNow(autosave);

  useEffect(() => {
    if (!client.shell) return;
    return listenToShell(client.shell, autosave, {
      newStudy: () => void create(),
      reloadWorkspace: () => void loadWorkspace(),
      openExport: () => setExportOpen(true),
      showShortcuts: () => requestUi({ kind: 'show-shortcuts' }),
    });
  }, [client.shell, autosave, create, loadWorkspace]);

  /** Before an export: every pending edit on disk, or what kept one from getting there. */
  const saveEdits = useCallback(async () => {
    await autosave.flushAll();
    const state = autosave.getState();
    return { unsaved: state.kind === 'error' ? state.message : null };
  }, [autosave]);

  const readOnly = info?.readOnly ?? false;

  return (
    <div className="app">
      <SkipLink />
      <LibrarySidebar
        api={api}
        autosave={autosave}
        onWorkspaceChanged={loadWorkspace}
        onQuarantineCount={workspace.onQuarantineCount}
        onSiteChanged={workspace.setSite}
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
        <WorkspaceToolbar
          info={info}
          autosave={autosave}
          hasStudy={current !== null}
          previewOpen={previewOpen}
          onTogglePreview={() => setPreviewOpen((shown) => !shown)}
          onExport={() => setExportOpen(true)}
          problem={problem}
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
            onEdit={session.edit}
            onAddCategory={workspace.addCategory}
          />
        ) : info ? (
          <NoStudyOpen canCreate={!readOnly} onCreate={() => void create()} />
        ) : null}
      </main>
      <StatusBar
        info={info}
        studyCount={studies.length}
        autosave={autosave}
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
    </div>
  );
}
