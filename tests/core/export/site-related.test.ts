// "Related case studies" at the end of a study page: chosen by shared categories and tags, in
// a fixed order, and kept up to date by incremental exports (the page key holds the list).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import { relatedStudies } from '../../../src/core/pure/export/site-related';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { expectAsFull, exportSite, saveStudy, workspaceWith } from '../../helpers/incremental-export';
import { sampleStudy } from '../../helpers/study-files';
import { withTempDir } from '../../helpers/temp-dir';
import { makeStudy } from '../../site/sample-site';

const site = { ...defaultSiteSettings(), categories: ['Ops', 'Data'] };
const related = (studies: Study[], id: string) => {
  const model = buildSiteModel(site, studies, false);
  const s = model.studies.find((x) => x.study.id === id)!;
  return relatedStudies(model)
    .get(s)!
    .map((r) => r.study.id);
};

describe('related studies', () => {
  const studies = [
    makeStudy({ id: 'me', title: 'Me', categories: ['Ops'], tags: ['kafka', 'queues'], date: '2026-01-01' }),
    makeStudy({ id: 'cat-only', title: 'Cat', categories: ['Ops'], tags: [], date: '2026-02-01' }),
    makeStudy({ id: 'two-tags', title: 'Tags', categories: ['Data'], tags: ['Kafka', 'QUEUES'], date: '2025-01-01' }),
    makeStudy({ id: 'cat-and-tag', title: 'Both', categories: ['Ops'], tags: ['kafka'], date: '2024-01-01' }),
    makeStudy({ id: 'one-tag-new', title: 'New', categories: ['Data'], tags: ['queues'], date: '2026-03-01' }),
    makeStudy({ id: 'one-tag-old', title: 'Old', categories: ['Data'], tags: ['kafka'], date: '2023-01-01' }),
    makeStudy({ id: 'nothing', title: 'None', categories: ['Data'], tags: ['other'], date: '2026-04-01' }),
  ];

  it('ranks by what is shared (a category counts twice a tag), then newest first, at most three', () => {
    // cat-and-tag 3; cat-only 2 and two-tags 2 (cat-only newer); one-tag-* 1 are cut.
    expect(related(studies, 'me')).toEqual(['cat-and-tag', 'cat-only', 'two-tags']);
  });

  it('never lists the study itself, nor a study sharing nothing, and is the same in any input order', () => {
    expect(related(studies, 'nothing')).toEqual(['one-tag-new', 'two-tags', 'one-tag-old']);
    expect(related(studies, 'nothing')).not.toContain('nothing');
    const lone = [makeStudy({ id: 'lone', title: 'Lone', categories: [], tags: [] }), ...studies];
    expect(related(lone, 'lone')).toEqual([]);
    expect(related([...studies].reverse(), 'me')).toEqual(related(studies, 'me'));
  });

  it('shows them at the end of the page, linked, under "Related case studies"', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(
        dir,
        studies.map((s) => ({ ...s, status: 'published' as const })),
      );
      const out = path.join(dir, 'out');
      await exportSite(ws, out, { site, allowErrors: true });
      const html = await readFile(path.join(out, 'me', 'index.html'), 'utf8');
      const block = html.match(/<section class="related"[\s\S]*?<\/section>/)![0];
      expect(block).toContain('<h2 id="related">Related case studies</h2>');
      expect([...block.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
        '../both/index.html',
        '../cat/index.html',
        '../tags/index.html',
      ]);
      expect(html.indexOf('class="related"')).toBeGreaterThan(html.indexOf('</article>'));
    }));

  it('renames: an incremental export renders again the pages whose related list shows the study', () =>
    withTempDir(async (dir) => {
      // Undated, so in title order: Study 1, 3, 4, 9. Study 9 is no neighbour of Study 1 (its
      // pager shows Study 3) and shares no category with it: only the related list links them.
      const a = sampleStudy(1, { status: 'published', categories: ['Ops'], tags: ['x'] });
      const b = sampleStudy(9, { status: 'published', categories: ['Data'], tags: ['x'] });
      const c = sampleStudy(3, { status: 'published', categories: ['Data'], tags: ['y'] });
      const d = sampleStudy(4, { status: 'published', categories: ['Data'], tags: ['y'] });
      const ws = await workspaceWith(dir, [a, b, c, d]);
      const out = path.join(dir, 'out');
      await exportSite(ws, out, { site, allowErrors: true });
      const page = path.join(out, a.slug, 'index.html');
      expect(await readFile(page, 'utf8')).toContain('Study 9</a>');
      await saveStudy(ws, { ...b, title: 'Study 9 renamed' });
      const { read } = await expectAsFull(ws, out, dir, { site, allowErrors: true });
      // Study 1's own file did not change, yet its page was read and rendered again.
      expect(read).toContain(a.id);
      expect(await readFile(page, 'utf8')).toContain('Study 9 renamed</a>');
    }));
});
