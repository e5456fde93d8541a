// The decision record's Markdown, both ways (the form README documents):
//
//   ### Decision: <title>
//   - Status: accepted            metadata list: Status always, the rest when set, then the
//   - Date: 2026-03-02            other lines as written (unknown keys are kept in order)
//   <context blocks>
//   #### Considered options
//   1. **<title>** (chosen)       `(chosen)` marks the chosen option
//      <description>              one line, optional
//      - Good: <point>
//   #### Consequences
//   - Bad: <point>
//
// Reading: a `###` heading "Decision: …" starts a record, which takes the blocks after it up
// to the next heading of level 3 or less (or the section's end) while they fit this shape; a
// block that does not fit after the options or consequences ends the record early and is read
// as an ordinary block, so nothing is lost. Plain strings are written as mdast text (escaped by
// the serializer) and read back as plain text; markup in them is dropped with a warning.
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { MdastReadState, MdastRead, MdastSiblings, MdastWriteState } from '../block-module';
import type { RichTextNode } from '../../schemas/rich-text';
import {
  decisionAttrs,
  decisionStatus,
  decisionTextTooLong,
  knownMetaKeys,
  LIMITS,
  type DecisionMeta,
  type DecisionOption,
  type DecisionPoint,
  type DecisionRecordAttrs,
} from './decision-attrs';
import { isSubheading, startsDecision } from './heading';
import { imagesAsAltText } from './image';

const HEADING = /^decision:[ \t]*/i;
const OPTIONS = 'Considered options';
const CONSEQUENCES = 'Consequences';
const CHOSEN = '(chosen)';

// ---- Writing ----

// Underscores are written as `\_` (as doc-to-mdast does for rich text), so that a character
// reference the serializer may put beside one never turns it into an emphasis delimiter.
function text(value: string): PhrasingContent[] {
  return value
    .split('_')
    .flatMap((part, i): PhrasingContent[] => [
      ...(i > 0 ? [{ type: 'verbatim' as const, value: '\\_' }] : []),
      ...(part ? [{ type: 'text' as const, value: part }] : []),
    ]);
}

const item = (children: ListItem['children']): ListItem => ({ type: 'listItem', spread: false, children });
const lineItem = (value: string): ListItem => item([{ type: 'paragraph', children: text(value) }]);
const pointLabel = (p: DecisionPoint): string => (p.kind === 'bad' ? 'Bad' : 'Good');
const bullets = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });
const pointList = (points: DecisionPoint[]): List =>
  bullets(points.map((p) => lineItem(`${pointLabel(p)}: ${p.text}`)));
const subheading = (value: string): Heading => ({ type: 'heading', depth: 4, children: [{ type: 'text', value }] });

/** An option's title as written: an empty one is named by its number (Markdown needs text in `**…**`). */
export const optionTitle = (option: DecisionOption, index: number): string =>
  option.title.trim() || `Option ${index + 1}`;

function optionItem(option: DecisionOption, index: number, chosen: boolean): ListItem {
  const head: PhrasingContent[] = [{ type: 'strong', children: text(optionTitle(option, index)) }];
  if (chosen) head.push({ type: 'text', value: ` ${CHOSEN}` });
  const description = option.description.trim();
  if (description) head.push({ type: 'text', value: '\n' }, ...text(description));
  const paragraph: Paragraph = { type: 'paragraph', children: head };
  return item(option.points.length > 0 ? [paragraph, pointList(option.points)] : [paragraph]);
}

export function decisionToMdast(node: RichTextNode, state: MdastWriteState): RootContent[] {
  const a = decisionAttrs(node.attrs);
  const title = a.title.trim();
  const meta = [`Status: ${a.status}`];
  if (a.date.trim()) meta.push(`Date: ${a.date.trim()}`);
  if (a.deciders.trim()) meta.push(`Deciders: ${a.deciders.trim()}`);
  if (a.supersededBy.trim()) meta.push(`Superseded by: ${a.supersededBy.trim()}`);
  for (const m of a.meta) meta.push(`${m.key.trim()}: ${m.value.trim()}`);
  const out: RootContent[] = [
    { type: 'heading', depth: 3, children: text(title ? `Decision: ${title}` : 'Decision:') },
    bullets(meta.map(lineItem)),
    ...state.blocks(node.content ?? []),
  ];
  if (a.options.length > 0) {
    out.push(subheading(OPTIONS), {
      type: 'list',
      ordered: true,
      start: 1,
      spread: false,
      children: a.options.map((o, i) => optionItem(o, i, a.chosen === i)),
    });
  }
  if (a.consequences.length > 0) out.push(subheading(CONSEQUENCES), pointList(a.consequences));
  return out;
}

// ---- Reading ----

/** A node's text, an image's alt text included (a field holds text, not images). */
function textOf(node: Nodes, state: MdastReadState): string {
  if (node.type === 'image') return node.alt ?? '';
  // A hard line break ends a line like a soft one (state.plain gives it no text).
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map((n) => textOf(n, state)).join('');
  return state.plain(node);
}

/**
 * The plain text of phrasing: an image becomes its alt text (imagesAsAltText, which warns,
 * naming it), and other markup (emphasis, links) is dropped with a warning.
 */
function plainOf(nodes: PhrasingContent[], state: MdastReadState, where: string): string {
  const has = (n: Nodes, test: (n: Nodes) => boolean): boolean =>
    // Stryker disable next-line StringLiteral,MethodExpression,ArrowFunction: only text and breaks reach the children test, and they have none
    test(n) || ('children' in n && (n.children as Nodes[]).some((c) => has(c, test)));
  const text = imagesAsAltText(nodes, `a decision record's ${where}`, state);
  if (text.some((n) => has(n, (c) => !(c.type === 'text' || c.type === 'break'))))
    state.warn(`Formatting in a decision record's ${where} was dropped; its text was kept.`);
  return text
    .map((n) => (n.type === 'break' ? '\n' : state.plain(n)))
    .join('')
    .replace(/[ \t]*\r?\n[ \t]*/g, ' ')
    .trim();
}

/** An item holding one paragraph of `Key: value`, as [key, value]; null otherwise. */
function keyValue(li: ListItem, state: MdastReadState): [string, string] | null {
  const [first, ...rest] = li.children;
  if (first?.type !== 'paragraph' || rest.length > 0) return null;
  const line = plainOf(first.children, state, 'metadata');
  const match = /^([^:]{1,60}):[ \t]*(.*)$/.exec(line);
  return match ? [match[1]!.trim(), match[2]!.trim()] : null;
}

function readMeta(list: List, a: DecisionRecordAttrs, state: MdastReadState): boolean {
  const pairs = list.children.map((li) => keyValue(li, state));
  if (list.ordered || pairs.some((p) => p === null)) return false;
  const seen = new Set<string>();
  const meta: DecisionMeta[] = [];
  for (const [key, value] of pairs as [string, string][]) {
    const known = knownMetaKeys.get(key.toLowerCase());
    if (!known) meta.push({ key, value });
    else if (seen.has(known)) state.warn(`A decision record names its ${key} twice; the first was kept.`);
    else if (known === 'status') {
      // MADR writes "superseded by ADR-0005" as the status itself.
      const by = /^superseded by[ \t]+(.+)$/i.exec(value);
      a.status = by ? 'superseded' : decisionStatus(value);
      if (by && !a.supersededBy) a.supersededBy = by[1]!;
      if (!by && a.status !== value.toLowerCase())
        state.warn(`The decision status "${value}" is unknown; it reads as proposed.`);
    } else a[known] = value;
    if (known) seen.add(known);
  }
  a.meta = meta.slice(0, LIMITS.meta);
  if (meta.length > LIMITS.meta)
    state.warn(`Only the first ${LIMITS.meta} other lines of a decision record's details were kept.`);
  return true;
}

function readPoints(list: List, state: MdastReadState): DecisionPoint[] {
  return list.children.map((li) => {
    const [first] = li.children;
    const line = first?.type === 'paragraph' ? plainOf(first.children, state, 'points') : textOf(li, state).trim();
    const match = /^(good|bad)[ \t]*:[ \t]*(.*)$/i.exec(line);
    if (!match)
      state.warn(`A decision point without "Good:" or "Bad:" was read as a good point: "${line.slice(0, 40)}".`);
    return { kind: match?.[1]!.toLowerCase() === 'bad' ? 'bad' : 'good', text: match ? match[2]! : line };
  });
}

function readOption(li: ListItem, state: MdastReadState): { option: DecisionOption; chosen: boolean } {
  const [first, ...rest] = li.children;
  const head = first?.type === 'paragraph' ? first.children : [];
  const strong = head[0]?.type === 'strong' ? head[0] : null;
  // After the title: ` (chosen)` on its line, then the description.
  const rest0 = strong ? head.slice(1) : head;
  const lead = rest0[0]?.type === 'text' ? rest0[0].value : '';
  const mark = /^[ \t]*\(chosen\)[ \t]*(\r?\n|$)/i.exec(lead);
  let chosen = !!strong && !!mark;
  const tail = mark
    ? [
        ...(lead.length > mark[0].length ? [{ type: 'text' as const, value: lead.slice(mark[0].length) }] : []),
        ...rest0.slice(1),
      ]
    : rest0;
  let description = plainOf(tail, state, 'option description');
  let title = strong ? plainOf(strong.children, state, 'option title') : '';
  if (!strong) {
    // A hand-written item without a bold title: its first line is the title.
    const raw = tail.map((n) => textOf(n, state)).join('');
    const cut = raw.indexOf('\n');
    title = (cut < 0 ? raw : raw.slice(0, cut)).trim();
    // `1. Stay on Kubernetes (chosen)`: the mark ends the first line.
    const marked = /[ \t]*\(chosen\)$/i.exec(title);
    if (marked) {
      title = title.slice(0, marked.index);
      chosen = true;
    }
    description =
      cut < 0
        ? ''
        : raw
            .slice(cut + 1)
            .replace(/[ \t]*\r?\n[ \t]*/g, ' ')
            .trim();
  }
  const points: DecisionPoint[] = [];
  for (const block of first?.type === 'paragraph' ? rest : li.children) {
    if (block.type === 'list' && !block.ordered) points.push(...readPoints(block, state));
    else state.warn('A block inside a considered option that is not a list of points was dropped.');
  }
  return { option: { title, description, points }, chosen };
}

// By the text as written: an escaped `#### Consequence&#x73;` is the author's own heading.
const isPart = (node: RootContent | undefined, state: MdastReadState, name: string): boolean =>
  node?.type === 'heading' && isSubheading(node, state, name);

/** Reads a record starting at `### Decision: …`; null when the heading is not one. */
export function readDecision(node: Heading, state: MdastReadState, siblings: MdastSiblings): MdastRead | null {
  if (!startsDecision(node, state)) return null;
  const heading = plainOf(node.children, state, 'title');
  const a = decisionAttrs({});
  a.title = heading.replace(HEADING, '');
  const nodes = siblings.nodes;
  let i = siblings.index + 1;
  const next = nodes[i];
  if (next?.type === 'list' && readMeta(next, a, state)) i++;
  const context: RootContent[] = [];
  while (i < nodes.length && nodes[i]!.type !== 'heading') context.push(nodes[i++]!);
  let chosen: number | null = null;
  // A part's heading is taken only with its list; without it the record ends there, and the
  // heading (and what follows) is read as the author's own blocks.
  const options = nodes[i + 1];
  if (isPart(nodes[i], state, OPTIONS) && options?.type === 'list' && options.ordered) {
    options.children.forEach((li, index) => {
      const read = readOption(li, state);
      a.options.push(read.option);
      if (!read.chosen) return;
      if (chosen === null) chosen = index;
      else state.warn(`A decision marks more than one option "(chosen)"; option ${chosen + 1} was kept.`);
    });
    i += 2;
  }
  const consequences = nodes[i + 1];
  if (isPart(nodes[i], state, CONSEQUENCES) && consequences?.type === 'list' && !consequences.ordered) {
    a.consequences = readPoints(consequences, state);
    i += 2;
  }
  const attrs = decisionAttrs({ ...a, chosen });
  if (decisionTextTooLong(a)) state.warn("Text longer than a decision record's field holds was cut.");
  if (a.options.length > attrs.options.length)
    state.warn(`Only the first ${LIMITS.options} options of a decision were kept.`);
  const points = (list: { points: unknown[] }[]) => list.reduce((n, o) => n + o.points.length, 0);
  if (points(a.options) > points(attrs.options) || a.consequences.length > attrs.consequences.length)
    state.warn(`Only the first ${LIMITS.points} points of each list in a decision were kept.`);
  const read = state.blocks(context);
  const content = read.filter((b) => contextTypes.has(b.type));
  if (content.length < read.length) state.warn("A block that a decision record's context cannot hold was dropped.");
  return {
    blocks: [{ type: 'decisionRecord', attrs, content: content.length > 0 ? content : [{ type: 'paragraph' }] }],
    took: i - siblings.index - 1,
  };
}

/** The blocks a record's context may hold (no headings: they would end the record). */
export const contextTypes = new Set([
  'paragraph',
  'bulletList',
  'orderedList',
  'taskList',
  'blockquote',
  'callout',
  'codeBlock',
  'table',
  'image',
  'horizontalRule',
]);
