// Every page of an exported site is valid HTML (html-validate, recommended preset) — for a
// realistic workspace with every kind of block, and for a workspace full of hostile input.
import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { siteExport } from '../../../src/core/node/export/site-export';
import { CardCache } from '../../../src/core/node/export/site-cards';
import {
  hostileSite,
  hostileStudies,
  PNG_ASSET,
  readSampleAsset,
  sampleSite,
  sampleStudies,
} from '../../site/sample-site';
import { htmlPages } from '../../site/site-files';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // An SEO heuristic, not a correctness rule: a study title may be long (up to 300
    // characters) and the full title in <title> is what screen readers and tabs should show.
    'long-title': 'off',
  },
});

async function errorsOf(pages: Array<{ path: string; html: string }>): Promise<string[]> {
  const errors: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.path);
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${page.path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return errors;
}

describe('exported pages', () => {
  it('are valid HTML for a realistic workspace, drafts included, with social meta and a cover', async () => {
    const studies = sampleStudies();
    studies[0] = { ...studies[0]!, cover: { src: PNG_ASSET, alt: 'Cost chart' } };
    const { files } = siteExport({
      site: sampleSite(),
      studies,
      readAsset: readSampleAsset,
      drafts: true,
      cards: new CardCache(),
    });
    const pages = htmlPages(files);
    // index, search, 7 studies, 4 categories (3 of the site's and one only a study uses), 3 tags
    // and the tag index, 3 authors, the archive, 404
    expect(pages).toHaveLength(22);
    expect(await errorsOf(pages)).toEqual([]);
  });

  it('are valid HTML when every field holds hostile markup', async () => {
    const { files } = siteExport({
      site: hostileSite(),
      studies: hostileStudies(),
      readAsset: readSampleAsset,
      drafts: false,
      cards: new CardCache(),
    });
    const pages = htmlPages(files);
    expect(pages.length).toBeGreaterThan(8);
    expect(await errorsOf(pages)).toEqual([]);
  });

  it('are valid HTML without a base URL and with an empty workspace', async () => {
    const { files } = siteExport({
      site: sampleSite({ baseUrl: '', tagline: '', description: '', author: '' }),
      studies: [],
      readAsset: () => null,
      drafts: false,
    });
    expect(await errorsOf(htmlPages(files))).toEqual([]);
  });
});
