// The images of a Markdown export: the cover travels beside index.md like any image (one file
// when a section shows it too), a cover that cannot be exported is named in the warnings, a
// remote image stays an address, and anything else says what an image may be.
import { describe, expect, it } from 'vitest';
import { markdownExport, studyToMarkdown } from '../../../src/core/node/markdown/markdown-export';
import { parseMarkdownStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { emptyDoc } from '../../../src/core/pure/schemas/rich-text';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { SAMPLE_IMAGE_HASH, SAMPLE_PNG, sampleStudies } from '../../fixtures/markdown/sample-workspace';

const IMAGE = `assets/${SAMPLE_IMAGE_HASH}.png`;
const readAsset = (rel: string) => (rel === IMAGE ? SAMPLE_PNG : null);
const imageDoc = (...srcs: string[]): Study['problem'] => ({
  type: 'doc',
  content: srcs.map((src) => ({ type: 'image', attrs: { src, alt: 'A picture' } })),
});
const study = (patch: Partial<Study>): Study => ({ ...sampleStudies()[0]!, ...patch });

describe('the cover in a Markdown export', () => {
  it('is written beside index.md, once when a section shows it too, and read back as the cover', () => {
    const cover = { src: IMAGE, alt: 'The bill' };
    const { files, warnings } = markdownExport({
      site: defaultSiteSettings(),
      studies: [study({ cover, problem: imageDoc(IMAGE) })],
      readAsset,
      drafts: false,
    });
    expect(warnings).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(['cloud-bill/index.md', `cloud-bill/${SAMPLE_IMAGE_HASH}.png`]);
    expect(files[1]!.contents).toEqual(SAMPLE_PNG);
    const back = parseMarkdownStudy(String(files[0]!.contents), 'cloud-bill/index.md');
    expect(back.ok && back.study.cover).toEqual(cover);
  });

  it('that is missing is named twice: the image, and that the cover was not exported', () => {
    const missing = `assets/${'e'.repeat(64)}.png`;
    const warnings: string[] = [];
    const { assets, markdown } = studyToMarkdown(study({ cover: { src: missing, alt: '' }, problem: emptyDoc() }), {
      readAsset,
      warn: (m) => warnings.push(m),
    });
    expect(assets.size).toBe(0);
    expect(warnings).toEqual([
      `the image ${missing} is missing from the workspace; it was left out.`,
      'The cover image was not exported.',
    ]);
    // The front matter still names what the study holds; the file is simply not beside it.
    expect(markdown).toMatch(/^cover:/m);
  });
});

describe('images in sections', () => {
  it('keeps a remote image as its address and copies nothing for it', () => {
    const { assets, markdown } = studyToMarkdown(study({ problem: imageDoc('https://cdn.example.com/chart.png') }), {
      readAsset,
      warn: () => {},
    });
    expect(assets.size).toBe(0);
    expect(markdown).toContain('![A picture](https://cdn.example.com/chart.png)');
  });

  it('says an image must be a workspace image or an http(s) address when it is neither', () => {
    const warnings: string[] = [];
    studyToMarkdown(study({ problem: imageDoc('file:///etc/passwd') }), { readAsset, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      'the image "file:///etc/passwd" is not a workspace image or an http(s) address; it was left out.',
    ]);
  });
});
