// The four rich-text sections of a study, in file order. Their own module so the conflict list
// (merge/conflict-schema.ts, a field of study-fields.ts) can name them without a cycle.
export const sectionKeys = ['problem', 'decisions', 'tradeoffs', 'lessons'] as const;
export type SectionKey = (typeof sectionKeys)[number];
export const sectionLabels: Record<SectionKey, string> = {
  problem: 'Problem',
  decisions: 'Decisions',
  tradeoffs: 'Tradeoffs',
  lessons: 'Lessons',
};
