// Whatever characters a title, summary, tag, author, category or paragraph holds (any unicode,
// control characters, markup), the study page stays valid HTML and shows the text, and the
// reading time follows the words in the four sections.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HtmlValidate } from 'html-validate';
import { siteExport } from '../../../src/core/node/export/site-export';
import { countWords, readingMinutes } from '../../../src/core/pure/reading-time';
import { doc, makeStudy, sampleSite } from '../../site/sample-site';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  // An SEO length heuristic, not correctness (see site-pages-are-valid-html.test.ts).
  rules: { 'long-title': 'off' },
});

describe('any text', () => {
  it('gives a valid study page', async () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(text, text, text, text, async (title, summary, tag, paragraph) => {
        const study = makeStudy({
          id: 'any',
          slug: 'any',
          title,
          summary,
          tags: [tag],
          authors: [tag.trim() || 'x'],
          categories: [tag.trim() || 'x'],
          problem: doc({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] }),
        });
        const { files } = siteExport({
          site: sampleSite({ title }),
          studies: [study],
          readAsset: () => null,
          drafts: false,
        });
        for (const file of files.filter((f) => f.path.endsWith('.html'))) {
          const report = await validator.validateString(String(file.contents), file.path);
          const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
          expect(messages, file.path).toEqual([]);
        }
      }),
      { numRuns: 60, seed: 42 },
    );
    // Seven pages a run (index, study, category, tag, tags, author, archive): validated, they take time.
  }, 120_000);
});

describe('reading time', () => {
  it('counts words at about 230 a minute, at least one minute', () => {
    expect(countWords('Costs grew 40% — in a quarter, see drain().')).toBe(8);
    const words = (n: number) => doc({ type: 'paragraph', content: [{ type: 'text', text: 'word '.repeat(n) }] });
    const study = (n: number) =>
      makeStudy({ title: 't', problem: words(n), decisions: doc(), tradeoffs: doc(), lessons: doc() });
    expect(readingMinutes(study(10))).toBe(1);
    expect(readingMinutes(study(1150))).toBe(5);
    expect(
      readingMinutes(
        makeStudy({ title: 't', problem: words(460), lessons: words(460), decisions: doc(), tradeoffs: doc() }),
      ),
    ).toBe(4);
  });
});
