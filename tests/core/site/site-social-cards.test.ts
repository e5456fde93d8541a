// Sharing a study's link: OpenGraph/Twitter meta and JSON-LD on its page (escaped, whatever the
// title holds), a generated 1200×630 card when it has no cover, its cover when it has one, and
// cards cached in the workspace so an export with nothing changed draws none.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { CardCache } from '../../../src/core/node/export/site-cards';
import { cardRenderStats } from '../../../src/core/node/export/site-card-render';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { exportStudies } from '../../../src/core/node/workspace-export';
import { cardSvg } from '../../../src/core/pure/export/site-card-svg';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import { prerenderCards, siteCardSvgs } from '../../../src/core/node/export/site-card-prerender';
import { imageSize } from '../../../src/core/pure/image-size';
import type { Study } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';
import { makeStudy, PNG_ASSET, readSampleAsset, sampleSite } from '../../site/sample-site';
import { withoutThemeScripts } from '../../helpers/site-scripts';

const HOSTILE = `</script><script>alert(1)</script> "quoted" & <b>bold</b> \u2028`;

function exportWith(studies: Study[], baseUrl = 'https://eng.example.com/cases/') {
  const { files } = siteExport({
    site: sampleSite({ baseUrl }),
    studies,
    readAsset: readSampleAsset,
    drafts: false,
    cards: new CardCache(),
  });
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const text = (p: string) => Buffer.from(byPath.get(p)!).toString('utf8');
  return { files, byPath, text };
}

const meta = (html: string, property: string) =>
  [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)]
    .filter((m) => m[1] === property)
    .map((m) => m[2]!);

const jsonLd = (html: string) => {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]![1]!) as Record<string, unknown>;
};

describe('social meta', () => {
  it('carries a hostile title escaped in every tag and as data in JSON-LD that parses', () => {
    const study = makeStudy({ title: HOSTILE, slug: 'hostile', tags: ['<img src=x>'], date: '2026-03-01' });
    const { text } = exportWith([study]);
    const html = text('hostile/index.html');
    // One script element only (the JSON-LD): the title's </script> did not end it.
    expect(withoutThemeScripts(html).match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<b>bold');
    expect(meta(html, 'og:title')[0]).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    expect(meta(html, 'og:type')).toEqual(['article']);
    expect(meta(html, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(html, 'article:published_time')).toEqual(['2026-03-01']);
    expect(meta(html, 'article:modified_time')).toEqual([study.updatedAt]);
    expect(meta(html, 'article:author')).toEqual(['Ada Lovelace']);
    expect(meta(html, 'og:url')).toEqual(['https://eng.example.com/cases/hostile/']);
    const data = jsonLd(html);
    expect(data['@type']).toBe('BlogPosting');
    expect(data.headline).toBe(HOSTILE.trim());
    expect(data.datePublished).toBe('2026-03-01');
    expect(data.dateModified).toBe(study.updatedAt);
    expect(data.author).toEqual([{ '@type': 'Person', name: 'Ada Lovelace' }]);
    expect(data.image).toBe(meta(html, 'og:image')[0]);
  });

  it('points og:image at a generated 1200×630 PNG in the folder: absolute with a base URL, relative without', () => {
    const study = makeStudy({ title: 'An edge cache for everyone', slug: 'edge' });
    const withBase = exportWith([study]);
    const image = meta(withBase.text('edge/index.html'), 'og:image')[0]!;
    expect(image).toMatch(/^https:\/\/eng\.example\.com\/cases\/assets\/cards\/[a-f0-9]{32}\.png$/);
    const png = withBase.byPath.get(image.slice('https://eng.example.com/cases/'.length)) as Uint8Array;
    expect(imageSize(png)).toEqual({ width: 1200, height: 630 });

    const noBase = exportWith([study], '');
    const relative = meta(noBase.text('edge/index.html'), 'og:image')[0]!;
    expect(relative).toMatch(/^\.\.\/assets\/cards\/[a-f0-9]{32}\.png$/);
    expect(meta(noBase.text('edge/index.html'), 'og:url')).toEqual([]);
    // Every page has an image: the index and category pages have cards of their own.
    for (const page of ['index.html', ...noBase.files.map((f) => f.path).filter((p) => p.startsWith('category/'))]) {
      if (page.endsWith('.html')) expect(meta(noBase.text(page), 'og:image')).toHaveLength(1);
    }
  });

  it('shows a cover at the top of the page, sized, and shares it instead of a card', () => {
    const study = makeStudy({ title: 'Covered', slug: 'covered', cover: { src: PNG_ASSET, alt: 'A <chart>' } });
    const { text, byPath } = exportWith([study]);
    const html = text('covered/index.html');
    const name = PNG_ASSET.slice('assets/'.length);
    const size = imageSize(readSampleAsset(PNG_ASSET)!)!;
    expect(html).toContain(
      `<figure class="study-cover"><img src="../assets/img/${name}" alt="A &lt;chart&gt;" width="${size.width}" height="${size.height}" loading="eager" decoding="async"></figure>`,
    );
    expect(byPath.has(`assets/img/${name}`)).toBe(true);
    expect(meta(html, 'og:image')).toEqual([`https://eng.example.com/cases/assets/img/${name}`]);
    expect(meta(html, 'og:image:alt')).toEqual(['A &lt;chart&gt;']);
    expect(jsonLd(html).image).toBe(`https://eng.example.com/cases/assets/img/${name}`);
  });

  it('wraps and clamps a long title on the card, and escapes it for XML', () => {
    const svg = cardSvg({
      title: `${'word '.repeat(200)}<&>`,
      summary: 's',
      siteName: 'x',
      outcome: '',
      keyResult: '',
    });
    const titles = [...svg.matchAll(/font-size="(?:54|64)"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(titles).toHaveLength(3);
    expect(titles[2]).toMatch(/…$/);
    const hostile = cardSvg({ title: '<&>"', summary: '</svg>', siteName: '&', outcome: '', keyResult: '' });
    expect(hostile).toContain('&lt;&amp;&gt;&quot;');
    expect(hostile.match(/<\/svg>/g)).toHaveLength(1);
  });
});

describe('card cache', () => {
  it('a re-export in a fresh process with nothing changed draws no card, and writes the same cards', async () => {
    await withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      await mkdir(ws);
      const studies = [1, 2, 3].map((n) =>
        makeStudy({ title: `Study number ${n}`, slug: `s-${n}`, date: `2026-01-0${n}` }),
      );
      const run = (out: string) =>
        exportStudies(
          ws,
          sampleSite(),
          studies,
          { format: 'site', outDir: out, drafts: false, allowErrors: true },
          new ExportMemory(),
        );
      const before = cardRenderStats.renders;
      await run(path.join(dir, 'out-1'));
      // Three studies, the index and the one category: five cards drawn.
      const drawn = cardRenderStats.renders - before;
      expect(drawn).toBe(5);
      await run(path.join(dir, 'out-2'));
      expect(cardRenderStats.renders - before).toBe(drawn);
      // The index the second export kept (of cards it read, not drew) serves a third as well.
      await run(path.join(dir, 'out-3'));
      expect(cardRenderStats.renders - before).toBe(drawn);
      const cards = async (out: string) => {
        const folder = path.join(dir, out, 'assets/cards');
        const names = (await readdir(folder)).sort();
        return Promise.all(names.map(async (n) => [n, await readFile(path.join(folder, n))] as const));
      };
      expect(await cards('out-2')).toEqual(await cards('out-1'));
      // The cache lives in the workspace, never in the export folder.
      expect((await readdir(path.join(ws, '.casebook', 'social-cards'))).length).toBe(drawn + 1);
      expect(await readdir(path.join(dir, 'out-2'))).not.toContain('.casebook');
    });
  });
});

describe('card pre-render', () => {
  it('draws the missing cards before the export (workers and this thread); the export then draws none, with the same bytes', async () => {
    const studies = Array.from({ length: 20 }, (_, n) =>
      makeStudy({ title: `Pre-rendered study ${n}`, slug: `p-${n}` }),
    );
    const site = sampleSite();
    const model = buildSiteModel(site, studies, false);
    const svgs = siteCardSvgs(model, () => false);
    expect(svgs).toHaveLength(20 + 1 + model.categories.length);
    const cache = new CardCache();
    const drawn = await prerenderCards(svgs, cache, undefined, 1);
    expect(drawn).toBe(svgs.length);
    const before = cardRenderStats.renders;
    const warm = siteExport({ site, studies, readAsset: readSampleAsset, drafts: false, cards: cache }).files;
    expect(cardRenderStats.renders).toBe(before);
    const cold = siteExport({ site, studies, readAsset: readSampleAsset, drafts: false, cards: new CardCache() }).files;
    const cardsOf = (files: typeof warm) => files.filter((f) => f.path.startsWith('assets/cards/'));
    expect(cardsOf(warm)).toEqual(cardsOf(cold));
    expect(cardsOf(warm)).toHaveLength(svgs.length);
  }, 60_000);
});
