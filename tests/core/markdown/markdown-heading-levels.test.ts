// In the Markdown export the four sections are `##`; a heading the author wrote inside a section
// sits below them (editor H2 → `###` … H4 → `#####`), and a level the editor never makes (a
// hand-edited or imported file) is brought into that range, never above a section heading.
import { describe, expect, it } from 'vitest';
import { markdownExport } from '../../../src/core/node/markdown/markdown-export';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { sampleStudy } from '../../helpers/study-files';

function problemMarkdown(levels: unknown[]): string[] {
  const problem = {
    type: 'doc',
    content: levels.map((level, n) => ({
      type: 'heading',
      attrs: { level },
      content: [{ type: 'text', text: `Heading ${n}` }],
    })),
  } as RichTextDoc;
  const study = sampleStudy(1, { status: 'published', problem });
  const { files } = markdownExport({
    site: defaultSiteSettings(),
    studies: [study],
    readAsset: () => null,
    drafts: false,
  });
  return files[0]!.contents
    .toString()
    .split('\n')
    .filter((line) => /^#+ /.test(line));
}

describe('headings in the Markdown export', () => {
  it('sit one level below the section headings, as in the editor', () => {
    expect(problemMarkdown([2, 3, 4]).slice(0, 4)).toEqual([
      '## Problem',
      '### Heading 0',
      '#### Heading 1',
      '##### Heading 2',
    ]);
  });

  it('never rise to a section heading nor sink past the deepest level, whatever the file says', () => {
    expect(problemMarkdown([1, 0, -3, 5, 6, 99, undefined]).slice(1, 8)).toEqual([
      '### Heading 0',
      '### Heading 1',
      '### Heading 2',
      '#### Heading 3', // 5 is the deepest, 4, and one below the `###` before it
      '##### Heading 4',
      '##### Heading 5',
      '### Heading 6',
    ]);
  });

  it('read a level that is not a number as the top level inside a section, never as `#`', () => {
    expect(problemMarkdown(['x', '3', null, 2.5]).slice(1, 5)).toEqual([
      '### Heading 0',
      '#### Heading 1',
      '### Heading 2',
      '### Heading 3',
    ]);
  });
});
