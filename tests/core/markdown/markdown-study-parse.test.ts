// One hand-written Markdown file → a study: how its title is found (front matter, first H1, file
// name, or the folder of an index.md), files saved with a BOM or Windows / old Mac line ends,
// reference definitions, which images the import copies, and the line a refusal names.
import { describe, expect, it } from 'vitest';
import { parseMarkdownStudy, type ParsedStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { docToPlainText } from '../../../src/core/pure/schemas/rich-text';

function study(text: string, fileName = 'notes.md'): { study: ParsedStudy; images: string[]; warnings: string[] } {
  const parsed = parseMarkdownStudy(text, fileName);
  if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.reason}`);
  return parsed;
}

describe('the title of an imported file', () => {
  it('is the first level-1 heading, trimmed, which then leaves the text', () => {
    const { study: s } = study('Before.\n\n#   Moving the queue  \n\n## Problem\n\nWhy.\n\n# Second H1\n');
    expect(s.title).toBe('Moving the queue');
    expect(docToPlainText(s.problem!)).toBe('Before.\nWhy.\nSecond H1');
  });

  it('is the heading that opens the file, without spaces written as entities at its end', () => {
    const { study: s } = study('# Opening title&#32;\n\nText.\n');
    expect(s.title).toBe('Opening title');
    expect(docToPlainText(s.problem!)).toBe('Text.');
  });

  it('is the front matter title when there is one; the H1 then stays in the text', () => {
    const { study: s } = study('---\ntitle: "From the head"\n---\n# In the body\n\nText.\n');
    expect(s.title).toBe('From the head');
    expect(docToPlainText(s.problem!)).toBe('In the body\nText.');
  });

  it('is the file name without its extension, or the folder’s name for an index file', () => {
    expect(study('Text.', 'posts/queue-move.md').study.title).toBe('queue-move');
    expect(study('Text.', 'posts/queue-move.MARKDOWN').study.title).toBe('queue-move');
    expect(study('Text.', 'posts/queue-move/index.md').study.title).toBe('queue-move');
    expect(study('Text.', 'posts/queue-move/INDEX.md').study.title).toBe('queue-move');
    expect(study('Text.', 'content/blog/_index.md').study.title).toBe('blog');
    expect(study('Text.', 'posts/reindex.md').study.title).toBe('reindex');
    expect(study('Text.', 'posts/index-of-costs.md').study.title).toBe('index-of-costs');
    expect(study('Text.', 'posts/v1.md-final.md').study.title).toBe('v1.md-final');
  });
});

describe('how a file was saved', () => {
  it('reads front matter after a byte order mark', () => {
    expect(study('\uFEFF---\ntitle: "With a BOM"\n---\nText.\n').study.title).toBe('With a BOM');
    // Only a mark at the very start is one; inside the text it is a character like any other.
    expect(JSON.stringify(study('Zero\uFEFFwidth.').study.problem)).toContain('Zero\uFEFFwidth.');
  });

  it('reads Windows and old Mac line ends as newlines', () => {
    const windows = study('---\r\ntitle: "Windows"\r\noutcome: failed\r\n---\r\n## Problem\r\n\r\nWhy.\r\n').study;
    expect(windows).toMatchObject({ title: 'Windows', outcome: 'failed' });
    expect(docToPlainText(windows.problem!)).toBe('Why.');
    const mac = study('---\rtitle: "Mac"\r---\r## Lessons\r\rLearned.\r').study;
    expect(mac.title).toBe('Mac');
    expect(docToPlainText(mac.lessons!)).toBe('Learned.');
  });
});

describe('reference definitions', () => {
  it('the first definition of a label wins, also one inside a quote', () => {
    const { study: s } = study(
      'See [the runbook][rb] and [the dashboard][dash].\n\n> [dash]: https://dash.example/\n\n[rb]: https://first.example/\n[RB]: https://second.example/\n',
    );
    const links = JSON.stringify(s.problem);
    expect(links).toContain('https://first.example/');
    expect(links).not.toContain('https://second.example/');
    expect(links).toContain('https://dash.example/');
  });
});

describe('the images an import copies', () => {
  it('are those left in a section, not those dropped from a heading, nor remote ones', () => {
    const { images, study: s } = study(
      '## Problem\n\n![Chart](chart.png)\n\n### A heading ![icon](icon.png)\n\n## Lessons\n\n![Chart again](chart.png)\n\n![Remote](https://example.com/r.png)\n',
    );
    // The import copies each name once (copyImages).
    expect([...new Set(images)]).toEqual(['chart.png']);
    expect(JSON.stringify(s)).not.toContain('icon.png');
  });
});

describe('a refused file', () => {
  it('names line 1 when the front matter is never closed', () => {
    expect(parseMarkdownStudy('---\ntitle: "Open"\n\nText.\n', 'open.md')).toMatchObject({ ok: false, line: 1 });
  });

  it('refuses a section nested past what a study holds, though within what the reader takes', () => {
    const parsed = parseMarkdownStudy(`---\ntitle: "Deep"\n---\n${'>'.repeat(110)} x\n`, 'deep.md');
    expect(parsed).toEqual({ ok: false, line: 4, reason: expect.stringMatching(/^problem: /) });
  });

  it('names the line of nesting too deep, counted from the top of the file', () => {
    const parsed = parseMarkdownStudy(`---\ntitle: "Deep"\n---\nText.\n\n${'>'.repeat(200)} x\n`, 'deep.md');
    expect(parsed).toEqual({ ok: false, line: 6, reason: expect.stringMatching(/nested more than \d+ levels deep/) });
  });

  it('names the field and its line when a value breaks the study’s rules', () => {
    const parsed = parseMarkdownStudy(`---\nsummary: "ok"\ntitle: "${'t'.repeat(301)}"\n---\nText.\n`, 'long.md');
    expect(parsed).toEqual({ ok: false, line: 3, reason: expect.stringMatching(/^title: /) });
  });

  it('names the first line for a title from the first heading that is too long', () => {
    const parsed = parseMarkdownStudy(`Intro.\n\n# ${'t'.repeat(301)}\n`, 'long.md');
    expect(parsed).toEqual({ ok: false, line: 1, reason: expect.stringMatching(/^title: /) });
  });
});
