// Publish warnings for decision records, each placed on its record (path and editor position)
// so the checklist can jump there.
import { describe, expect, it } from 'vitest';
import { checkStudy } from '../../../src/core/pure/checks/publish-checks';
import { StudyNames } from '../../../src/core/pure/checks/study-names';
import { promptFindings, TemplatePrompts } from '../../../src/core/pure/checks/template-prompts';
import { decisionAttrs } from '../../../src/core/pure/rich-text/blocks/decision-attrs';
import { builtInTemplates } from '../../../src/core/pure/templates/builtin-templates';
import { markdownToSectionDoc } from '../../../src/core/pure/templates/template-draft';
import { richTextSchema } from '../../../src/core/pure/rich-text/known-types';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { sampleStudy } from '../../helpers/study-files';
import { ISSUE_RECORD } from '../../fixtures/decision-record';

const intro: RichTextNode = { type: 'paragraph', content: [{ type: 'text', text: 'We chose twice.' }] };
const rec = (attrs: Record<string, unknown>): RichTextNode => ({
  type: 'decisionRecord',
  attrs: { ...ISSUE_RECORD.attrs, ...attrs },
  content: ISSUE_RECORD.content,
});

function decisionFindings(...records: RichTextNode[]) {
  const decisions: RichTextDoc = { type: 'doc', content: [intro, ...records] };
  const study = sampleStudy(1, { decisions });
  return {
    decisions,
    findings: checkStudy(study, { site: defaultSiteSettings(), names: StudyNames.of([study]) }).filter((f) =>
      f.rule.startsWith('decision-'),
    ),
  };
}

describe('decision record checks', () => {
  it('finds nothing to say about a complete record', () => {
    expect(decisionFindings(ISSUE_RECORD).findings).toEqual([]);
  });

  it('warns when a decided record marks no option as chosen, but not for a proposal or a rejection', () => {
    const { findings, decisions } = decisionFindings(rec({ chosen: null }), rec({ chosen: null, status: 'proposed' }));
    expect(findings.map((f) => [f.rule, f.severity, f.path])).toEqual([['decision-no-choice', 'warning', [1]]]);
    expect(findings[0]!.message).toContain('"Move from Kubernetes to ECS"');
    // The position is the record's in the editor: jump-to selects it.
    const pm = richTextSchema().nodeFromJSON(decisions);
    expect(pm.nodeAt(findings[0]!.pos!)?.type.name).toBe('decisionRecord');
    expect(decisionFindings(rec({ chosen: null, status: 'rejected' })).findings).toEqual([]);
  });

  it('warns for each option without points, and for a superseded record naming no successor', () => {
    const options = [
      { title: 'A', points: [] },
      { title: 'B', points: [{ kind: 'good', text: 'fast' }] },
      { title: 'C', points: [] },
    ];
    const { findings } = decisionFindings(rec({ options, chosen: 1, status: 'superseded' }));
    expect(findings.map((f) => f.rule)).toEqual([
      'decision-option-points',
      'decision-option-points',
      'decision-successor',
    ]);
    expect(findings[0]!.message).toContain('option 1 ("A")');
    expect(findings[1]!.message).toContain('option 3 ("C")');
    expect(new Set(findings.map((f) => f.id)).size).toBe(3);
    expect(decisionFindings(rec({ status: 'superseded', supersededBy: 'ADR-7' })).findings).toEqual([]);
  });
});

describe('decision record checks, in words', () => {
  it('names the record by its title, trimmed and cut, or as a decision record without one', () => {
    const untitled = decisionFindings(rec({ title: '  ', chosen: null })).findings;
    expect(untitled[0]!.message).toMatch(/^A decision record in .* is accepted but marks no option as chosen\.$/);
    const long = decisionFindings(rec({ title: `  ${'x'.repeat(70)}  `, chosen: null })).findings;
    expect(long[0]!.message).toMatch(new RegExp(`^The decision "${'x'.repeat(60)}" in `));
  });

  it('says when a decided record lists no options at all, but not for a proposal', () => {
    const none = decisionFindings(rec({ options: [], chosen: null })).findings;
    expect(none.map((f) => f.rule)).toEqual(['decision-no-choice']);
    expect(none[0]!.message).toMatch(/lists no considered options\.$/);
    expect(decisionFindings(rec({ options: [], chosen: null, status: 'proposed' })).findings).toEqual([]);
  });

  it('names an option by its title, cut at 40 characters, and a superseded record naming a blank successor', () => {
    const options = [{ title: `  ${'o'.repeat(50)}`, points: [] }];
    const { findings } = decisionFindings(rec({ options, chosen: 0, status: 'superseded', supersededBy: '   ' }));
    expect(findings[0]!.message).toContain(`option 1 ("${'o'.repeat(40)}")`);
    expect(findings[1]!.message).toMatch(/is superseded but does not say by what; fill in "Superseded by"\.$/);
  });
});

describe('the "Architecture decision" template', () => {
  it('writes its Decisions section as a decision record whose untouched fields are prompts', () => {
    const template = builtInTemplates['architecture-decision']!;
    const section = markdownToSectionDoc(template.sections!.decisions as string);
    const record = section.content![0]!;
    expect(record.type).toBe('decisionRecord');
    expect(decisionAttrs(record.attrs).options.map((o) => o.title)).toEqual([
      'Option A: the first approach you weighed',
      'Option B: the alternative you weighed against it',
    ]);
    const prompts = TemplatePrompts.builtIn();
    const untouched = promptFindings(section, 'decisions', prompts).filter((f) => f.path?.join('.') === '0');
    expect(untouched.length).toBeGreaterThan(5);
    expect(new Set(untouched.map((f) => f.id)).size).toBe(untouched.length);
    // Once the author has written their own record in its place, none of it is a prompt.
    const own = { type: 'doc' as const, content: [ISSUE_RECORD] };
    expect(promptFindings(own, 'decisions', prompts)).toEqual([]);
  });
});
