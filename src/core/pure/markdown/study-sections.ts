// Splits a study file's body into the four sections by its H2 headings.
// Headings match case-insensitively, with common variants. Text before the first H2 belongs
// to Problem. An H2 that names no section stays where it is, as a heading inside the current
// section, so nothing in the file is lost.
import type { PhrasingContent, RootContent } from 'mdast';
import { sectionKeys, type SectionKey } from '../schemas/study';

const VARIANTS: Record<SectionKey, string[]> = {
  problem: ['problem', 'the problem', 'problems', 'context', 'background'],
  decisions: ['decision', 'decisions', 'the decision', 'the decisions', 'what we did', 'approach', 'solution'],
  tradeoffs: ['tradeoffs', 'tradeoff', 'trade-offs', 'trade-off', 'trade offs', 'trade off', 'the tradeoffs', 'costs'],
  lessons: ['lessons', 'lessons learned', 'lessons learnt', 'takeaways', 'key takeaways', 'what we learned'],
};
const BY_NAME = new Map<string, SectionKey>(
  sectionKeys.flatMap((key) => VARIANTS[key].map((name) => [name, key] as [string, SectionKey])),
);

export function sectionForHeading(text: string): SectionKey | null {
  const name = text
    .toLowerCase()
    .replace(/[:.!?]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return BY_NAME.get(name) ?? null;
}

export function headingText(children: PhrasingContent[]): string {
  return children
    .map((c): string => {
      if ('value' in c && typeof c.value === 'string') return c.value;
      if ('children' in c) return headingText(c.children as PhrasingContent[]);
      return '';
    })
    .join('');
}

export function splitSections(nodes: RootContent[]): Record<SectionKey, RootContent[]> {
  const sections: Record<SectionKey, RootContent[]> = { problem: [], decisions: [], tradeoffs: [], lessons: [] };
  let current: SectionKey = 'problem';
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 2) {
      const key = sectionForHeading(headingText(node.children));
      if (key) {
        current = key;
        continue;
      }
    }
    sections[current].push(node);
  }
  return sections;
}
