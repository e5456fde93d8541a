// The open study: its publish checklist and editor, with the preview beside them when asked
// for; the editors are rebuilt (keys) whenever the study is loaded from disk again. With no
// study open, an invitation to start one.
import type { CasebookApi } from '../../../core/pure/contract';
import type { SiteSettings } from '../../../core/pure/schemas/site';
import type { Study, StudyPatch, StudySummary } from '../../../core/pure/schemas/study';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { PublishChecklist } from '../checks/PublishChecklist';
import { PreviewPane } from '../export/PreviewPane';
import { StudyEditor } from '../study/StudyEditor';

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
  onEdit: (id: string, patch: StudyPatch) => void;
  onAddCategory: (name: string) => Promise<void>;
}

export function StudyWorkbench(props: StudyWorkbenchProps) {
  const { api, autosave, study, site, generation, switching, readOnly, previewOpen } = props;
  return (
    <div className={previewOpen ? 'workbench with-preview' : 'workbench'}>
      <div className="study-frame" inert={switching} aria-busy={switching}>
        <PublishChecklist key={`checks:${study.id}:${generation}`} api={api} autosave={autosave} studyId={study.id} />
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
        />
      </div>
      {previewOpen ? (
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
