// A section's trip through Markdown as the file export and import make it (no images).
import { docToMdast } from '../../src/core/pure/markdown/doc-to-mdast';
import { mdastToBlocks } from '../../src/core/pure/markdown/mdast-to-doc';
import { markdownToMdast, mdastToMarkdown } from '../../src/core/pure/markdown/markdown-syntax';
import { canonicalDoc } from '../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc, RichTextNode } from '../../src/core/pure/schemas/rich-text';

export function toMarkdown(section: RichTextDoc, warnings: string[] = []): string {
  return mdastToMarkdown({
    type: 'root',
    children: docToMdast(section, { imageSrc: (src) => src, warn: (w) => warnings.push(w) }),
  });
}

export function fromMarkdown(markdown: string, warnings: string[] = []): RichTextNode[] {
  return mdastToBlocks(markdownToMdast(markdown).children, {
    source: markdown,
    definitions: new Map(),
    images: [],
    warn: (w) => warnings.push(w),
  });
}

export function throughMarkdown(section: RichTextDoc): { markdown: string; back: RichTextDoc; warnings: string[] } {
  const warnings: string[] = [];
  const markdown = toMarkdown(section, warnings);
  return { markdown, back: canonicalDoc({ type: 'doc', content: fromMarkdown(markdown, warnings) }), warnings };
}
