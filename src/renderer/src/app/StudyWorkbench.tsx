// The open study: its editor, the publish checklist when it is asked for, and the preview
// beside them when asked for; the editors are rebuilt (keys) whenever the study is loaded from
// disk again. With no study open, an invitation to start one.
import type { CasebookApi } from '../../../core/pure/contract';
import type { SiteSettings } from '../../../core/pure/schemas/site';
import type { Study, StudyPatch, StudySummary } from '../../../core/pure/schemas/study';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { PublishChecklist } from '../checks/PublishChecklist';
import type { StudyChecks } from '../checks/use-study-checks';
import { StudyConflicts } from '../conflicts/StudyConflicts';
import { PreviewPane } from '../export/PreviewPane';
import { StudyEditor } from '../study/StudyEditor';
import { useView } from './view-state';

interface StudyWorkbenchProps {
  api: CasebookApi;
  autosave: AutosaveQueue;
  study: Study;
  site: SiteSettings;
  /** Counts loads from disk (see useOpenStudy). */
  generation: number;
  switching: boolean;
  readOnly: boolean;
  previewOpen: boolean;
  /** The status as the library shows it: it follows edits as they are typed; `study` does not. */
  status: StudySummary['status'];
  summaryPrompt: string | undefined;
  checks: StudyChecks;
  onEdit: (id: string, patch: StudyPatch) => void;
  onAddCategory: (name: string) => Promise<void>;
  /** A conflict a sync kept was resolved: reload study `id`. */
  onConflictResolved: (id: string) => void;
}

export function StudyWorkbench(props: StudyWorkbenchProps) {
  const { api, autosave, study, site, generation, switching, readOnly, previewOpen } = props;
  const checksOpen = useView('checksOpen');
  const focusMode = useView('focusMode');

  return (
    <div className={previewOpen && !focusMode ? 'workbench with-preview' : 'workbench'}>
      <div className="study-frame" inert={switching} aria-busy={switching}>
        <StudyConflicts
          api={api}
          autosave={autosave}
          study={study}
          readOnly={readOnly}
          onResolved={(resolved) => props.onConflictResolved(resolved.id)}
        />
        <StudyEditor
          key={`${study.id}:${generation}`}
          study={study}
          siteCategories={site.categories}
          siteAuthors={site.authors}
          summaryPrompt={props.summaryPrompt}
          language={site.language}
          readOnly={readOnly}
          autosave={autosave}
          onEdit={props.onEdit}
          onAddCategory={props.onAddCategory}
          saveAsset={api.saveAsset}
          checklist={checksOpen && !focusMode ? <PublishChecklist checks={props.checks} /> : null}
        />
      </div>
      {previewOpen && !focusMode ? (
        <PreviewPane
          api={api}
          autosave={autosave}
          studyId={study.id}
          version={`${generation}:${JSON.stringify(site)}`}
          isDraft={props.status === 'draft'}
        />
      ) : null}
    </div>
  );
}

export function NoStudyOpen({ canCreate, onCreate }: { canCreate: boolean; onCreate: () => void }) {
  return (
    <div className="empty-state">
      <p>Write up a real system: the problem, the decisions, the tradeoffs, and what you learned.</p>
      {canCreate ? (
        <button type="button" className="primary" onClick={onCreate}>
          Start a case study
        </button>
      ) : null}
    </div>
  );
}
