// One rich-text section (Problem, Decisions…) in its own memoized component: a keystroke
// re-renders nothing outside this editor, and the document is only marked dirty, never
// serialized, on each change (the autosave queue reads it when it saves).
// A section the editor cannot load as stored is shown read-only with a notice instead, and
// never reaches the autosave queue: a blank editor over it would save the blank.
import { memo, useEffect, useMemo, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { loadProblem, type LoadProblem } from '../../../core/pure/rich-text/loadable';
import type { RichTextDoc } from '../../../core/pure/schemas/rich-text';
import { sectionLabels, type SectionKey } from '../../../core/pure/schemas/study';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { BlockHandle } from './BlockHandle';
import { BubbleFormatting } from './BubbleFormatting';
import { sectionEditorExtensions } from './editor-extensions';
import type { SaveAsset } from './image-upload';
import { registerSectionEditor, setActiveEditor } from './section-registry';
import { sectionGuidance } from './section-guidance';
import { sectionPrompts } from './section-prompts';
import { UnloadableSection } from './UnloadableSection';
import { formatWords, useSectionWordCount } from './word-counts';
import '../styles/writing-type.css';
import '../styles/code-highlight.css';

interface SectionEditorProps {
  studyId: string;
  section: SectionKey;
  initialContent: RichTextDoc;
  editable: boolean;
  autosave: AutosaveQueue;
  /** The study's language (else the site's): the spellchecker follows it. */
  language: string;
  /** Stores an image pasted, dropped or picked into this section (the App's client). */
  saveAsset: SaveAsset;
}

/** The id of a section's heading, which names the section: the same whether its editor is built yet or not. */
export const sectionHeadingId = (section: SectionKey) => `section-${section}-heading`;

function SectionEditorView(props: SectionEditorProps) {
  const { studyId, section, initialContent } = props;
  const problem = useMemo(() => loadProblem(initialContent), [initialContent]);
  // Should TipTap still refuse what the check let through, the same read-only view follows.
  const [refused, setRefused] = useState<LoadProblem | null>(null);
  const shown = problem ?? refused;
  if (shown) return <UnloadableSection studyId={studyId} section={section} content={initialContent} problem={shown} />;
  return <LoadedSectionEditor {...props} onContentError={setRefused} />;
}

function LoadedSectionEditor({
  studyId,
  section,
  initialContent,
  editable,
  autosave,
  language,
  saveAsset,
  onContentError,
}: SectionEditorProps & { onContentError: (problem: LoadProblem) => void }) {
  const label = sectionLabels[section];
  const headingId = sectionHeadingId(section);
  const extensions = useMemo(() => sectionEditorExtensions(sectionPrompts[section], saveAsset), [section, saveAsset]);
  const editor = useEditor(
    {
      extensions,
      content: initialContent,
      editable,
      enableContentCheck: true,
      // Only the stored document is at stake (emitted while the editor is built, before it has
      // a view); later insertions that fail are TipTap's to refuse. Reported once that is over.
      onContentError: ({ editor: building, error }) => {
        if (building.isInitialized) return;
        queueMicrotask(() => onContentError({ what: 'content this version cannot load', detail: error.message }));
      },
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          class: 'rich-text',
          spellcheck: 'true',
          lang: language,
          // Right-to-left text shows right to left, paragraph by paragraph as typed.
          dir: 'auto',
        },
      },
      // The patch is tagged with the study this editor was created for, never "the current" one.
      // Only a transaction that changed the text itself is an edit: a rule's own addition on
      // another one (the paragraph after a closing code block, added when the templates load or
      // the caret lands) is not, or merely opening a study would rewrite its file, and over a
      // change made outside meanwhile (a save checks updatedAt, which a hand edit may keep).
      onUpdate: ({ editor: changed, transaction }) => {
        if (transaction.docChanged) autosave.markSectionDirty(studyId, section, () => changed.getJSON() as RichTextDoc);
      },
      onFocus: ({ editor: focused }) => setActiveEditor(focused),
    },
    // A new editor per study: content and undo history never cross between studies.
    [studyId, section],
  );

  useEffect(() => {
    // Without emitUpdate=false, TipTap reports this as an edit and merely opening a study saves it.
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => (editor ? registerSectionEditor(section, editor) : undefined), [editor, section]);

  // The Language field changed while the study is open: spelling follows at once, not on reopening.
  useEffect(() => {
    const props = editor?.options.editorProps;
    const attributes = props?.attributes;
    if (!editor || editor.isDestroyed || typeof attributes !== 'object' || attributes.lang === language) return;
    editor.setOptions({ editorProps: { ...props, attributes: { ...attributes, lang: language } } });
  }, [editor, language]);

  // Before this editor is destroyed, turn its unsaved changes into data.
  useEffect(() => () => autosave.capture(studyId), [autosave, studyId]);

  const words = useSectionWordCount(section, editor);

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId} className="section-heading">
          {label}
        </h2>
        <span className="section-words">{formatWords(words)}</span>
      </div>
      <details className="section-guidance">
        <summary>What good looks like</summary>
        <ul>
          {sectionGuidance[section].map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      </details>
      <EditorContent editor={editor} className="section-body" />
      {editor && editable ? <BubbleFormatting editor={editor} section={label} /> : null}
      {editor && editable ? <BlockHandle editor={editor} /> : null}
    </section>
  );
}

export const SectionEditor = memo(SectionEditorView);
