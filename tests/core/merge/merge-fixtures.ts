// Studies for the merge tests: sections of paragraphs with known ids, written as Casebook writes them.
import { serializeJson } from '../../../src/core/pure/json-text';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import type { Study } from '../../../src/core/pure/schemas/study';
import { studyFileSchema } from '../../../src/core/pure/schemas/study-migrations';
import { sampleStudy } from '../../helpers/study-files';

export const para = (id: string, text: string): RichTextNode => ({
  type: 'paragraph',
  attrs: { id },
  content: [{ type: 'text', text }],
});

export const doc = (...blocks: RichTextNode[]) => ({ type: 'doc' as const, content: blocks });

/** A study whose problem section holds paragraphs a, b, c, d. */
export function baseStudy(overrides: Partial<Study> = {}): Study {
  return sampleStudy(1, {
    id: 'merge-me',
    slug: 'merge-me',
    title: 'Base title',
    tags: ['infra', 'db'],
    problem: doc(para('a', 'Alpha'), para('b', 'Bravo'), para('c', 'Charlie'), para('d', 'Delta')),
    decisions: doc(para('x', 'Chose Postgres')),
    tradeoffs: doc(para('t', 'Cost')),
    lessons: doc(para('l', 'Measure first')),
    ...overrides,
  });
}

/** The file text of a study, as the store writes it. */
export const fileOf = (study: Study): string => serializeJson(studyFileSchema, study);

export const later = (study: Study, minutes: number): string =>
  new Date(Date.parse(study.updatedAt) + minutes * 60_000).toISOString();

/** Texts of a section's top-level blocks, in order. */
export const texts = (section: { content?: RichTextNode[] }): string[] =>
  (section.content ?? []).map((node) => (node.content ?? []).map((c) => c.text ?? '').join(''));

export const parseStudy = (text: string): Study => studyFileSchema.parse(JSON.parse(text));
