// A base URL is where every absolute link of the site starts (canonical, og:url, og:image, the
// feeds, the sitemap, robots.txt, the 404 page): a query, fragment or credentials in the setting
// must not end up in the middle of them.
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { makeStudy, readSampleAsset, sampleSite } from '../../site/sample-site';

describe('absolute links from the base URL', () => {
  it('start from its folder, without its query, fragment or credentials', () => {
    const site = sampleSite({ baseUrl: 'https://user:secret@example.com/blog?ref=x#top' });
    const { files } = siteExport({
      site,
      studies: [makeStudy({ title: 'Based', slug: 'based' })],
      readAsset: readSampleAsset,
      drafts: false,
    });
    const text = (path: string) => String(files.find((f) => f.path === path)!.contents);
    expect(text('based/index.html')).toContain('<link rel="canonical" href="https://example.com/blog/based/">');
    expect(text('robots.txt')).toContain('Sitemap: https://example.com/blog/sitemap.xml');
    expect(text('404.html')).toContain('href="https://example.com/blog/assets/site.css"');
    for (const file of files) {
      const contents = String(file.contents);
      expect(contents, file.path).not.toContain('ref=x');
      expect(contents, file.path).not.toContain('secret');
    }
  });
});
