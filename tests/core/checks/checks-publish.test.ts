import { describe, expect, it } from 'vitest';
import { checkStudy, type CheckContext } from '../../../src/core/pure/checks/publish-checks';
import { StudyNames } from '../../../src/core/pure/checks/study-names';
import { checkWorkspace } from '../../../src/core/pure/checks/workspace-checks';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const text = (value: string): RichTextNode => ({ type: 'text', text: value });
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const para = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const link = (label: string, href: string): RichTextNode => ({
  type: 'text',
  text: label,
  marks: [{ type: 'link', attrs: { href } }],
});

/** A study that passes every check. */
function readyStudy(overrides: Partial<Study> = {}): Study {
  return sampleStudy(1, {
    title: 'When nobody owns the cloud bill',
    slug: 'when-nobody-owns-the-cloud-bill',
    summary: 'How consolidation and right-sizing cut the monthly bill by 40%.',
    status: 'published',
    categories: ['Optimization & Migration Wins'],
    date: '2026-04-02',
    problem: doc(para(text('The bill doubled in a year.'))),
    decisions: doc(para(text('We tagged every resource.'))),
    tradeoffs: doc(para(text('Less headroom.'))),
    lessons: doc(para(text('Ownership first.'))),
    ...overrides,
  });
}

const site = defaultSiteSettings();
function check(study: Study, others: Study[] = []) {
  const context: CheckContext = { site, names: StudyNames.of([study, ...others]) };
  return checkStudy(study, context);
}
const rules = (study: Study, others: Study[] = []): string[] =>
  check(study, others).map((f) => `${f.severity} ${f.rule} ${f.field}`);

describe('publish-readiness checks', () => {
  it('finds nothing wrong with a complete study', () => {
    expect(check(readyStudy())).toEqual([]);
  });

  it('flags a missing title and a missing summary as errors', () => {
    expect(rules(readyStudy({ title: '  ', summary: '' }))).toEqual([
      'error title-missing title',
      'error summary-missing summary',
    ]);
  });

  it('tells the author what is wrong and what to do, in words', () => {
    const messages = (study: Study, others: Study[] = []) => check(study, others).map((f) => f.message);
    expect(messages(readyStudy({ title: ' ', summary: '   ' }))).toEqual([
      'The study has no title.',
      'Add a one-line summary: the index shows it under the title.',
    ]);
    expect(messages(readyStudy({ categories: [] }))).toEqual([
      'Pick a category: without one the study appears in no section of the index.',
    ]);
    expect(messages(readyStudy({ date: null }))).toEqual([
      'This published study has no date: the index and feed order studies by it.',
    ]);
    expect(messages(readyStudy({ date: null, status: 'draft' }))).toEqual([
      'Set a publication date before publishing: the index and feed order studies by it.',
    ]);
    const twin = (id: string) => readyStudy({ id, slug: id, title: 'When nobody owns the cloud bill' });
    expect(messages(readyStudy(), [twin('a')])[0]).toMatch(/^Another study has the same title/);
    expect(messages(readyStudy(), [twin('a'), twin('b')])[0]).toMatch(/^2 other studies have the same title/);
  });

  it('blocks publishing while a merge conflict is kept, counting them', () => {
    const conflict = (id: string) => ({
      id,
      at: '2026-04-02T10:00:00.000Z',
      where: { kind: 'field' as const, field: 'title' },
      mine: 'Mine',
      theirs: 'Theirs',
    });
    const one = check(readyStudy({ conflicts: [conflict('c1')] }));
    expect(one).toEqual([
      {
        id: 'conflicts-unresolved',
        rule: 'conflicts-unresolved',
        severity: 'error',
        field: 'conflicts',
        message: 'Resolve 1 conflict: a merge kept two versions (Keep mine, Take theirs or Keep both).',
      },
    ]);
    expect(check(readyStudy({ conflicts: [conflict('c1'), conflict('c2')] }))[0]!.message).toMatch(
      /^Resolve 2 conflicts: /,
    );
  });

  it('warns when the summary is longer than 200 characters', () => {
    expect(rules(readyStudy({ summary: 'x'.repeat(200) }))).toEqual([]);
    const [finding] = check(readyStudy({ summary: 'x'.repeat(201) }));
    expect(finding).toMatchObject({ rule: 'summary-long', severity: 'warning', field: 'summary' });
    expect(finding!.message).toContain('201 characters');
  });

  it('warns about no category and about a category the site does not have', () => {
    expect(rules(readyStudy({ categories: [] }))).toEqual(['warning category-missing categories']);
    const findings = check(readyStudy({ categories: ['failure analysis', 'Kubernetes'] }));
    expect(findings.map((f) => f.rule)).toEqual(['category-unknown']);
    expect(findings[0]!.message).toContain('"Kubernetes"');
  });

  it('requires a date to publish: an error when published, a warning on a draft', () => {
    expect(rules(readyStudy({ date: null }))).toEqual(['error date-missing date']);
    expect(rules(readyStudy({ date: null, status: 'draft' }))).toEqual(['warning date-missing date']);
  });

  it('flags each empty section, but not one holding only an image', () => {
    const image: RichTextNode = { type: 'image', attrs: { src: 'assets/ab12.png', alt: 'Cost per month' } };
    const study = readyStudy({
      tradeoffs: doc({ type: 'paragraph' }),
      lessons: doc(para(text('   '))),
      decisions: doc(image),
    });
    expect(rules(study)).toEqual(['error section-empty tradeoffs', 'error section-empty lessons']);
  });

  it('warns about images without alt text, with the path and editor position of the image', () => {
    const study = readyStudy({
      decisions: doc(para(text('Before:')), { type: 'image', attrs: { src: 'assets/ab12.png', alt: '' } }),
    });
    const [finding] = check(study);
    expect(finding).toMatchObject({ rule: 'image-alt', severity: 'warning', field: 'decisions', path: [1], pos: 9 });
  });

  it('places a finding after a divider or picture at the position the editor gives it', () => {
    const hr: RichTextNode = { type: 'horizontalRule' };
    const image = (alt: string): RichTextNode => ({ type: 'image', attrs: { src: 'assets/ab12.png', alt } });
    const study = readyStudy({ decisions: doc(hr, image('A chart'), hr, image('')) });
    const [finding] = check(study);
    // Each leaf block takes one position: the second image starts at 3.
    expect(finding).toMatchObject({ rule: 'image-alt', path: [3], pos: 3 });
  });

  it('reads blank or missing alt text and sources as none, and says what to do', () => {
    const findings = check(
      readyStudy({
        decisions: doc({ type: 'image', attrs: { src: '  ', alt: '   ' } }, { type: 'image' } as RichTextNode, {
          type: 'image',
          attrs: { src: 'assets/ab12.png', alt: '  A chart ' },
        }),
      }),
    );
    expect(findings.map((f) => [f.rule, f.path, f.message])).toEqual([
      ['image-alt', [0], 'An image in Decisions has no alt text: describe it for readers who cannot see it.'],
      ['image-src', [0], 'An image in Decisions has no source; add the picture again or remove it.'],
      ['image-alt', [1], expect.any(String)],
      ['image-src', [1], expect.any(String)],
    ]);
  });

  it('flags empty and unsafe links as errors, and accepts http, https, mailto and relative ones', () => {
    const study = readyStudy({
      lessons: doc(
        para(
          text('See '),
          link('the runbook', 'https://example.com/runbook'),
          text(' and '),
          link('us', 'mailto:a@b.c'),
        ),
        para(link('notes', '../notes/'), text(' '), link('click', 'javascript:alert(1)')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [para(link('todo', ' '))] }] },
      ),
    });
    const findings = check(study);
    expect(findings.map((f) => [f.rule, f.severity, f.path])).toEqual([
      ['link-unsafe', 'error', [1, 2]],
      ['link-empty', 'error', [2, 0, 0, 0]],
    ]);
    expect(findings[0]!.message).toContain('"click"');
    // Position of "click": after the first paragraph ("See the runbook and us": 22 characters
    // plus its 2 boundaries), one step into the second, then past "notes ".
    expect(findings[0]!.pos).toBe(22 + 2 + 1 + 'notes '.length);
  });

  it('warns about a duplicate title and flags a duplicate slug as an error', () => {
    const study = readyStudy();
    const sameTitle = readyStudy({ id: 'other-1', slug: 'different', title: 'When Nobody Owns  the Cloud Bill' });
    expect(rules(study, [sameTitle])).toEqual(['warning title-duplicate title']);
    const sameSlug = readyStudy({ id: 'other-2', title: 'Something else' });
    expect(rules(study, [sameSlug])).toEqual(['error slug-duplicate slug']);
  });

  it('follows renames and deletes in the name lookup the library keeps between saves', () => {
    const study = readyStudy();
    const other = readyStudy({ id: 'other-1', slug: 'other', title: 'Something else' });
    const names = StudyNames.of([study, other]);
    const site = { categories: study.categories };
    const ruleIds = () => checkStudy(study, { site, names }).map((f) => f.rule);
    expect(ruleIds()).toEqual([]);
    names.set({ ...other, title: study.title.toUpperCase(), slug: study.slug });
    expect(ruleIds()).toEqual(['title-duplicate', 'slug-duplicate']);
    names.set({ ...other, title: 'Renamed again' });
    expect(ruleIds()).toEqual([]);
    names.set({ ...other, slug: study.slug });
    names.delete(other.id);
    expect(ruleIds()).toEqual([]);
  });

  it('gives every finding of a study a distinct id', () => {
    const study = readyStudy({
      summary: '',
      categories: ['A', 'B'],
      problem: doc(para(link('a', ''), link('b', ''))),
    });
    const ids = check(study).map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('workspace check', () => {
  it('totals errors and warnings per study, and can leave drafts out', () => {
    const good = readyStudy();
    const bad = readyStudy({ id: 'bad', slug: 'bad', title: 'Bad', summary: '', categories: [] });
    const draft = readyStudy({ id: 'draft', slug: 'draft', title: 'Draft', status: 'draft', date: null });
    const all = checkWorkspace(site, [good, bad, draft]);
    expect(all.studies.map((s) => [s.id, s.errors, s.warnings])).toEqual([
      ['study-1', 0, 0],
      ['bad', 1, 1],
      ['draft', 0, 1],
    ]);
    expect(all.totals).toEqual({ studies: 3, errors: 1, warnings: 2, studiesWithErrors: 1 });
    expect(checkWorkspace(site, [good, bad, draft], { publishedOnly: true }).totals.studies).toBe(2);
  });
});

describe('cover image', () => {
  const cover = (alt: string) => ({ src: `assets/${'a'.repeat(64)}.png`, alt });
  it('is an error without alt text (blank counts as none), and fine with it or without a cover', () => {
    for (const alt of ['', '   ']) {
      const findings = check(readyStudy({ cover: cover(alt) }));
      expect(findings.filter((f) => f.rule === 'cover-alt-missing')).toMatchObject([
        { severity: 'error', field: 'cover' },
      ]);
    }
    expect(check(readyStudy({ cover: cover('Cost chart') })).some((f) => f.rule === 'cover-alt-missing')).toBe(false);
    expect(check(readyStudy()).some((f) => f.rule === 'cover-alt-missing')).toBe(false);
  });
});
