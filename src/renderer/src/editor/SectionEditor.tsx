// One rich-text section (Problem, Decisions…) in its own memoized component: a keystroke
// re-renders nothing outside this editor, and the document is only marked dirty, never
// serialized, on each change (the autosave queue reads it when it saves).
import { memo, useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import { richTextExtensions } from '../../../core/rich-text/extensions';
import type { RichTextDoc } from '../../../core/schemas/rich-text';
import { sectionLabels, type SectionKey } from '../../../core/schemas/study';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { sectionPrompts } from './section-prompts';

interface SectionEditorProps {
  studyId: string;
  section: SectionKey;
  initialContent: RichTextDoc;
  editable: boolean;
  autosave: AutosaveQueue;
}

function SectionEditorView({ studyId, section, initialContent, editable, autosave }: SectionEditorProps) {
  const label = sectionLabels[section];
  const headingId = `section-${section}-heading`;
  const editor = useEditor(
    {
      extensions: [...richTextExtensions(), Placeholder.configure({ placeholder: sectionPrompts[section] })],
      content: initialContent,
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          class: 'rich-text',
          spellcheck: 'true',
        },
      },
      // The patch is tagged with the study this editor was created for, never "the current" one.
      onUpdate: ({ editor: changed }) =>
        autosave.markSectionDirty(studyId, section, () => changed.getJSON() as RichTextDoc),
    },
    // A new editor per study: content and undo history never cross between studies.
    [studyId, section],
  );

  useEffect(() => {
    // Without emitUpdate=false, TipTap reports this as an edit and merely opening a study saves it.
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  // Before this editor is destroyed, turn its unsaved changes into data.
  useEffect(() => () => autosave.capture(studyId), [autosave, studyId]);

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {label}
      </h2>
      <EditorContent editor={editor} className="section-body" />
    </section>
  );
}

export const SectionEditor = memo(SectionEditorView);
