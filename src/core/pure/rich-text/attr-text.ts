// The text a node keeps in its attributes rather than in its content: a decision record's
// fields, a timeline entry's time. Plain text (search, reading time, the empty-section check),
// the editor's word counts and the template-prompt check all read it from here, so a new block
// with text in its attributes is one entry in this table. Kept apart from the block modules
// (block-registry.ts) because the study schema needs it, and the CLI's start-up should not
// load every block's HTML and Markdown code to read a study.
import { decisionAttrs, decisionText } from './blocks/decision-attrs';
import { timelineEntryAttrs } from './blocks/timeline-attrs';
import type { NodeName } from './node-names';

type AttrText = (attrs: unknown) => string[];

const attrTexts = {
  decisionRecord: (attrs) => decisionText(decisionAttrs(attrs)),
  timelineEntry: (attrs) => [timelineEntryAttrs(attrs).time].filter((time) => time !== ''),
} satisfies Partial<Record<NodeName, AttrText>>;

// Node types come from files (hostile strings): a Map, so `constructor` finds nothing.
const byType = new Map<string, AttrText>(Object.entries(attrTexts));

const NONE: readonly string[] = [];

/** The texts held in a node's attributes, in reading order (none for most nodes). */
export function attrText(type: string, attrs: unknown): readonly string[] {
  // Called for every node of every study read: most hold none, and share one empty list.
  return byType.get(type)?.(attrs) ?? NONE;
}
