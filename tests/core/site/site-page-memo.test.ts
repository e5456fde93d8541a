// The page memo must never serve a stale page: after any one field of a study changes, a
// re-export in the same process gives exactly the pages a fresh process would.
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import type { Study } from '../../../src/core/pure/schemas/study';
import { makeStudy, readSampleAsset, sampleSite } from '../../site/sample-site';

const studies = (): Study[] => [
  makeStudy({ id: 'one', title: 'First study', outcome: 'succeeded', tags: ['aws'] }),
  makeStudy({ id: 'two', title: 'Second study', outcome: 'failed' }),
];
const pagesOf = (list: Study[], memory: ExportMemory) =>
  new Map(
    siteExport({ site: sampleSite(), studies: list, readAsset: readSampleAsset, drafts: true, memory }).files.map(
      (f) => [f.path, String(f.contents)],
    ),
  );

// One change per field a study page can show; each keeps the study valid.
const changes: Array<[string, Partial<Study>]> = [
  ['outcome', { outcome: 'mixed' }],
  ['outcome cleared', { outcome: null }],
  ['title', { title: 'First study, renamed' }],
  ['summary', { summary: 'Another summary' }],
  ['status', { status: 'draft' }],
  ['date', { date: '2025-12-31' }],
  ['tags', { tags: ['gcp', 'cost'] }],
  ['categories', { categories: ['Optimization & Migration Wins'] }],
  ['featured', { featured: true }],
  ['updatedAt', { updatedAt: '2026-02-02T10:00:00.000Z' }],
];

describe('site page memo', () => {
  it.each(changes)('a changed %s re-renders the page exactly as a fresh export would', (_name, change) => {
    const memory = new ExportMemory();
    const before = studies();
    const warmFirst = pagesOf(before, memory);
    const after = before.map((s) => (s.id === 'one' ? { ...s, ...change } : s));
    const warm = pagesOf(after, memory);
    const cold = pagesOf(after, new ExportMemory());
    expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort());
    for (const [file, html] of cold) expect(warm.get(file), file).toBe(html);
    // The change is visible somewhere, so the comparison above is not of identical sites.
    expect([...warm].some(([file, html]) => warmFirst.get(file) !== html)).toBe(true);
  });
});
