// The incident timeline: entries of a time and a line of rich text, some marked as the moment
// the incident was detected, mitigated or resolved. Markdown (README "Timeline"):
//
//   #### Timeline
//
//   - **14:02** Alert fired for p99 > 1 s
//   - **14:05** _Detected:_ On-call paged
//
// The site shows a vertical <ol> under its own heading with time to detect and time to resolve
// (timeline-times.ts). Attributes are read through timelineEntryAttrs (timeline-attrs.ts).
import type { List, ListItem, Paragraph, PhrasingContent, RootContent, Strong } from 'mdast';
import {
  blockReader,
  type BlockModule,
  type HtmlState,
  type MdastReadState,
  type MdastWriteState,
} from '../block-module';
import { escapeHtml } from '../html-escape';
import { imagesAsAltText } from './image';
import type { RichTextNode } from '../../schemas/rich-text';
import { isSubheading } from './heading';
import { withoutTrailingBreaks } from './paragraph';
import { timelineEntryAttrs, timelineKindLabels, timelineKinds, type TimelineKind } from './timeline-attrs';
import { durationDatetime, formatDuration, parseTimelineTime, timelineFigures } from './timeline-times';

export const TIMELINE_TITLE = 'Timeline';

const entriesOf = (node: RichTextNode): RichTextNode[] => node.content ?? [];

// ---- Site ----

function figureHtml(label: string, minutes: number | null): string {
  if (minutes === null) return '';
  return `<div><dt>${label}</dt><dd><time datetime="${durationDatetime(minutes)}">${formatDuration(minutes)}</time></dd></div>`;
}

/**
 * The timeline's figure. It renders its children itself, so an entry's <li> is only ever
 * written inside its <ol>; a file shared through git may hold anything, so any other child is
 * put in an <li> of its own, and a timeline with nothing in it is not shown at all.
 */
function timelineHtml(node: RichTextNode, state: HtmlState, headingOffset: number): string {
  const children = entriesOf(node);
  if (children.length === 0) return '';
  const entries = children.filter((child) => child.type === 'timelineEntry');
  const items = children
    .map((child) =>
      child.type === 'timelineEntry'
        ? entryHtml(child, state.childrenOf(child))
        : `<li>${state.childrenOf({ type: 'timeline', content: [child] })}</li>`,
    )
    .join('');
  const figures = timelineFigures(entries.map((entry) => timelineEntryAttrs(entry.attrs)));
  const stats = figureHtml('Time to detect', figures.toDetect) + figureHtml('Time to resolve', figures.toResolve);
  // The level of an editor H2 (h3 under the section's h2), not the h4 that `####` would give:
  // a timeline is often the first thing in a section, and h2 → h4 skips a level (axe
  // heading-order). An h3 is in order wherever the block stands.
  const tag = `h${Math.min(6, 2 + headingOffset)}`;
  return (
    `<figure class="timeline"><figcaption><${tag} class="timeline-title">${TIMELINE_TITLE}</${tag}></figcaption>` +
    (stats ? `<dl class="timeline-figures">${stats}</dl>` : '') +
    `<ol class="timeline-entries">${items}</ol></figure>`
  );
}

/** An entry's time, its kind's label and its text, as inline HTML. */
function entryParts(node: RichTextNode, inner: string): { kind: TimelineKind; html: string } {
  const { time, kind } = timelineEntryAttrs(node.attrs);
  const parsed = time ? parseTimelineTime(time) : null;
  // <time> only for a time a machine can read; "Day 2" or "shortly after" stays text.
  const when = !time
    ? ''
    : parsed?.datetime
      ? `<time class="timeline-time" datetime="${parsed.datetime}">${escapeHtml(time)}</time>`
      : `<span class="timeline-time">${escapeHtml(time)}</span>`;
  const label = kind ? `<span class="timeline-kind">${timelineKindLabels.get(kind)}</span>` : '';
  return { kind, html: `${when}${label}<span class="timeline-text">${inner}</span>` };
}

function entryHtml(node: RichTextNode, inner: string): string {
  const { kind, html } = entryParts(node, inner);
  return `<li class="timeline-entry${kind ? ` timeline-${kind}` : ''}">${html}</li>`;
}

/** An entry found outside a timeline (only a hand-edited file has one): a paragraph of its own. */
function looseEntryHtml(node: RichTextNode, inner: string): string {
  const { kind, html } = entryParts(node, inner);
  return `<p class="timeline-loose-entry${kind ? ` timeline-${kind}` : ''}">${html}</p>`;
}

// ---- Markdown export ----

/** Text as mdast, every underscore a `\_` (as doc-to-mdast does for text, for the same reason). */
function plainText(value: string): PhrasingContent[] {
  return value
    .split('_')
    .flatMap((part, i): PhrasingContent[] => [
      ...(i > 0 ? [{ type: 'verbatim' as const, value: '\\_' }] : []),
      ...(part ? [{ type: 'text' as const, value: part }] : []),
    ]);
}

/** `**time** _Label:_ text`: the line of an entry (in a timeline's list, always led by its time). */
function entryLine(entry: RichTextNode, state: MdastWriteState, inList: boolean): PhrasingContent[] {
  const { time, kind } = timelineEntryAttrs(entry.attrs);
  const text = state.inline(entry, 'flow');
  // An empty time is an encoded space: `** **` would not be bold, and the item would not read back.
  const children: PhrasingContent[] =
    time || inList
      ? [{ type: 'strong', children: time ? plainText(time) : [{ type: 'verbatim', value: '&#x20;' }] }]
      : [];
  // The label is written with underscores; the author's own italics use `*`, so an entry that
  // merely starts with italic "Detected:" never reads back as marked.
  if (kind) {
    if (children.length > 0) children.push({ type: 'text', value: ' ' });
    children.push({ type: 'verbatim', value: `_${timelineKindLabels.get(kind)}:_` });
  }
  if (text.length > 0) {
    if (children.length > 0) children.push({ type: 'text', value: ' ' });
    children.push(...text);
  }
  return children;
}

const entryToMdast = (entry: RichTextNode, state: MdastWriteState): ListItem => ({
  type: 'listItem',
  // Stryker disable next-line BooleanLiteral: an item holds one paragraph and lists are written with listItemIndent "one", so its spread changes nothing written
  spread: false,
  children: [{ type: 'paragraph', children: entryLine(entry, state, true) }],
});

function timelineToMdast(node: RichTextNode, state: MdastWriteState): RootContent[] {
  // Only a hand-edited file has a timeline with no entries: a bare `#### Timeline` would read
  // back as a heading, so nothing is written (nothing is lost).
  if (entriesOf(node).length === 0) return [];
  return [
    { type: 'heading', depth: 4, children: [{ type: 'text', value: TIMELINE_TITLE }] },
    { type: 'list', ordered: false, spread: false, children: entriesOf(node).map((e) => entryToMdast(e, state)) },
  ];
}

/** An entry outside a timeline (a hand-edited file): its line as a paragraph, time and label kept. */
function looseEntryToMdast(entry: RichTextNode, state: MdastWriteState): RootContent[] {
  state.warn('A timeline entry outside a timeline was written as a paragraph.');
  const line = entryLine(entry, state, false);
  return line.length > 0 ? [{ type: 'paragraph', children: line }] : [];
}

// ---- Markdown import ----

const kindByLabel = new Map<string, TimelineKind>(
  timelineKinds.filter((k) => k !== '').map((k) => [`${timelineKindLabels.get(k)!.toLowerCase()}:`, k]),
);

/** Drops one space the writer put between the time (or label) and what follows. */
function withoutLeadingSpace(nodes: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = nodes;
  if (first?.type !== 'text' || !first.value.startsWith(' ')) return nodes;
  const value = first.value.slice(1);
  return value ? [{ ...first, value }, ...rest] : rest;
}

/** The item's paragraph if the item has the shape of an entry (a line led by a bold time). */
function entryParagraph(item: ListItem): Paragraph | null {
  const paragraph = item.children[0];
  // Stryker disable next-line OptionalChaining: the length check before it leaves the item exactly one child
  if (typeof item.checked === 'boolean' || item.children.length !== 1 || paragraph?.type !== 'paragraph') return null;
  // Stryker disable next-line OptionalChaining: the parser never gives a list item an empty paragraph
  return paragraph.children[0]?.type === 'strong' ? paragraph : null;
}

function readEntry(paragraph: Paragraph, state: MdastReadState): RichTextNode {
  // An entry holds a line of text; the editor's images are blocks (an image would make the
  // whole section unloadable), so each one is left out with a warning, its alt text kept.
  const [first, ...after] = imagesAsAltText(paragraph.children, 'a timeline entry', state);
  const strong = first as Strong; // entryParagraph checked that the time leads the line
  if (strong.children.some((c) => c.type !== 'text'))
    state.warn('Markup in a timeline time was dropped; its text was kept.');
  let rest = withoutLeadingSpace(after);
  // Stryker disable next-line StringLiteral: the kind goes through timelineEntryAttrs, which reads an unknown kind as ""
  let kind: TimelineKind = '';
  const label = rest[0];
  // Stryker disable next-line MethodExpression: an emphasis opens and closes with the same character
  if (label?.type === 'emphasis' && state.sourceOf(label)?.startsWith('_')) {
    const marked = kindByLabel.get(state.plain(label).trim().toLowerCase());
    if (marked) {
      kind = marked;
      rest = withoutLeadingSpace(rest.slice(1));
    }
  }
  const attrs = timelineEntryAttrs({ time: state.plain(strong), kind });
  const content = withoutTrailingBreaks(state.phrasing(rest, []));
  return { type: 'timelineEntry', attrs, ...(content.length ? { content } : {}) };
}

/**
 * The list after a `#### Timeline` heading as entries, or null if any item is not one. Every
 * item is checked before any is read, so a list that stays a list is read (and warned about)
 * once, by the list reader.
 */
function readTimelineList(list: List, state: MdastReadState): RichTextNode | null {
  if (list.ordered || list.children.length === 0) return null;
  const paragraphs: Paragraph[] = [];
  for (const item of list.children) {
    const paragraph = entryParagraph(item);
    if (!paragraph) return null;
    paragraphs.push(paragraph);
  }
  return { type: 'timeline', content: paragraphs.map((paragraph) => readEntry(paragraph, state)) };
}

export const timeline: BlockModule = {
  html: (node, state) => timelineHtml(node, state, state.options.headingOffset ?? 0),
  toMdast: timelineToMdast,
  // Asked before the catch-all heading reader: a `#### Timeline` followed by anything but a
  // list of bold-timed items stays a heading.
  fromMdast: [
    blockReader('heading', (node, state, { nodes, index }) => {
      if (!isSubheading(node, state, TIMELINE_TITLE)) return null; // as written: `&#x54;imeline` is a heading
      const next = nodes[index + 1];
      const read = next?.type === 'list' ? readTimelineList(next, state) : null;
      return read ? { blocks: [read], took: 1 } : null;
    }),
  ],
  probe: [
    {
      type: 'timeline',
      content: [
        { type: 'timelineEntry', attrs: { time: '23:58', kind: '' }, content: [{ type: 'text', text: 'alert <&>' }] },
        {
          type: 'timelineEntry',
          attrs: { time: '00:03', kind: 'detection' },
          content: [{ type: 'text', text: 'paged', marks: [{ type: 'bold' }] }],
        },
        {
          type: 'timelineEntry',
          attrs: { time: 'Day 2', kind: 'resolution' },
          content: [{ type: 'text', text: 'fixed' }],
        },
      ],
    },
  ],
};

// Written, read and rendered by its timeline; the forms here are for an entry found elsewhere.
export const timelineEntry: BlockModule = {
  html: (node, { inner }) => looseEntryHtml(node, inner()),
  toMdast: looseEntryToMdast,
  normalForm: { attrs: (attrs) => timelineEntryAttrs(attrs), content: withoutTrailingBreaks },
};
