// Everything a section editor is built from: the shared schema from core (with the
// highlighting code block, the asset-displaying image and the timeline entry's view swapped
// in — same names, same schema) plus the editing-only behaviour: placeholder, shortcuts, slash menu, find, images.
import type { Extensions } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { richTextExtensions } from '../../../core/pure/rich-text/extensions';
import { HighlightedCodeBlock } from './code-languages';
import { CommandKeymap } from './command-keymap';
import { DecisionRecordEditor } from './decision/decision-record-editor';
import { DisplayImage } from './display-image';
import { FindHighlight } from './find-highlight';
import { ImageFiles, type SaveAsset } from './image-upload';
import { SlashMenu } from './slash-menu';
import { EditableTimelineEntry } from './TimelineEntryView';
import { EditableTimeline } from './timeline-places';

/** `saveAsset`: the App's client's, through which pasted, dropped and picked images are stored. */
export function sectionEditorExtensions(placeholder: string, saveAsset: SaveAsset): Extensions {
  return [
    ...richTextExtensions({
      codeBlock: HighlightedCodeBlock,
      image: DisplayImage,
      timeline: EditableTimeline,
      timelineEntry: EditableTimelineEntry,
      decisionRecord: DecisionRecordEditor,
    }),
    Placeholder.configure({ placeholder }),
    CommandKeymap,
    SlashMenu,
    FindHighlight,
    ImageFiles.configure({ saveAsset }),
  ];
}
