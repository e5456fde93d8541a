// The editing pane for one study: metadata, then the formatting toolbar, find & replace and
// the four sections. Mounted with key={study.id}, so nothing (state, editors, undo history)
// survives into another study.
import { memo } from 'react';
import type { SiteAuthor } from '../../../core/pure/schemas/site';
import { sectionKeys, type Study, type StudyPatch } from '../../../core/pure/schemas/study';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import type { SaveAsset } from '../editor/image-upload';
import { EditorToolbar } from '../editor/EditorToolbar';
import { FindReplacePanel } from '../editor/FindReplacePanel';
import { KeyboardShortcutsButton, KeyboardShortcutsDialog } from '../editor/KeyboardShortcutsDialog';
import { SectionEditor } from '../editor/SectionEditor';
import { SlashMenuPopup } from '../editor/SlashMenuPopup';
import { StudyWordCount } from '../editor/StudyWordCount';
import { MetadataForm } from './MetadataForm';

interface StudyEditorProps {
  study: Study;
  siteCategories: readonly string[];
  siteAuthors: readonly SiteAuthor[];
  readOnly: boolean;
  autosave: AutosaveQueue;
  onEdit: (id: string, patch: StudyPatch) => void;
  onAddCategory: (name: string) => Promise<void>;
  /** The site's language (settings), so the spellchecker checks the right one. */
  language?: string;
  /** What the template the study was just created from asks of its Summary. */
  summaryPrompt?: string;
  /** Stores images added to a section: the App's client's saveAsset. */
  saveAsset: SaveAsset;
}

function StudyEditorView({
  study,
  siteCategories,
  siteAuthors,
  readOnly,
  autosave,
  onEdit,
  onAddCategory,
  language = 'en',
  summaryPrompt,
  saveAsset,
}: StudyEditorProps) {
  return (
    <article className="study">
      <MetadataForm
        study={study}
        siteCategories={siteCategories}
        siteAuthors={siteAuthors}
        readOnly={readOnly}
        onEdit={onEdit}
        onAddCategory={onAddCategory}
        summaryPrompt={summaryPrompt}
        saveAsset={saveAsset}
      />
      <div className="editor-chrome">
        <EditorToolbar readOnly={readOnly} />
        <FindReplacePanel readOnly={readOnly} />
      </div>
      <div className="study-stats">
        <StudyWordCount />
        <KeyboardShortcutsButton />
      </div>
      {sectionKeys.map((key) => (
        <SectionEditor
          key={key}
          studyId={study.id}
          section={key}
          initialContent={study[key]}
          editable={!readOnly}
          autosave={autosave}
          // The study's own language, else the site's (study-fields.ts `language`).
          language={study.language ?? language}
          saveAsset={saveAsset}
        />
      ))}
      <SlashMenuPopup />
      <KeyboardShortcutsDialog />
    </article>
  );
}

export const StudyEditor = memo(StudyEditorView);
