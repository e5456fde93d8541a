// The editing pane for one study: metadata, then the four sections. Mounted with
// key={study.id}, so nothing (state, editors, undo history) survives into another study.
import { memo } from 'react';
import { sectionKeys, type Study, type StudyPatch } from '../../../core/schemas/study';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { SectionEditor } from '../editor/SectionEditor';
import { MetadataForm } from './MetadataForm';

interface StudyEditorProps {
  study: Study;
  siteCategories: readonly string[];
  readOnly: boolean;
  autosave: AutosaveQueue;
  onEdit: (id: string, patch: StudyPatch) => void;
  onAddCategory: (name: string) => Promise<void>;
}

function StudyEditorView({ study, siteCategories, readOnly, autosave, onEdit, onAddCategory }: StudyEditorProps) {
  return (
    <article className="study">
      <MetadataForm
        study={study}
        siteCategories={siteCategories}
        readOnly={readOnly}
        onEdit={onEdit}
        onAddCategory={onAddCategory}
      />
      {sectionKeys.map((key) => (
        <SectionEditor
          key={key}
          studyId={study.id}
          section={key}
          initialContent={study[key]}
          editable={!readOnly}
          autosave={autosave}
        />
      ))}
    </article>
  );
}

export const StudyEditor = memo(StudyEditorView);
