// A new study from a template, without a workspace: the fields it starts with, and a template
// file's Markdown sections read into documents (or refused with the section named).
import { describe, expect, it } from 'vitest';
import { docToPlainText, type RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { builtInTemplates } from '../../../src/core/pure/templates/builtin-templates';
import {
  markdownToSectionDoc,
  parseTemplateSection,
  studyDraftFromTemplate,
  templateFromFile,
  TemplateSectionError,
} from '../../../src/core/pure/templates/template-draft';
import { templateFileSchema, type TemplateFile } from '../../../src/core/pure/templates/template-schema';

const template = (id: string, file: TemplateFile = builtInTemplates[id]!) =>
  templateFromFile(id, templateFileSchema.parse(file), true);

/** Markdown nested `levels` block quotes deep. */
const nested = (levels: number): string => `${'> '.repeat(levels)}deep`;

describe('a study drafted from a template', () => {
  it('starts with the template’s title given, outcome, tags, prompts and key results to measure', () => {
    const postmortem = template('failure-analysis');
    expect(postmortem).toMatchObject({ id: 'failure-analysis', name: 'Failure analysis (postmortem)', builtIn: true });
    const draft = studyDraftFromTemplate(postmortem, 'Checkout outage');
    expect(draft.title).toBe('Checkout outage');
    expect(draft.summary).toBe('');
    expect(draft.outcome).toBe('failed');
    expect(draft.tags).toEqual(['incident']);
    expect(draft.categories).toEqual(['Failure Analysis']);
    expect(draft.metrics).toEqual([
      { label: 'Time to detect', unit: 'min', better: 'lower', before: 0, after: 0 },
      { label: 'Time to mitigate', unit: 'min', better: 'lower', before: 0, after: 0 },
      { label: 'Incidents of this kind', unit: 'per quarter', better: 'lower', before: 0, after: 0 },
    ]);
    expect(docToPlainText(draft.problem)).toContain('Who was affected and how');
    for (const key of ['decisions', 'tradeoffs', 'lessons'] as const)
      expect(docToPlainText(draft[key]).length).toBeGreaterThan(40);
    expect(studyDraftFromTemplate(template('blank')).title).toBe('');
  });

  it('keeps only the suggested categories the site has, in the site’s spelling, once each', () => {
    const file: TemplateFile = { name: 'Mixed', categories: ['Failure Analysis', 'failure analysis', 'Other team'] };
    const mixed = template('mixed', file);
    expect(studyDraftFromTemplate(mixed, '', ['FAILURE ANALYSIS', 'Design']).categories).toEqual(['FAILURE ANALYSIS']);
    expect(studyDraftFromTemplate(mixed, '', []).categories).toEqual([]);
    // Without the site's list the suggestions are kept as written.
    expect(studyDraftFromTemplate(mixed).categories).toEqual(['Failure Analysis', 'failure analysis', 'Other team']);
  });

  it('gives each study its own copy: editing one changes neither the template nor the next study', () => {
    const decision = template('architecture-decision');
    const first = studyDraftFromTemplate(decision);
    first.decisions.content!.length = 0;
    first.tags.push('mine');
    first.metrics.push({ label: 'x', unit: 'ms', better: 'lower', before: 1, after: 2 });
    const second = studyDraftFromTemplate(decision);
    expect(second.decisions.content!.length).toBeGreaterThan(0);
    expect(second.tags).not.toContain('mine');
    expect(decision.tags).not.toContain('mine');
    expect(second.metrics).toHaveLength(decision.metrics.length);
  });
});

describe('a template file’s sections', () => {
  it('reads Markdown sections and keeps sections given as documents as they are', () => {
    const given: RichTextDoc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'As is' }] }],
    };
    const read = template('custom', {
      name: 'Custom',
      sections: { problem: '## Context\nWhy [now][why]?\n\n[why]: https://example.com/why', decisions: given },
    });
    expect(read.problem.content?.map((n) => n.type)).toEqual(['heading', 'paragraph']);
    const link = read.problem.content?.[1]?.content?.find((n) => n.marks?.some((m) => m.type === 'link'));
    expect(link?.marks?.[0]?.attrs?.href).toBe('https://example.com/why');
    expect(read.decisions).toEqual(given);
    expect(read.tradeoffs).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(markdownToSectionDoc('  \n ')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(markdownToSectionDoc('[only]: https://example.com')).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
  });

  it('refuses a section nested deeper than a study may hold, naming the section and the line', () => {
    expect(() => template('deep', { name: 'Deep', sections: { lessons: `fine\n\n${nested(200)}` } })).toThrow(
      TemplateSectionError,
    );
    expect(() => template('deep', { name: 'Deep', sections: { lessons: `fine\n\n${nested(200)}` } })).toThrow(
      /^lessons: line 3 is nested more than \d+ levels deep/,
    );
    // Past the section's own limit, though within what Markdown may nest (inline marks need room).
    expect(parseTemplateSection(nested(98)).ok).toBe(true);
    expect(parseTemplateSection(nested(99))).toEqual({
      ok: false,
      reason: 'The text is nested 101 levels deep (quotes or lists inside one another); the limit is 100.',
    });
    expect(() => template('deep', { name: 'Deep', sections: { problem: nested(99) } })).toThrow(
      /^problem: The text is nested 101/,
    );
    const parsed = parseTemplateSection(nested(200));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/^line 1 is nested more than/);
    expect(parseTemplateSection('plain words')).toEqual({
      ok: true,
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'plain words' }] }] },
    });
  });
});
