// The editing pane for one study, writing first: the title and summary as its heading, one
// quiet line summing up its properties, the formatting toolbar and find & replace, then the
// four sections as one document; the other fields live in the Properties panel beside it.
// Mounted with key={study.id}, so nothing (state, editors, undo history) survives into
// another study.
import { memo, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { SiteAuthor } from '../../../core/pure/schemas/site';
import { sectionKeys, type Study, type StudyPatch } from '../../../core/pure/schemas/study';
import type { PropertiesShown } from '../../../core/pure/properties-line';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import type { SaveAsset } from '../editor/image-upload';
import { EditorToolbar } from '../editor/EditorToolbar';
import { requestUi } from '../editor/ui-requests';
import { FindReplacePanel } from '../editor/FindReplacePanel';
import { KeyboardShortcutsButton, KeyboardShortcutsDialog } from '../editor/KeyboardShortcutsDialog';
import { SectionEditor } from '../editor/SectionEditor';
import { SlashMenuPopup } from '../editor/SlashMenuPopup';
import { StudyWordCount } from '../editor/StudyWordCount';
import { HistoryButton } from '../history/HistoryButton';
import { MetadataForm } from './MetadataForm';
import { PendingSection, useMountedOneByOne } from './pending-sections';
import { PropertiesLine, PropertiesPanel } from './PropertiesPanel';

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
  /**
   * The publish checklist, when open: at the top of the study's own column, so the Properties
   * column beside it stays where the author is working (a long list above both pushed it off
   * screen just as the status became Published).
   */
  checklist?: ReactNode;
}

const shownKeys = ['status', 'outcome', 'date', 'categories'] as const;

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
  checklist,
}: StudyEditorProps) {
  // What the properties line shows follows the panel's edits (the loaded `study` does not).
  const [shown, setShown] = useState<PropertiesShown>(() => ({
    status: study.status,
    outcome: study.outcome,
    date: study.date,
    categories: study.categories,
  }));
  // Likewise the study's language, which the editors' lang (spellcheck) follows as it is set.
  const [studyLanguage, setStudyLanguage] = useState(study.language);
  const statusNow = useRef(study.status);
  const edit = useCallback(
    (id: string, patch: StudyPatch) => {
      onEdit(id, patch);
      // The findings show when the author makes the study Published (not when a published one
      // opens, nor when a refreshed list echoes the status back).
      if (patch.status !== undefined) {
        if (patch.status === 'published' && statusNow.current !== 'published') requestUi({ kind: 'show-checks' });
        statusNow.current = patch.status;
      }
      if (patch.language !== undefined) setStudyLanguage(patch.language);
      if (shownKeys.some((key) => patch[key] !== undefined)) {
        setShown((before) => ({
          status: patch.status ?? before.status,
          outcome: patch.outcome === undefined ? before.outcome : patch.outcome,
          date: patch.date === undefined ? before.date : patch.date,
          categories: patch.categories ?? before.categories,
        }));
      }
    },
    [onEdit],
  );
  // The toolbar reads its state from the section it acts on. On its first render the previous
  // study's editors are still registered (they go when this render commits), and TipTap's
  // useEditorState keeps the first editor's state until the next keystroke: "H2" stayed
  // pressed in a study without headings. So it comes in once this study's editors are there.
  const [editorsReady, setEditorsReady] = useState(false);
  useEffect(() => setEditorsReady(true), []);
  const mounted = useMountedOneByOne(sectionKeys.length);
  const form = { study, siteCategories, siteAuthors, readOnly, onEdit: edit, onAddCategory, summaryPrompt, saveAsset };

  return (
    <div className="study-layout">
      <article className="study">
        {checklist}
        <MetadataForm {...form} part="head" />
        <PropertiesLine shown={shown} />
        <div className="editor-chrome">
          {editorsReady ? <EditorToolbar readOnly={readOnly} /> : <div className="editor-toolbar-wrap" />}
          <FindReplacePanel readOnly={readOnly} />
        </div>
        <div className="study-stats">
          <StudyWordCount />
          <span className="study-links">
            <HistoryButton />
            <KeyboardShortcutsButton />
          </span>
        </div>
        <div className="study-sections">
          {sectionKeys.map((key, index) =>
            index >= mounted ? (
              <PendingSection key={key} section={key} />
            ) : (
              <SectionEditor
                key={key}
                studyId={study.id}
                section={key}
                initialContent={study[key]}
                editable={!readOnly}
                autosave={autosave}
                // The study's own language, else the site's (study-fields.ts `language`).
                language={studyLanguage ?? language}
                saveAsset={saveAsset}
              />
            ),
          )}
        </div>
        <SlashMenuPopup />
        <KeyboardShortcutsDialog />
      </article>
      <PropertiesPanel>
        <MetadataForm {...form} part="properties" />
      </PropertiesPanel>
    </div>
  );
}

export const StudyEditor = memo(StudyEditorView);
