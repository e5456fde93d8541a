// Tags and authors of the exported site, decided before any page: one per name whatever its
// case, spelled as the earliest spelling A–Z, each with a page whose folder is unique and never
// the tag or author index; authors in the site's order first, then the others A–Z; only those
// with exported studies; each study's own, in its order.
import { describe, expect, it } from 'vitest';
import { buildPeople, buildTags, nameKey, peopleOf, tagsOf } from '../../../src/core/pure/export/site-people-tags';
import { buildSiteModel, type SiteStudy } from '../../../src/core/pure/export/site-model';
import type { Study } from '../../../src/core/pure/schemas/study';
import { makeStudy, sampleSite } from '../../site/sample-site';

const studiesOf = (studies: Study[]): SiteStudy[] =>
  buildSiteModel(sampleSite({ authors: [] }), studies, false).studies;
const profile = (name: string) => ({ name, bio: '', url: '', avatar: '' });

describe('tags', () => {
  it('are one per name without case, spelled the earliest way A–Z, sorted, each with its studies', () => {
    const studies = studiesOf([
      makeStudy({ title: 'New', tags: ['kafka', ' Ops '], date: '2026-02-01' }),
      makeStudy({ title: 'Old', tags: ['Kafka', 'Zed', 'KAFKA'], date: '2025-01-01' }),
    ]);
    const { tags, byKey } = buildTags(studies);
    expect(tags.map((t) => [t.name, t.path, t.studies.map((s) => s.study.title)])).toEqual([
      ['KAFKA', 'tag/kafka/index.html', ['New', 'Old']],
      ['Ops', 'tag/ops/index.html', ['New']],
      ['Zed', 'tag/zed/index.html', ['Old']],
    ]);
    expect(byKey.get('kafka')).toBe(tags[0]);
  });

  it('never take the index folder, never share a folder, and are named when they show nothing', () => {
    const { tags } = buildTags(studiesOf([makeStudy({ title: 'S', tags: ['index', 'C++', 'C', '\u0001', ' '] })]));
    expect(tags.map((t) => [t.name, t.slug])).toEqual([
      ['Unnamed tag', 'untitled'],
      ['C', 'c'],
      ['C++', 'c-2'],
      ['index', 'index-study'],
    ]);
  });

  it('of a study are its own, in its order, each once', () => {
    const [s] = studiesOf([makeStudy({ title: 'S', tags: ['zed', 'Alpha', 'ZED'] })]);
    expect(tagsOf(s!, buildTags([s!]).byKey).map((t) => t.name)).toEqual(['ZED', 'Alpha']); // the earliest spelling A–Z names it
  });
});

describe('authors', () => {
  it("come in the site's order, then the others A–Z, only those with studies, matched without case", () => {
    const studies = studiesOf([
      makeStudy({ title: 'A', authors: ['zoe', 'Dana Kim'], date: '2026-01-01' }),
      makeStudy({ title: 'B', authors: ['dana kim', 'Bob'], date: '2025-01-01' }),
    ]);
    const { people, byKey } = buildPeople([profile('Lee'), profile('Dana Kim'), profile(' ')], studies);
    expect(people.map((p) => [p.name, p.path, p.profile?.name ?? null, p.studies.map((s) => s.study.title)])).toEqual([
      ['Dana Kim', 'author/dana-kim/index.html', 'Dana Kim', ['A', 'B']],
      ['Bob', 'author/bob/index.html', null, ['B']],
      ['zoe', 'author/zoe/index.html', null, ['A']],
    ]);
    // Lee has no study: no page, but a folder kept (the paths do not move when Lee writes one).
    expect(byKey.get('lee')?.path).toBe('author/lee/index.html');
    expect(byKey.has('')).toBe(false);
  });

  it('never take the assets folder, and are named when they show nothing', () => {
    const studies = studiesOf([makeStudy({ title: 'S', authors: ['Assets', '\u0002'] })]);
    expect(buildPeople([], studies).people.map((p) => [p.name, p.slug])).toEqual([
      ['Unnamed author', 'untitled'],
      ['Assets', 'assets-study'],
    ]);
  });

  it('of a study are its own, in its order, each once', () => {
    const [s] = studiesOf([makeStudy({ title: 'S', authors: ['Zoe', 'Al', 'zoe '] })]);
    expect(peopleOf(s!, buildPeople([], [s!]).byKey).map((p) => p.name)).toEqual(['Zoe', 'Al']);
  });

  it('are keyed by their trimmed lower-case name', () => {
    expect(nameKey('  Dana KIM ')).toBe('dana kim');
  });
});
