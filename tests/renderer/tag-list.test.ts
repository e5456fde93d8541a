// The tags line of the study form gives a list the schema accepts, however much is typed.
import { describe, expect, it } from 'vitest';
import { studyPatchSchema } from '../../src/core/pure/schemas/study';
import { limits } from '../../src/core/pure/schemas/study-fields';
import { formatTagList, parseTagList } from '../../src/renderer/src/study/tag-list';

describe('tag list', () => {
  it('trims, drops blanks and repeats (any case), and formats back', () => {
    expect(parseTagList(' aws, , Cost,cost ,AWS, k8s ')).toEqual(['aws', 'Cost', 'k8s']);
    expect(formatTagList(['aws', 'cost'])).toBe('aws, cost');
  });

  it('keeps within the limits of the table, so the save is never refused', () => {
    const tags = parseTagList([...Array(limits.tags + 5).keys()].map((n) => `t${n}${'x'.repeat(100)}`).join(','));
    expect(tags).toHaveLength(limits.tags);
    expect(tags.every((t) => t.length === limits.name)).toBe(true);
    expect(studyPatchSchema.safeParse({ tags }).success).toBe(true);
  });
});
