// The site's sections rendered on worker threads (site-prerender.ts) make the very pages one
// thread makes: the export then renders nothing itself, every section comes from the cache,
// images included (one workspace image, one remote, one refused); the site pipeline's
// pre-render draws the social cards on the same threads.
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { PersistentRenderCache } from '../../../src/core/node/export/site-render-cache';
import { prerenderSections } from '../../../src/core/node/export/site-prerender';
import { prerenderStats, RenderWorkers } from '../../../src/core/node/export/render-workers';
import { studyBodyStats } from '../../../src/core/node/export/site-study-body';
import { generateRealisticStudies } from '../../../bench/realistic-studies';
import { sectionKeys } from '../../../src/core/pure/schemas/study';
import { PNG_ASSET, doc, readSampleAsset, sampleSite } from '../../site/sample-site';
import { exportPipeline } from '../../../src/core/node/export/export-pipelines';
import { CardCache } from '../../../src/core/node/export/site-cards';
import { cardRenderStats } from '../../../src/core/node/export/site-card-render';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import { searchStats } from '../../../src/core/node/export/site-search-file';
import { imageSize } from '../../../src/core/pure/image-size';

describe('prerenderSections', () => {
  it('renders on workers exactly what the export renders itself', async () => {
    const studies = generateRealisticStudies(12, 7).map((s, i) => ({
      ...s,
      status: 'published' as const,
      ...(i === 3
        ? {
            lessons: doc(
              { type: 'image', attrs: { src: PNG_ASSET, alt: 'chart' } },
              { type: 'image', attrs: { src: 'https://example.com/a.png', alt: '' } },
              { type: 'image', attrs: { src: 'javascript:alert(1)', alt: '' } },
            ),
          }
        : {}),
    }));
    const input = { site: sampleSite(), studies, drafts: false, readAsset: readSampleAsset };

    const alone = siteExport({ ...input, memory: new ExportMemory() });

    const cache = new PersistentRenderCache();
    const resolve = (src: string) =>
      src === PNG_ASSET
        ? { name: PNG_ASSET.slice('assets/'.length), size: imageSize(readSampleAsset(PNG_ASSET)!) }
        : src.startsWith('https:')
          ? { remote: src }
          : null;
    const rendered = await prerenderSections(studies, resolve, cache, 8);
    expect(rendered).toBeGreaterThan(30);
    studyBodyStats.rendered = 0;
    const parallel = siteExport({ ...input, renderCache: cache, memory: new ExportMemory() });
    expect(studyBodyStats.rendered).toBe(0);
    expect(parallel.files).toEqual(alone.files);
    expect(parallel.warnings).toEqual(alone.warnings);
  }, 60_000);

  it('stops a worker that exceeds its time bound and renders its share on this thread', async () => {
    const studies = generateRealisticStudies(8, 3).map((s) => ({ ...s, status: 'published' as const }));
    const input = { site: sampleSite(), studies, drafts: false, readAsset: readSampleAsset };
    const alone = siteExport({ ...input, memory: new ExportMemory() });
    const cache = new PersistentRenderCache();
    // A bound of 1 ms: no worker even starts within it, so every one is stopped.
    prerenderStats.stopped = 0;
    const rendered = await prerenderSections(studies, () => null, cache, 8, new RenderWorkers(2, 1));
    expect(prerenderStats.stopped).toBeGreaterThanOrEqual(2);
    expect(rendered).toBe(new Set(studies.flatMap((s) => sectionKeys.map((k) => JSON.stringify(s[k])))).size);
    studyBodyStats.rendered = 0;
    const parallel = siteExport({ ...input, renderCache: cache, memory: new ExportMemory() });
    expect(studyBodyStats.rendered).toBe(0);
    expect(parallel.files).toEqual(alone.files);
  }, 60_000);

  it('the site pipeline renders sections, draws cards and takes search words on one queue before the export, which then does none of it', async () => {
    // 20 studies: 80 sections alone would not start workers, 21 cards do; all ride the same threads.
    // One shows a workspace image: the pre-render gives it the size the export gives it.
    const studies = generateRealisticStudies(20, 11).map((s, i) => ({
      ...s,
      status: 'published' as const,
      ...(i === 2 ? { lessons: doc({ type: 'image', attrs: { src: PNG_ASSET, alt: 'chart' } }) } : {}),
    }));
    const base = { site: sampleSite(), studies, drafts: false, readAsset: readSampleAsset };
    const alone = siteExport({ ...base, memory: new ExportMemory(), cards: new CardCache() });
    const input = {
      ...base,
      // The same studies as new objects: nothing the export above worked out is known for them.
      studies: structuredClone(studies),
      memory: new ExportMemory(),
      renderCache: new PersistentRenderCache(),
      cards: new CardCache(),
    };
    const pipeline = exportPipeline('site');
    await pipeline.prepare!(input);
    studyBodyStats.rendered = 0;
    const drawnBefore = cardRenderStats.renders;
    const searchedBefore = searchStats.computed;
    const prepared = pipeline.run(input);
    expect(studyBodyStats.rendered).toBe(0);
    expect(searchStats.computed).toBe(searchedBefore);
    expect(cardRenderStats.renders).toBe(drawnBefore);
    expect(input.cards.drawn).toBe(studies.length + 1 + buildSiteModel(base.site, studies, false).categories.length);
    expect(prepared.files).toEqual(alone.files);
  }, 120_000);
});
