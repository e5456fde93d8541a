// Right-to-left and per-study language on the published page: the study's language (else the
// site's) is the article's lang; the author's texts take their own direction (dir="auto").
import { describe, expect, it } from 'vitest';
import { studyPreviewHtml } from '../../../src/core/node/export/study-preview';
import { studySchema } from '../../../src/core/pure/schemas/study';
import { doc, makeStudy, readSampleAsset, sampleSite } from '../../site/sample-site';

const arabic = () =>
  makeStudy({
    title: 'ترحيل قاعدة البيانات',
    summary: 'نقلنا الطلبات إلى مخزن جديد',
    language: 'ar',
    problem: doc({ type: 'paragraph', content: [{ type: 'text', text: 'كانت الكتابة بطيئة.' }] }),
  });

describe('a study in its own language', () => {
  it('marks the study page with its language and lets its texts take their direction', () => {
    const html = studyPreviewHtml({
      site: sampleSite({ language: 'en' }),
      study: arabic(),
      readAsset: readSampleAsset,
    });
    expect(html).toContain('<html lang="en">'); // the site's chrome stays in the site's language
    expect(html).toContain('<article class="study" lang="ar">');
    expect(html).toContain('<header class="study-header" dir="auto"><h1>ترحيل قاعدة البيانات</h1>');
    expect(html).toMatch(/<div class="section-text" dir="auto">\s*<p>كانت الكتابة بطيئة\.<\/p>/);
  });

  it('defaults to the site language, and refuses a tag that is not one', () => {
    const html = studyPreviewHtml({
      site: sampleSite({ language: 'pt-BR' }),
      study: makeStudy({ title: 'Sem idioma próprio' }),
      readAsset: readSampleAsset,
    });
    expect(html).toContain('<article class="study" lang="pt-BR">');
    const study = makeStudy({ title: 'Any' });
    expect(studySchema.safeParse({ ...study, language: 'arabic script' }).success).toBe(false);
    expect(studySchema.safeParse({ ...study, language: '"><script>' }).success).toBe(false);
    expect(studySchema.safeParse({ ...study, language: 'zh-Hant-TW' }).success).toBe(true);
    expect(studySchema.safeParse({ ...study, language: null }).success).toBe(true);
  });
});
