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

  it('names the place with one side removed, past blocks that carry no attributes', () => {
    const withRule = sampleStudy(1, {
      decisions: { type: 'doc', content: [{ type: 'horizontalRule' }, para('c', 'Third.')] },
    });
    const where = { kind: 'block' as const, section: 'decisions' as const, block: 'c' };
    expect(conflictPlace({ where, mine: null, theirs: para('c', 'y') }, withRule)).toBe('Decisions, paragraph 2');
    expect(conflictPlace({ where, mine: para('c', 'x'), theirs: null }, withRule)).toBe('Decisions, paragraph 2');
  });

  it('shows each side as text, and a removed side as removed', () => {
    expect(conflictValueText(para('a', 'Kept words.'))).toBe('Kept words.');
    expect(conflictValueText(['ops', 'queues'])).toBe('ops, queues');
    expect(conflictValueText(null)).toBe('(removed)');
    expect(conflictValueText(true)).toBe('true');
  });

  it('shows every kind of value an author may have set as they would read it', () => {
    expect(conflictValueText(undefined)).toBe('(removed)');
    expect(conflictValueText('')).toBe('(removed)');
    expect(conflictValueText('Shipped')).toBe('Shipped');
    expect(conflictValueText(0)).toBe('0');
    expect(conflictValueText(12.5)).toBe('12.5');
    expect(conflictValueText(false)).toBe('false');
    expect(conflictValueText([])).toBe('');
    expect(conflictValueText([{ label: 'p95', value: '120 ms' }])).toBe('[{"label":"p95","value":"120 ms"}]');
    expect(conflictValueText(['ops', 3])).toBe('["ops",3]');
    // A site author: their words, not the JSON; empty ones left out.
    expect(conflictValueText({ name: 'Dana Kim', role: 'SRE', url: '', age: 3 })).toBe('Dana Kim · SRE');
    expect(conflictValueText({ path: 'cover.png' })).toBe('{"path":"cover.png"}');
    // A block with no words: its kind.
    expect(conflictValueText({ type: 'image', attrs: { id: 'i' } })).toBe('(image without text)');
    expect(conflictValueText({ type: 'horizontalRule' })).toBe('(block without text)');
  });

  it('shows a value shaped like a block but not one (a hostile file) as its JSON, never failing', () => {
    const notBlocks = [
      { type: 'paragraph', content: 'abc' },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'a' },
          { type: 'mention', content: 'zz' },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 7 }] },
    ];
    for (const value of notBlocks) expect(conflictValueText(value)).toBe(JSON.stringify(value));
  });

  it('names a block of a kind it does not know as a block, and the first block as number 1', () => {
    const study = sampleStudy(1, { decisions: { type: 'doc', content: [para('a', 'First.'), para('b', 'Second.')] } });
    const block = (mine: unknown, theirs: unknown) => ({
      where: { kind: 'block' as const, section: 'decisions' as const, block: 'a' },
      mine,
      theirs,
    });
    expect(conflictPlace(block(null, { type: 'horizontalRule' }), study)).toBe('Decisions, block 1');
    expect(conflictPlace(block(null, para('a', 'x')), study)).toBe('Decisions, paragraph 1');
    expect(conflictPlace(block('not a block', 7), study)).toBe('Decisions, block 1');
  });

  it('names a setting by its label, an item of it, and a template section by its name', () => {
    const at = (field: string, item?: string) => ({ where: { kind: 'field' as const, field, item } });
    expect(settingConflictPlace(at('accent'), 'site')).toBe('Accent colour');
    expect(settingConflictPlace(at('accent'), 'template')).toBe('accent');
    expect(settingConflictPlace(at('summaryPrompt'), 'template')).toBe('Summary hint');
    expect(settingConflictPlace(at('summaryPrompt'), 'site')).toBe('summaryPrompt');
    expect(settingConflictPlace(at('sections', 'problem'), 'template')).toBe('Section: Problem');
    expect(settingConflictPlace(at('sections', 'custom'), 'template')).toBe('Section: custom');
    expect(settingConflictPlace(at('sections'), 'template')).toBe('Sections');
    expect(settingConflictPlace(at('sections', 'problem'), 'site')).toBe('sections: problem');
    expect(settingConflictPlace(at('metrics', 'p95'), 'template')).toBe('Key results: p95');
    const block = { where: { kind: 'block' as const, section: 'problem' as const, block: 'a' } };
    expect(settingConflictPlace(block, 'site')).toBe('A block');
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
