// Publish checks meet the Timeline block: an entry without a time is a warning with jump-to,
// and the postmortem template's prompt entries block publishing until their text is replaced
// (whatever time the author sets). Times also reach plain text (search, counts).
import { describe, expect, it } from 'vitest';
import { docFindings } from '../../../src/core/pure/checks/doc-findings';
import { promptFindings, TemplatePrompts } from '../../../src/core/pure/checks/template-prompts';
import { richTextSchema } from '../../../src/core/pure/rich-text/known-types';
import { docToPlainText, type RichTextDoc, type RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { builtInTemplates } from '../../../src/core/pure/templates/builtin-templates';
import { markdownToSectionDoc } from '../../../src/core/pure/templates/template-draft';

const entry = (time: string, text?: string): RichTextNode => ({
  type: 'timelineEntry',
  attrs: { time, kind: '' },
  ...(text ? { content: [{ type: 'text', text }] } : {}),
});

describe('timeline publish checks', () => {
  it('warns about an entry without a time, pointing at that entry', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Intro' }] },
        { type: 'timeline', content: [entry('14:02', 'a'), entry('  ', 'b'), entry('14:09')] },
      ],
    };
    const findings = docFindings(doc, 'problem').filter((f) => f.rule === 'timeline-time');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', field: 'problem', path: [1, 1] });
    expect(findings[0]!.message).toMatch(/timeline entry in Problem has no time/);
    // The position is ProseMirror's, just before the second entry.
    const pm = richTextSchema().nodeFromJSON(doc);
    expect(pm.resolve(findings[0]!.pos!).nodeAfter?.textContent).toBe('b');
  });

  it("keeps the postmortem's timeline prompts a publish error until their text is replaced", () => {
    const problem = markdownToSectionDoc(String(builtInTemplates['failure-analysis']?.sections?.problem));
    const prompts = TemplatePrompts.builtIn();
    const timelineAt = problem.content!.findIndex((n) => n.type === 'timeline');
    const timeline = problem.content![timelineAt]!;
    const entryFindings = () => promptFindings(problem, 'problem', prompts).filter((f) => f.path?.[0] === timelineAt);
    expect(entryFindings().map((f) => f.path)).toEqual(timeline.content!.map((_e, i) => [timelineAt, i]));
    expect(entryFindings()[1]!.message).toContain('When and how it was detected');

    // A real time does not make the prompt the author's text; replacing the text does.
    timeline.content![1]!.attrs = { time: '14:05', kind: 'detection' };
    expect(entryFindings()).toHaveLength(5);
    timeline.content![1]!.content = [{ type: 'text', text: 'Pager fired for checkout 5xx.' }];
    expect(entryFindings().map((f) => f.path?.[1])).toEqual([0, 2, 3, 4]);
  });

  it('puts each entry’s time before its text in plain text', () => {
    const text = docToPlainText({
      type: 'doc',
      content: [{ type: 'timeline', content: [entry('14:02', 'Alert'), entry('Day 2')] }],
    });
    expect(text).toBe('14:02 Alert\nDay 2');
  });
});
