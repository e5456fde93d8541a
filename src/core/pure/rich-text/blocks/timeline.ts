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
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { blockReader, type BlockModule, type MdastReadState, type MdastWriteState } from '../block-module';
import { escapeHtml } from '../html-escape';
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

function timelineHtml(node: RichTextNode, inner: string, headingOffset: number): string {
  const figures = timelineFigures(entriesOf(node).map((entry) => timelineEntryAttrs(entry.attrs)));
  const stats = figureHtml('Time to detect', figures.toDetect) + figureHtml('Time to resolve', figures.toResolve);
  // The level of an editor H2 (h3 under the section's h2), not the h4 that `####` would give:
  // a timeline is often the first thing in a section, and h2 → h4 skips a level (axe
  // heading-order). An h3 is in order wherever the block stands.
  const tag = `h${Math.min(6, 2 + headingOffset)}`;
  return (
    `<figure class="timeline"><figcaption><${tag} class="timeline-title">${TIMELINE_TITLE}</${tag}></figcaption>` +
    (stats ? `<dl class="timeline-figures">${stats}</dl>` : '') +
    `<ol class="timeline-entries">${inner}</ol></figure>`
  );
}

function entryHtml(node: RichTextNode, inner: string): string {
  const { time, kind } = timelineEntryAttrs(node.attrs);
  const parsed = time ? parseTimelineTime(time) : null;
  // <time> only for a time a machine can read; "Day 2" or "shortly after" stays text.
  const when = !time
    ? ''
    : parsed?.datetime
      ? `<time class="timeline-time" datetime="${parsed.datetime}">${escapeHtml(time)}</time>`
      : `<span class="timeline-time">${escapeHtml(time)}</span>`;
  const label = kind ? `<span class="timeline-kind">${timelineKindLabels.get(kind)}</span>` : '';
  return `<li class="timeline-entry${kind ? ` timeline-${kind}` : ''}">${when}${label}<span class="timeline-text">${inner}</span></li>`;
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

function entryToMdast(entry: RichTextNode, state: MdastWriteState): ListItem {
  const { time, kind } = timelineEntryAttrs(entry.attrs);
  const text = state.inline(entry, 'flow');
  // An empty time is an encoded space: `** **` would not be bold, and the item would not read back.
  const children: PhrasingContent[] = [
    { type: 'strong', children: time ? plainText(time) : [{ type: 'verbatim', value: '&#x20;' }] },
  ];
  // The label is written with underscores; the author's own italics use `*`, so an entry that
  // merely starts with italic "Detected:" never reads back as marked.
  if (kind)
    children.push({ type: 'text', value: ' ' }, { type: 'verbatim', value: `_${timelineKindLabels.get(kind)}:_` });
  if (text.length > 0) children.push({ type: 'text', value: ' ' }, ...text);
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] };
}

function timelineToMdast(node: RichTextNode, state: MdastWriteState): RootContent[] {
  return [
    { type: 'heading', depth: 4, children: [{ type: 'text', value: TIMELINE_TITLE }] },
    { type: 'list', ordered: false, spread: false, children: entriesOf(node).map((e) => entryToMdast(e, state)) },
  ];
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

function readEntry(item: ListItem, state: MdastReadState): RichTextNode | null {
  const paragraph = item.children[0];
  if (typeof item.checked === 'boolean' || item.children.length !== 1 || paragraph?.type !== 'paragraph') return null;
  const [strong, ...after] = (paragraph as Paragraph).children;
  if (strong?.type !== 'strong') return null;
  if (strong.children.some((c) => c.type !== 'text'))
    state.warn('Markup in a timeline time was dropped; its text was kept.');
  let rest = withoutLeadingSpace(after);
  let kind: TimelineKind = '';
  const label = rest[0];
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

/** The list after a `#### Timeline` heading as entries, or null if any item is not one. */
function readTimelineList(list: List, state: MdastReadState): RichTextNode | null {
  if (list.ordered || list.children.length === 0) return null;
  const entries: RichTextNode[] = [];
  for (const item of list.children) {
    const entry = readEntry(item, state);
    if (!entry) return null;
    entries.push(entry);
  }
  return { type: 'timeline', content: entries };
}

export const timeline: BlockModule = {
  html: (node, { inner, options }) => timelineHtml(node, inner(), options.headingOffset ?? 0),
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

// Written, read and rendered by its timeline (the site HTML is its own, inside the <ol>).
export const timelineEntry: BlockModule = {
  html: (node, { inner }) => entryHtml(node, inner()),
  normalForm: { attrs: (attrs) => timelineEntryAttrs(attrs), content: withoutTrailingBreaks },
};
