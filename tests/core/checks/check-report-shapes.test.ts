// What the checks report reaches every transport through the contract's schemas: each finding
// (on every field a check names), a workspace's report with its settings rows, and an export's
// refusal, unchanged; a finding naming a field or severity the app does not know is refused.
import { describe, expect, it } from 'vitest';
import { findingFieldSchema, findingSchema } from '../../../src/core/pure/checks/finding';
import { publishBlock, publishBlockSchema, publishErrorsRefusal } from '../../../src/core/pure/checks/publish-gate';
import { checkStudy } from '../../../src/core/pure/checks/publish-checks';
import { StudyNames } from '../../../src/core/pure/checks/study-names';
import { TemplatePrompts } from '../../../src/core/pure/checks/template-prompts';
import { workspaceCheckSchema } from '../../../src/core/pure/checks/workspace-check-schema';
import { checkWorkspace } from '../../../src/core/pure/checks/workspace-checks';
import type { SettingsConflicts } from '../../../src/core/pure/merge/settings-conflict-schema';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';
import { doc, p, t } from '../../helpers/rich-text-nodes';

const site = { ...defaultSiteSettings(), categories: ['Reliability'] };
const conflict = (id: string, field: string) => ({
  id,
  at: '2026-01-01T00:00:00Z',
  where: { kind: 'field' as const, field },
  mine: 'A',
  theirs: 'B',
});

/** A study with something wrong in every field a check looks at. */
function troubled(): { study: Study; namesake: Study } {
  const empty = { type: 'doc' as const };
  const study = sampleStudy(1, {
    title: ' ',
    summary: '',
    status: 'published',
    categories: ['Nowhere'],
    date: null,
    slug: 'same',
    problem: empty,
    decisions: doc(p(t('We chose.'))),
    tradeoffs: empty,
    lessons: empty,
    metrics: [{ label: 'Drafted result', before: 0, after: 0, unit: '', better: 'higher' }],
    cover: { src: 'assets/cover.png', alt: ' ' },
    conflicts: [conflict('c1', 'title')],
    conflictCount: 1,
  } as Partial<Study>);
  return { study, namesake: sampleStudy(2, { slug: 'same', title: ' ', status: 'published' }) };
}

describe('the check report through the contract', () => {
  it('every finding passes the finding schema unchanged, and the checks name every field it allows', () => {
    const { study, namesake } = troubled();
    const prompts = TemplatePrompts.of([
      {
        name: 'T',
        problem: { type: 'doc' },
        decisions: { type: 'doc' },
        tradeoffs: { type: 'doc' },
        lessons: { type: 'doc' },
        metrics: [{ label: 'Drafted result', unit: '', better: 'higher' }],
      },
    ]);
    const findings = checkStudy(study, { site, names: StudyNames.of([study, namesake]), prompts });
    for (const finding of findings) expect(findingSchema.parse(finding)).toEqual(finding);
    // Every field but Decisions (which holds text here) has a finding: the schema allows each.
    expect(new Set(findings.map((f) => f.field))).toEqual(
      new Set(findingFieldSchema.options.filter((field) => field !== 'decisions')),
    );
    expect(findingFieldSchema.options).toContain('decisions');
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['error', 'warning']));
    const [first] = findings;
    expect(findingSchema.safeParse({ ...first, field: 'colour' }).success).toBe(false);
    expect(findingSchema.safeParse({ ...first, severity: 'info' }).success).toBe(false);
    expect(findingSchema.safeParse({ ...first, field: '' }).success).toBe(false);
  });

  it("a workspace's report, its settings rows included, passes its schema unchanged", () => {
    const { study, namesake } = troubled();
    const draft = sampleStudy(3, { status: 'draft' });
    const settingsConflicts: SettingsConflicts = {
      site: { version: 'v1', conflicts: [conflict('s1', 'title')] },
      templates: [{ id: 'incident', name: 'Incident', version: 'v2', conflicts: [conflict('t1', 'name')] }],
    };
    const report = checkWorkspace(site, [study, namesake, draft], {
      settingsConflicts,
      settingsUnreadable: 'casebook.json is not valid JSON (line 3)',
    });
    expect(workspaceCheckSchema.parse(report)).toEqual(report);
    expect(report.studies.map((s) => s.status)).toEqual(['published', 'published', 'draft']);
    expect(
      workspaceCheckSchema.safeParse({ ...report, studies: [{ ...report.studies[0], status: 'gone' }] }).success,
    ).toBe(false);
  });

  it("an export's refusal passes its schema unchanged, drafts included or not", () => {
    const { study, namesake } = troubled();
    const draft = sampleStudy(3, { status: 'draft', summary: '' });
    // Warnings only (no category): never blocks.
    const text = doc(p(t('Our own words.')));
    const advised = sampleStudy(4, {
      status: 'published',
      date: '2026-03-01',
      ...{ problem: text, decisions: text, tradeoffs: text, lessons: text },
    });
    expect(checkStudy(advised, { site, names: StudyNames.of([advised]) }).map((f) => f.severity)).toEqual(['warning']);
    for (const drafts of [false, true]) {
      const block = publishBlock(site, [study, namesake, draft, advised], drafts);
      expect(block.studies.every((s) => s.findings.every((f) => f.severity === 'error'))).toBe(true);
      const parsed = publishBlockSchema.parse(block);
      expect(parsed).toEqual({ ...block, site: [] });
      expect(parsed.studies.map((s) => s.status)).toEqual(
        drafts ? ['published', 'published', 'draft'] : ['published', 'published'],
      );
    }
  });
});

describe("a workspace's settings rows", () => {
  it('site settings in conflict are errors, a template in conflict warnings, an unreadable casebook.json an error first', () => {
    const settingsConflicts: SettingsConflicts = {
      site: { version: 'v1', conflicts: [conflict('s1', 'title'), conflict('s2', 'accent')] },
      templates: [{ id: 'incident', name: 'Incident', version: 'v2', conflicts: [conflict('t1', 'name')] }],
    };
    const report = checkWorkspace(site, [], {
      settingsConflicts,
      settingsUnreadable: 'casebook.json is not valid JSON (line 3)',
    });
    expect(report.settings).toEqual([
      {
        label: 'Site settings',
        places: [],
        errors: 1,
        warnings: 0,
        message: 'casebook.json is not valid JSON (line 3)',
      },
      { label: 'Site settings', places: ['Title', 'Accent colour'], errors: 2, warnings: 0 },
      { label: "Template 'Incident'", places: ['Name'], errors: 0, warnings: 1 },
    ]);
    expect(report.totals).toEqual({ studies: 0, errors: 3, warnings: 1, studiesWithErrors: 0 });
  });

  it('no row for site settings without conflicts, nor without any conflicts given', () => {
    const onlyTemplate: SettingsConflicts = {
      site: { version: 'v1', conflicts: [] },
      templates: [{ id: 'incident', name: 'Incident', version: 'v2', conflicts: [conflict('t1', 'name')] }],
    };
    expect(checkWorkspace(site, [], { settingsConflicts: onlyTemplate }).settings.map((s) => s.label)).toEqual([
      "Template 'Incident'",
    ]);
    expect(checkWorkspace(site, [], {}).settings).toEqual([]);
    expect(checkWorkspace(site, [], { settingsUnreadable: null }).settings).toEqual([]);
  });
});

describe("an export's refusal in words", () => {
  const finding = (message: string) => ({
    id: 'x',
    rule: 'x',
    severity: 'error' as const,
    message,
    field: 'summary' as const,
  });
  const study = (title: string, slug: string, ...messages: string[]) => ({
    id: slug,
    title,
    slug,
    status: 'published' as const,
    findings: messages.map(finding),
  });

  it('names each study (an untitled one as such) and each of its errors, then what to do', () => {
    const refusal = publishErrorsRefusal({
      studies: [study('One queue', 'one-queue', 'No summary.', 'No date.'), study(' ', 'untitled', 'No title.')],
    });
    expect(refusal.code).toBe('publish_errors');
    expect(refusal.message).toBe(
      [
        'Not exported: 2 studies that would be published have errors. Nothing was written.',
        '"One queue" (one-queue):',
        '  - No summary.',
        '  - No date.',
        '"Untitled" (untitled):',
        '  - No title.',
        'Fix them, or export anyway (the errors are then published as they are).',
      ].join('\n'),
    );
    expect(publishErrorsRefusal({ studies: [study('A', 'a', 'No date.')] }).message.split('\n')[0]).toBe(
      'Not exported: 1 study that would be published has errors. Nothing was written.',
    );
  });

  it('site settings in conflict are said first, one or several', () => {
    const one = publishErrorsRefusal({ studies: [], site: ['Title'] }).message.split('\n');
    expect(one.slice(0, 2)).toEqual([
      'Not exported. Nothing was written.',
      'The site settings hold 1 unresolved conflict from a sync (Title): resolve it in Site settings (Keep mine, Take theirs or Keep both).',
    ]);
    const two = publishErrorsRefusal({ studies: [study('A', 'a', 'No date.')], site: ['Title', 'Accent colour'] });
    expect(two.message.split('\n').slice(0, 3)).toEqual([
      'Not exported: 1 study that would be published has errors. Nothing was written.',
      'The site settings hold 2 unresolved conflicts from a sync (Title, Accent colour): resolve them in Site settings (Keep mine, Take theirs or Keep both).',
      '"A" (a):',
    ]);
  });
});
