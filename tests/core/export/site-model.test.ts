// What the exported site holds before any page is drawn: which studies (drafts only on
// request), newest first; the folder each gets (its slug when safe and free, never one the
// site uses itself); the categories with a page, in the site's order then A–Z; the index's
// sections, with a last one for studies outside the site's categories; the featured studies.
import { describe, expect, it } from 'vitest';
import { buildSiteModel, byNewest } from '../../../src/core/pure/export/site-model';
import { studyFolder } from '../../../src/core/pure/export/study-folders';
import type { Study } from '../../../src/core/pure/schemas/study';
import { makeStudy, sampleSite } from '../../site/sample-site';

const titles = (list: { study: Study }[]) => list.map((s) => s.study.title);
const model = (studies: Study[], drafts = false, site = sampleSite()) => buildSiteModel(site, studies, drafts);

describe('study order', () => {
  it('is newest first, undated last, then by title and id', () => {
    const studies = [
      makeStudy({ id: 'b', title: 'Same', date: '2025-01-01' }),
      makeStudy({ id: 'x', title: 'Undated', date: null }),
      makeStudy({ id: 'n', title: 'New', date: '2026-01-01' }),
      makeStudy({ id: 'a', title: 'Same', date: '2025-01-01' }),
      makeStudy({ id: 'c', title: 'Earlier title', date: '2025-01-01' }),
      makeStudy({ id: 'y', title: 'Also undated', date: null }),
    ];
    const sorted = [...studies].sort(byNewest).map((s) => `${s.title}/${s.id}`);
    expect(sorted).toEqual(['New/n', 'Earlier title/c', 'Same/a', 'Same/b', 'Also undated/y', 'Undated/x']);
    expect(
      [...studies]
        .reverse()
        .sort(byNewest)
        .map((s) => `${s.title}/${s.id}`),
    ).toEqual(sorted);
    const same = makeStudy({ id: 'z', title: 'T', date: null });
    expect(byNewest(same, { ...same })).toBe(0);
    expect(byNewest({ ...same, id: 'b' }, { ...same, id: 'a' })).toBe(1);
    expect(byNewest({ ...same, id: 'a' }, { ...same, id: 'b' })).toBe(-1);
  });

  it('holds published studies only, drafts too when asked', () => {
    const studies = [makeStudy({ title: 'Out' }), makeStudy({ title: 'Draft', status: 'draft', date: '2027-01-01' })];
    expect(titles(model(studies).studies)).toEqual(['Out']);
    expect(titles(model(studies, true).studies)).toEqual(['Draft', 'Out']);
  });
});

describe('study folders', () => {
  it("are the study's slug when free, else derived from it and made unique", () => {
    const studies = [
      makeStudy({ title: 'One', slug: 'same', date: '2026-02-01' }),
      makeStudy({ title: 'Two', slug: 'same', date: '2026-01-01' }),
    ];
    expect(model(studies).studies.map((s) => [s.slug, s.path])).toEqual([
      ['same', 'same/index.html'],
      ['same-2', 'same-2/index.html'],
    ]);
  });

  it('never take a name the site uses for itself, nor an invalid one', () => {
    const folders = model([
      makeStudy({ title: 'Assets', slug: 'assets', date: '2026-03-01' }),
      makeStudy({ title: 'Home', slug: 'index', date: '2026-02-01' }),
      makeStudy({ title: 'Not found', slug: '404', date: '2026-01-01' }),
      makeStudy({ title: 'Bad Slug', slug: 'Bad Slug!', date: '2025-01-01' }),
    ]).studies.map((s) => s.slug);
    expect(folders).toEqual(['assets-assets', 'index-home', '404-not-found', 'bad-slug-bad-slug']);
  });

  it('are a reserved name with -study when nothing else is left', () => {
    expect(studyFolder('feed', '', new Set(), new Set(['feed']))).toBe('feed-study');
    const taken = new Set<string>();
    expect(studyFolder('', '', taken)).toBe('untitled');
    expect(taken.has('untitled')).toBe(true);
  });
});

describe('categories and sections', () => {
  const studies = () => [
    makeStudy({ title: 'Outage', categories: ['failure analysis'], date: '2026-03-01', featured: true }),
    makeStudy({ title: 'Zebra', categories: ['Zoo', 'Failure Analysis'], date: '2026-02-01' }),
    makeStudy({ title: 'Apple', categories: [' Apples '], date: '2026-01-01', featured: true }),
    makeStudy({ title: 'Homeless', categories: [], date: '2025-01-01' }),
  ];

  it("lists the site's categories that have studies in its order, then the others A–Z, matched without case", () => {
    const m = model(studies());
    expect(m.categories.map((c) => [c.name, c.path])).toEqual([
      ['Failure Analysis', 'category/failure-analysis/index.html'],
      ['Apples', 'category/apples/index.html'],
      ['Zoo', 'category/zoo/index.html'],
    ]);
    expect(titles(m.categories[0]!.studies)).toEqual(['Outage', 'Zebra']);
    expect(m.studies.map((s) => s.categories.map((c) => c.name))).toEqual([
      ['Failure Analysis'],
      ['Zoo', 'Failure Analysis'],
      ['Apples'],
      [],
    ]);
  });

  it("makes the index's sections of the site's categories, then one for every study outside them", () => {
    const m = model(studies());
    expect(m.sections.map((s) => [s.title, s.category?.name ?? null, titles(s.studies)])).toEqual([
      ['Failure Analysis', 'Failure Analysis', ['Outage', 'Zebra']],
      ['More case studies', null, ['Apple', 'Homeless']],
    ]);
    expect(
      model([makeStudy({ title: 'Only', categories: ['Failure Analysis'] })]).sections.map((s) => s.title),
    ).toEqual(['Failure Analysis']);
  });

  it('features the featured studies, newest first', () => {
    expect(titles(model(studies()).featured)).toEqual(['Outage', 'Apple']);
  });

  it('names a category without visible text, and gives two categories of one slug two pages', () => {
    const site = sampleSite({ categories: ['C++', 'C', '\u0001'] });
    const m = model([makeStudy({ title: 'S', categories: ['C++', 'C', '\u0001', ' '] })], false, site);
    expect(m.categories.map((c) => [c.name, c.slug])).toEqual([
      ['C++', 'c'],
      ['C', 'c-2'],
      ['Unnamed category', 'untitled'],
    ]);
  });

  it('gives each study its tags and authors with their pages', () => {
    const m = model([makeStudy({ title: 'S', tags: ['Queues', 'queues', 'AWS'], authors: ['Dana Kim'] })]);
    expect(m.studies[0]!.tags.map((t) => t.path)).toEqual(['tag/queues/index.html', 'tag/aws/index.html']);
    expect(m.studies[0]!.people.map((p) => p.path)).toEqual(['author/dana-kim/index.html']);
    expect(m.tags.map((t) => t.name)).toEqual(['AWS', 'Queues']);
    expect(m.people.map((p) => p.name)).toEqual(['Dana Kim']);
  });
});
