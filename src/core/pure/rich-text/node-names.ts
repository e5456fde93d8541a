// The names of every node and mark the rich text can hold, declared once. The block and mark
// tables (block-registry.ts) are typed by these unions, so a name without a module (or a module
// without a name) does not compile; a test checks the editor schema holds exactly these names.
// No imports: anything may use the names without loading TipTap.

export const nodeNames = [
  'doc',
  'text',
  'hardBreak',
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'codeBlock',
  'callout',
  'horizontalRule',
  'image',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'timeline',
  'timelineEntry',
  'decisionRecord',
] as const;
export type NodeName = (typeof nodeNames)[number];

/** In the order marks nest when written to Markdown: an earlier mark wraps a later one. */
export const markNames = ['link', 'bold', 'italic', 'strike', 'underline', 'code'] as const;
export type MarkName = (typeof markNames)[number];
