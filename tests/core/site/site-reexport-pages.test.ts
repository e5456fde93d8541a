// A re-export in the same process reuses pages it rendered before, but must never show a stale
// page: after any edit that a page shows (the study's own fields, its neighbours' titles and
// addresses, its categories, the site settings) every page equals a cold export's.
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import type { SiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { readSampleAsset, sampleSite, sampleStudies } from '../../site/sample-site';

function pages(site: SiteSettings, studies: Study[], memory: ExportMemory): Map<string, string> {
  const { files } = siteExport({ site, studies, readAsset: readSampleAsset, drafts: false, memory });
  return new Map(
    files.filter((f) => f.path.endsWith('.html')).map((f) => [f.path, Buffer.from(f.contents).toString('utf8')]),
  );
}

type Edit = (site: SiteSettings, studies: Study[]) => [SiteSettings, Study[]];

/** Changes fields of the second study (published, with a neighbour on each side). */
const editStudy =
  (patch: Partial<Study>): Edit =>
  (site, studies) => [site, studies.map((s, i) => (i === 1 ? { ...s, ...patch } : s))];

const edits: Record<string, Edit> = {
  'site title': (site, studies) => [{ ...site, title: 'Acme Platform Notes' }, studies],
  'no base URL (no feed link)': (site, studies) => [{ ...site, baseUrl: '' }, studies],
  'study title': editStudy({ title: 'A title edited later' }),
  'study summary': editStudy({ summary: 'A summary edited later.' }),
  'study date': editStudy({ date: '2020-01-02' }),
  'study outcome': editStudy({ outcome: 'mixed' }),
  'study tags': editStudy({ tags: ['edited-tag'] }),
  'study categories': editStudy({ categories: ['Security'] }),
  'study address (a neighbour links to it)': editStudy({ slug: 'a-moved-study' }),
};

describe('re-exporting the site in one process', () => {
  for (const [what, edit] of Object.entries(edits)) {
    it(`after an edit of the ${what}, shows every page as a cold export does`, () => {
      const site = sampleSite();
      const studies = sampleStudies();
      const memory = new ExportMemory();
      const before = pages(site, studies, memory);
      const [editedSite, editedStudies] = edit(site, studies);
      const warm = pages(editedSite, editedStudies, memory);
      const cold = pages(editedSite, editedStudies, new ExportMemory());
      expect(warm).toEqual(cold);
      // The edit shows on some study page, so the comparison above is not between two stale sites.
      const studyPages = [...cold.keys()].filter((p) => p.split('/').length > 1 && !p.startsWith('category/'));
      expect(studyPages.some((p) => cold.get(p) !== before.get(p))).toBe(true);
    });
  }
});
