// The text blocks keep in their attributes (a decision record's fields, a timeline entry's time)
// is text like any other for search, reading time and the empty-section check.
import { describe, expect, it } from 'vitest';
import { attrText } from '../../../src/core/pure/rich-text/attr-text';
import { docToPlainText } from '../../../src/core/pure/schemas/rich-text';

describe('text held in attributes', () => {
  it('is a decision record’s fields in reading order, empty ones left out', () => {
    const attrs = {
      title: 'Use Postgres',
      date: '2026-03-02',
      deciders: '',
      meta: [{ key: 'Owner', value: 'Dana' }],
      options: [{ title: 'Postgres', description: 'Boring', points: [{ kind: 'good', text: 'Known' }] }],
      consequences: [{ kind: 'bad', text: 'Migration' }],
    };
    expect(attrText('decisionRecord', attrs)).toEqual([
      'Decision: Use Postgres',
      '2026-03-02',
      'Owner',
      'Dana',
      'Postgres',
      'Boring',
      'Known',
      'Migration',
    ]);
  });

  it('is a timeline entry’s time, or nothing when it has none', () => {
    expect(attrText('timelineEntry', { time: '14:02 UTC', kind: 'detection' })).toEqual(['14:02 UTC']);
    expect(attrText('timelineEntry', { time: '', kind: 'detection' })).toEqual([]);
    expect(attrText('timelineEntry', { time: '   ' })).toEqual([]);
    expect(attrText('timelineEntry', null)).toEqual([]);
  });

  it('is nothing for other blocks, unknown types and names Object.prototype holds', () => {
    expect(attrText('paragraph', { title: 'not text' })).toEqual([]);
    expect(attrText('mention', { time: '14:02' })).toEqual([]);
    expect(attrText('constructor', {})).toEqual([]);
    expect(attrText('toString', {})).toEqual([]);
  });

  it('is part of a section’s plain text, before the block’s own text', () => {
    const section = {
      type: 'doc',
      content: [
        {
          type: 'timeline',
          content: [
            { type: 'timelineEntry', attrs: { time: '09:00' }, content: [{ type: 'text', text: 'Paged' }] },
            { type: 'timelineEntry', attrs: { time: '' }, content: [{ type: 'text', text: 'Fixed' }] },
          ],
        },
      ],
    };
    expect(docToPlainText(section)).toBe('09:00 Paged\nFixed');
  });
});
