// Everything a section editor is built from: the shared schema from core (with the
// highlighting code block, the asset-displaying image and the timeline entry's view swapped
// in — same names, same schema) plus the editing-only behaviour: placeholder, shortcuts, slash menu, find, images.
import type { Extensions } from '@tiptap/core';
import { Focus, Placeholder } from '@tiptap/extensions';
import { richTextExtensions } from '../../../core/pure/rich-text/extensions';
import { HighlightedCodeBlock } from './code-languages';
import { CommandKeymap } from './command-keymap';
import { DecisionRecordEditor } from './decision/decision-record-editor';
import { DisplayImage } from './display-image';
import { FindHighlight } from './find-highlight';
import { ImageFiles, type SaveAsset } from './image-upload';
import { KeptSelection } from './kept-selection';
import { PageHeading } from './page-heading';
import { SlashMenu } from './slash-menu';
import { TemplatePromptHints } from './template-prompt-hints';
import { EditableTimelineEntry } from './TimelineEntryView';
import { EditableTimeline } from './timeline-places';

/** `saveAsset`: the App's client's, through which pasted, dropped and picked images are stored. */
export function sectionEditorExtensions(placeholder: string, saveAsset: SaveAsset): Extensions {
  return [
    ...richTextExtensions({
      codeBlock: HighlightedCodeBlock,
      heading: PageHeading,
      image: DisplayImage,
      timeline: EditableTimeline,
      timelineEntry: EditableTimelineEntry,
      decisionRecord: DecisionRecordEditor,
    }),
    Placeholder.configure({ placeholder }),
    // Marks the top-level block holding the cursor so editor.css can exempt it from
    // content-visibility: a block inserted under the cursor must be laid out before the next
    // keystroke lands, or Chromium types that keystroke outside it.
    Focus.configure({ className: 'is-editing', mode: 'shallowest' }),
    CommandKeymap,
    SlashMenu,
    FindHighlight,
    KeptSelection,
    TemplatePromptHints,
    ImageFiles.configure({ saveAsset }),
  ];
}
