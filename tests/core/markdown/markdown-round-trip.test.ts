// Property: importing the Markdown export of any study gives back the same study — metadata
// exactly, rich text up to markdownNormalForm (the documented limits of Markdown).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownExport } from '../../../src/core/node/markdown/markdown-export';
import { rewriteImages } from '../../../src/core/node/markdown/markdown-import';
import { parseMarkdownStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { sectionKeys, type Study } from '../../../src/core/pure/schemas/study';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { ARB_ASSETS, studyArb } from '../../fixtures/markdown/study-arbitraries';

const RUNS = Number(process.env.MARKDOWN_PROPERTY_RUNS ?? 200);

/** Export one study, parse its index.md back, and point images at the workspace again. */
function roundTrip(study: Study) {
  const { files, warnings } = markdownExport({
    site: defaultSiteSettings(),
    studies: [study],
    readAsset: (rel) => ARB_ASSETS.get(rel) ?? null,
    drafts: true,
  });
  const index = files.find((f) => f.path === `${study.slug}/index.md`);
  if (!index || typeof index.contents !== 'string') throw new Error('no index.md exported');
  const parsed = parseMarkdownStudy(index.contents, `${study.slug}/index.md`);
  if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.reason}\n${index.contents}`);
  // Every image beside index.md is one the export wrote; import would copy it to assets/.
  const beside = new Map(parsed.images.map((src) => [src, `assets/${src}`]));
  for (const src of parsed.images) expect(files.some((f) => f.path === `${study.slug}/${src}`)).toBe(true);
  const back = parsed.study;
  for (const key of sectionKeys) back[key] = rewriteImages(back[key]!, beside);
  return { back, markdown: index.contents, warnings };
}

describe('Markdown round trip', () => {
  it(
    'gives back every study field and the rich text of every section',
    () => {
      fc.assert(
        fc.property(studyArb, (study) => {
          const { back, markdown } = roundTrip(study);
          const meta = {
            id: back.id,
            slug: back.slug,
            title: back.title,
            summary: back.summary,
            status: back.status,
            outcome: back.outcome ?? null,
            categories: back.categories,
            tags: back.tags,
            authors: back.authors ?? [],
            featured: back.featured,
            metrics: back.metrics ?? [],
            cover: back.cover ?? null,
            language: back.language ?? null,
            date: back.date ?? null,
            createdAt: back.createdAt,
            updatedAt: back.updatedAt,
          };
          // The conflict list is not exported (it is the author's to resolve, not a page's).
          const {
            schemaVersion: _v,
            problem: _p,
            decisions: _d,
            tradeoffs: _t,
            lessons: _l,
            conflicts: _x,
            conflictCount: _n,
            ...expected
          } = study;
          expect(meta, markdown).toEqual(expected);
          for (const key of sectionKeys) {
            expect(back[key], `${key}\n${markdown}`).toEqual(markdownNormalForm(study[key]));
          }
        }),
        { numRuns: RUNS },
      );
    },
    30_000 + RUNS * 300,
  );
});
