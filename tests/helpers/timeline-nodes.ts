// Timeline nodes for the timeline tests: an entry (its time, its kind, its inline content) and a timeline.
import type { RichTextNode } from '../../src/core/pure/schemas/rich-text';

export const entry = (time: string, kind: string, ...content: RichTextNode[]): RichTextNode => ({
  type: 'timelineEntry',
  attrs: { time, kind },
  ...(content.length ? { content } : {}),
});
export const timeline = (...content: RichTextNode[]): RichTextNode => ({ type: 'timeline', content });
