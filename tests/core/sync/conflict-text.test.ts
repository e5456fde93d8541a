import { describe, expect, it } from 'vitest';
import { conflictPlace, conflictValueText } from '../../../src/core/pure/sync/conflict-text';
import { sampleStudy } from '../../helpers/study-files';

const para = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });

describe('a kept conflict in words', () => {
  const study = sampleStudy(1, {
    decisions: {
      type: 'doc',
      content: [para('a', 'First.'), { type: 'heading', attrs: { id: 'b', level: 3 } }, para('c', 'Third.')],
    },
  });

  it('names a field, or a section and the block’s place in it now', () => {
    const field = { where: { kind: 'field' as const, field: 'tags' }, mine: ['a'], theirs: ['b'] };
    expect(conflictPlace(field, study)).toBe('Tags');
    const block = {
      where: { kind: 'block' as const, section: 'decisions' as const, block: 'c' },
      mine: para('c', 'x'),
      theirs: para('c', 'y'),
    };
    expect(conflictPlace(block, study)).toBe('Decisions, paragraph 3');
    // Removed here since: still named by its section and kind.
    expect(conflictPlace({ ...block, where: { ...block.where, block: 'gone' } }, study)).toBe('Decisions, a paragraph');
  });

  it('shows each side as text, and a removed side as removed', () => {
    expect(conflictValueText(para('a', 'Kept words.'))).toBe('Kept words.');
    expect(conflictValueText(['ops', 'queues'])).toBe('ops, queues');
    expect(conflictValueText(null)).toBe('(removed)');
    expect(conflictValueText(true)).toBe('true');
  });
});
