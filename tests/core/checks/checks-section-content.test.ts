// A section counts as written when it has text, a picture or a rule: only a truly empty one
// stops publishing, so an author who illustrates a section is not told it is empty.
import { describe, expect, it } from 'vitest';
import { checkStudy } from '../../../src/core/pure/checks/publish-checks';
import { StudyNames } from '../../../src/core/pure/checks/study-names';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { sampleStudy } from '../../helpers/study-files';

const written: RichTextDoc = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Done.' }] }],
};

function emptySections(lessons: RichTextDoc): string[] {
  const study = sampleStudy(1, {
    status: 'published',
    date: '2026-04-02',
    categories: [],
    problem: written,
    decisions: written,
    tradeoffs: written,
    lessons,
  });
  return checkStudy(study, { site: defaultSiteSettings(), names: StudyNames.of([study]) })
    .filter((f) => f.rule === 'section-empty')
    .map((f) => `${f.severity} ${f.field}`);
}

describe('an empty section', () => {
  it('is an error when it holds nothing, or only blank paragraphs', () => {
    expect(emptySections({ type: 'doc', content: [] })).toEqual(['error lessons']);
    expect(
      emptySections({
        type: 'doc',
        content: [{ type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: '  ' }] }],
      }),
    ).toEqual(['error lessons']);
  });

  it('is not one when it holds only a horizontal rule or a picture, even nested in a quote', () => {
    expect(emptySections({ type: 'doc', content: [{ type: 'horizontalRule' }] })).toEqual([]);
    expect(
      emptySections({ type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'horizontalRule' }] }] }),
    ).toEqual([]);
    expect(
      emptySections({
        type: 'doc',
        content: [{ type: 'image', attrs: { src: 'assets/0a1b2c3d4e5f.png', alt: 'Bill' } }],
      }),
    ).toEqual([]);
  });
});
