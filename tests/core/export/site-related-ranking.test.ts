// "Related case studies" ranked as a reader expects: what a study shares counts (a category
// twice a tag, tags without case), ties go to the newer study however it was found, at most
// three, the same list in every export; computed once per site.
import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import { MAX_RELATED, relatedStudies } from '../../../src/core/pure/export/site-related';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { makeStudy } from '../../site/sample-site';

const site = { ...defaultSiteSettings(), categories: ['Ops', 'Data'] };
const s = (id: string, date: string, categories: string[], tags: string[]) =>
  makeStudy({ id, title: id, date, categories, tags });
const relatedIds = (studies: Study[]) => {
  const model = buildSiteModel(site, studies, false);
  const all = relatedStudies(model);
  return Object.fromEntries(model.studies.map((x) => [x.study.id, all.get(x)!.map((r) => r.study.id)]));
};

describe('related studies', () => {
  it('prefer a newer study of the same score, even one found through its tags after the category', () => {
    const lists = relatedIds([
      s('me', '2020-01-01', ['Ops'], ['kafka', 'lag']),
      s('by-tags', '2026-01-01', ['Data'], ['Kafka', 'LAG']), // 2 tags: 2, the newest
      s('ops-1', '2025-01-01', ['Ops'], []),
      s('ops-2', '2024-01-01', ['Ops'], []),
      s('ops-3', '2023-01-01', ['Ops'], []),
    ]);
    expect(lists.me).toEqual(['by-tags', 'ops-1', 'ops-2']);
    expect(MAX_RELATED).toBe(3);
  });

  it('add up everything shared: two categories beat a category and a tag, which beats a category', () => {
    const lists = relatedIds([
      s('me', '2020-01-01', ['Ops', 'Data'], ['kafka']),
      s('one-cat', '2026-01-01', ['Ops'], []),
      s('cat-tag', '2025-01-01', ['Data'], ['kafka']),
      s('two-cats', '2019-01-01', ['Ops', 'Data'], []),
      s('tag', '2027-01-01', [], ['kafka']),
    ]);
    expect(lists.me).toEqual(['two-cats', 'cat-tag', 'one-cat']);
    // Each study's scores start from nothing: "tag" shares only kafka with two others.
    expect(lists.tag).toEqual(['cat-tag', 'me']);
  });

  it('ignore blank tags, and list nothing for a study sharing nothing', () => {
    const lists = relatedIds([
      s('a', '2020-01-01', [], [' ', 'x']),
      s('b', '2021-01-01', [], ['', ' ']),
      s('c', '2022-01-01', [], ['X ']),
    ]);
    expect(lists).toEqual({ c: ['a'], b: [], a: ['c'] });
  });

  it('keep the best three as better ones arrive later in the list', () => {
    const lists = relatedIds([
      s('me', '2020-01-01', ['Ops'], ['a', 'b', 'c']),
      s('w1', '2026-01-01', [], ['a']),
      s('w2', '2025-01-01', [], ['a']),
      s('w3', '2024-01-01', [], ['a']),
      s('s1', '2019-01-01', ['Ops'], ['b', 'c']),
      s('s2', '2018-01-01', ['Ops'], ['b']),
      s('s3', '2017-01-01', [], ['b', 'c']),
    ]);
    expect(lists.me).toEqual(['s1', 's2', 's3']);
  });

  it('are worked out once per site model', () => {
    const model = buildSiteModel(site, [s('a', '2020-01-01', ['Ops'], []), s('b', '2021-01-01', ['Ops'], [])], false);
    expect(relatedStudies(model)).toBe(relatedStudies(model));
  });
});
