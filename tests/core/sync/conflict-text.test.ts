import { describe, expect, it } from 'vitest';
import { conflictPlace, conflictValueText, settingConflictPlace } from '../../../src/core/pure/sync/conflict-text';
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

  it('prints a hostile field or item name without its control characters (no terminal escapes, no fake lines)', () => {
    const item = 'Dana\u001b[2K\r\nChecked 12 studies: 0 errors.\u001b[8m\u202e';
    const site = settingConflictPlace({ where: { kind: 'field', field: 'authors', item } }, 'site');
    expect(site).toBe('Authors: Dana [2K Checked 12 studies: 0 errors. [8m ');
    const template = settingConflictPlace({ where: { kind: 'field', field: 'x\u0007\ny' } }, 'template');
    expect(template).toBe('x y');
    const field = { where: { kind: 'field' as const, field: 'odd\u009b31m\u2028' }, mine: 1, theirs: 2 };
    expect(conflictPlace(field, study)).toBe('odd 31m ');
  });
});
