// A study file is shared through git, so a timeline may arrive in shapes the editor never makes:
// a timeline with no entries, an entry outside any timeline, a timeline holding a paragraph.
// The study page stays valid HTML (html-validate, as the other site tests), shows no empty
// "Timeline" figure, and keeps every entry's time, label and text.
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { doc, makeStudy, sampleSite } from '../../site/sample-site';
import { htmlPages } from '../../site/site-files';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });

const t = (text: string): RichTextNode => ({ type: 'text', text });
const p = (text: string): RichTextNode => ({ type: 'paragraph', content: [t(text)] });
const entry = (time: string, kind: string, text: string): RichTextNode => ({
  type: 'timelineEntry',
  attrs: { time, kind },
  content: [t(text)],
});

async function studyPage(...problem: RichTextNode[]): Promise<{ html: string; errors: string[] }> {
  const { files } = siteExport({
    site: sampleSite(),
    studies: [makeStudy({ title: 'Outage', slug: 'outage', problem: doc(...problem) })],
    readAsset: () => null,
    drafts: false,
  });
  const page = htmlPages(files).find((f) => f.path.includes('outage'));
  if (!page) throw new Error('no study page');
  const report = await validator.validateString(page.html, page.path);
  const errors = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
  return { html: page.html, errors };
}

describe('a timeline out of shape on the study page', () => {
  it('with no entries is not shown at all', async () => {
    const { html, errors } = await studyPage(p('Before.'), { type: 'timeline' }, { type: 'timeline', content: [] });
    expect(errors).toEqual([]);
    expect(html).toContain('<p>Before.</p>');
    expect(html).not.toContain('timeline-title');
    expect(html).not.toContain('<ol class="timeline-entries">');
  });

  it('an entry outside a timeline is a paragraph with its time, label and text, wherever it stands', async () => {
    const { html, errors } = await studyPage(
      entry('14:02', 'detection', 'Paged <on-call>'),
      { type: 'blockquote', content: [entry('Day 2', '', 'Quoted')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [entry('', 'resolution', 'Listed')] }] },
    );
    expect(errors).toEqual([]);
    expect(html).not.toMatch(/<li class="timeline-entry/);
    expect(html).toContain(
      '<p class="timeline-loose-entry timeline-detection"><time class="timeline-time" datetime="14:02">14:02</time>' +
        '<span class="timeline-kind">Detected</span><span class="timeline-text">Paged &lt;on-call&gt;</span></p>',
    );
    expect(html).toContain('<span class="timeline-time">Day 2</span><span class="timeline-text">Quoted</span>');
    expect(html).toContain('<span class="timeline-kind">Resolved</span><span class="timeline-text">Listed</span>');
  });

  it('holding something other than entries puts it in an item of its own; the entries keep their figures', async () => {
    const { html, errors } = await studyPage({
      type: 'timeline',
      content: [entry('14:00', '', 'Alert'), p('A stray paragraph'), entry('14:10', 'detection', 'Paged')],
    });
    expect(errors).toEqual([]);
    expect(html.match(/class="timeline-title"/g)).toHaveLength(1);
    expect(html).toContain('<li><p>A stray paragraph</p></li>');
    expect(html.match(/<li class="timeline-entry/g)).toHaveLength(2);
    expect(html).toContain('<dt>Time to detect</dt><dd><time datetime="PT10M">10 min</time></dd>');
  });
});
