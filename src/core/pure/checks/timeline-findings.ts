// Publish checks of the Timeline block: an entry without a time cannot be placed on the line
// (and gives no time to detect or resolve). A warning, with the entry's path for jump-to.
import { timelineEntryAttrs } from '../rich-text/blocks/timeline-attrs';
import type { RichTextNode } from '../schemas/rich-text';

export interface NodeProblem {
  rule: string;
  severity: 'warning';
  message: string;
}

/** The problems of one node if it is a timeline entry (none for any other node). */
export function timelineEntryProblems(node: RichTextNode, sectionLabel: string): NodeProblem[] {
  if (node.type !== 'timelineEntry' || timelineEntryAttrs(node.attrs).time !== '') return [];
  return [
    {
      rule: 'timeline-time',
      severity: 'warning',
      message: `A timeline entry in ${sectionLabel} has no time: say when it happened (14:02, 2026-03-02 14:02 or Day 2).`,
    },
  ];
}
