// Images in each output: the site writes one only where the caller says its file lives and only
// a safe address; the Markdown export writes exactly the address it was given; an import keeps
// relative and http(s) images, leaves out any other with a warning, and a heading, a table cell
// or a timeline entry, which hold one line, keep an image's alt text at most.
import { describe, expect, it } from 'vitest';
import { docToMdast } from '../../../src/core/pure/markdown/doc-to-mdast';
import { mdastToBlocks } from '../../../src/core/pure/markdown/mdast-to-doc';
import { markdownToMdast, mdastToMarkdown } from '../../../src/core/pure/markdown/markdown-syntax';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { normalizeLabel } from '../../../src/core/pure/markdown/reference-label';
import type { Definition } from 'mdast';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const image = (attrs: Record<string, unknown>): RichTextNode => ({ type: 'image', attrs });
const site = (node: RichTextNode, resolveImage?: (src: string) => string | null) =>
  richTextToHtml(doc(node), resolveImage ? { resolveImage } : {});

function exported(node: RichTextNode, imageSrc: (src: string) => string | null = (s) => s) {
  return mdastToMarkdown({ type: 'root', children: docToMdast(doc(node), { imageSrc, warn: () => {} }) });
}

/** Reads Markdown as the import does, its reference definitions set aside first. */
function imported(markdown: string) {
  const warnings: string[] = [];
  const images: string[] = [];
  const tree = markdownToMdast(markdown);
  const definitions = new Map<string, Definition>();
  for (const node of tree.children)
    if (node.type === 'definition') definitions.set(normalizeLabel(node.identifier), node);
  const blocks = mdastToBlocks(tree.children, { source: markdown, definitions, images, warn: (w) => warnings.push(w) });
  return { blocks, images, warnings };
}

describe('an image on the site', () => {
  const resolve = (src: string) => `../${src}`;

  it('is a figure with the resolved address, its alt text and a title when it has one, all escaped', () => {
    expect(site(image({ src: 'assets/a.png', alt: 'A "b" <c>', title: 'T & t' }), resolve)).toBe(
      '<figure><img src="../assets/a.png" alt="A &quot;b&quot; &lt;c&gt;" title="T &amp; t" loading="lazy"></figure>',
    );
    expect(site(image({ src: 'assets/a.png', alt: 5, title: '' }), resolve)).toBe(
      '<figure><img src="../assets/a.png" alt="" loading="lazy"></figure>',
    );
    expect(site(image({ src: 'assets/a.png', title: 7 }), resolve)).not.toContain('title=');
  });

  it('has its pixel size, asked for by the address the page uses, when the caller knows it', () => {
    const asked: string[] = [];
    const html = richTextToHtml(doc(image({ src: 'assets/a.png', alt: 'A' })), {
      resolveImage: resolve,
      imageSize: (url) => (asked.push(url), { width: 640, height: 480 }),
    });
    expect(html).toBe('<figure><img src="../assets/a.png" alt="A" width="640" height="480" loading="lazy"></figure>');
    expect(asked).toEqual(['../assets/a.png']);
    const unknown = richTextToHtml(doc(image({ src: 'assets/a.png', alt: 'A' })), {
      resolveImage: resolve,
      imageSize: () => null,
    });
    expect(unknown).toBe('<figure><img src="../assets/a.png" alt="A" loading="lazy"></figure>');
  });

  it('is left out where no file is known for it, or its address is not safe', () => {
    expect(site(image({ src: 'assets/a.png' }))).toBe('');
    expect(site(image({ src: 5 }), resolve)).toBe('');
    expect(site(image({}), resolve)).toBe('');
    expect(site({ type: 'image' }, resolve)).toBe('');
    expect(site(image({ src: 'assets/a.png' }), () => 'javascript:alert(1)')).toBe('');
  });
});

describe('an image in the Markdown export', () => {
  it('is a paragraph of its own with the address given for it, its alt text and a real title', () => {
    expect(exported(image({ src: 'assets/a.png', alt: 'A', title: 'T' }), (s) => s.slice(7))).toBe('![A](a.png "T")\n');
    expect(exported(image({ src: 'assets/a.png', alt: 3, title: '' }))).toBe('![](assets/a.png)\n');
    expect(exported(image({ src: 'assets/a.png', title: 7 }))).toBe('![](assets/a.png)\n');
  });

  it('is left out when no address is given for it', () => {
    const asked: string[] = [];
    const none = (src: string) => (asked.push(src), null);
    expect(exported(image({ src: 'assets/gone.png' }), none)).toBe('');
    expect(exported(image({ src: 9 }), none)).toBe('');
    expect(exported({ type: 'image' }, none)).toBe('');
    expect(asked).toEqual(['assets/gone.png', '', '']);
  });

  it('compares as its address, alt text and title, empty ones as none', () => {
    const normal = (attrs: Record<string, unknown>) => markdownNormalForm(doc(image(attrs))).content?.[0]?.attrs;
    expect(normal({ src: 'a.png', alt: '', title: '', width: 300 })).toEqual(normal({ src: 'a.png' }));
    expect(normal({ src: 'a.png', alt: 'A', title: 'T' })).toMatchObject({ src: 'a.png', alt: 'A', title: 'T' });
    expect(normal({ src: 'a.png' })).toMatchObject({ src: 'a.png', alt: null, title: null });
  });
});

describe('an image read from Markdown', () => {
  it('keeps a relative image, noted as a file to copy, and an http(s) one as it is', () => {
    const { blocks, images, warnings } = imported(
      '![A](pics/a.png "T")\n\n![](https://x.test/b.png)\n\n![](shots/shot-10:30.png)\n',
    );
    expect(blocks).toEqual([
      image({ src: 'pics/a.png', alt: 'A', title: 'T' }),
      image({ src: 'https://x.test/b.png', alt: null, title: null }),
      image({ src: 'shots/shot-10:30.png', alt: null, title: null }),
    ]);
    expect(images).toEqual(['pics/a.png', 'shots/shot-10:30.png']);
    expect(warnings).toEqual([]);
  });

  it('leaves out any other address, saying which', () => {
    const others = ['/etc/a.png', '//x.test/a.png', 'file:///a.png', 'data:image/png;base64,AA', 'javascript:x'];
    // A scheme of more than one letter, and an address ending in an invisible format character.
    for (const url of [...others, 'mailto:a@b.test', 'a.png\u200e']) {
      const { blocks, images, warnings } = imported(`![A](<${url}>)\n`);
      expect(blocks, url).toEqual([]);
      expect(images).toEqual([]);
      expect(warnings).toEqual([
        `The image "${url}" is neither a relative path nor an http(s) address; it was left out.`,
      ]);
    }
    expect(imported('![A](<\\\\share\\a.png>)\n').blocks).toEqual([]);
  });

  it('follows a reference to its definition, and reads one to no definition as nothing', () => {
    const { blocks, images } = imported('![The logo][Logo]\n\n[logo]: pics/logo.png "Logo"\n');
    expect(blocks).toEqual([image({ src: 'pics/logo.png', alt: 'The logo', title: 'Logo' })]);
    expect(images).toEqual(['pics/logo.png']);
    expect(imported('![The logo][nowhere]\n').blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '![The logo][nowhere]' }] },
    ]);
  });

  it('inside a heading or a table cell is left out, with a warning', () => {
    const heading = imported('### Title ![A](a.png)\n');
    expect(heading.blocks).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title ' }] },
    ]);
    expect(heading.warnings).toEqual(['An image inside a heading was left out: images stand on their own line.']);
    expect(imported('### Title\n').warnings).toEqual([]);
    const cell = imported('| ![A](a.png) x |\n| - |\n| y |\n');
    expect(cell.warnings).toEqual(['An image inside a table cell was left out: images stand on their own line.']);
  });

  it('inside a timeline entry becomes its alt text, the address quoted in the warning, a long one cut', () => {
    const long = `${'x'.repeat(90)}.png`;
    const eighty = `${'y'.repeat(76)}.png`;
    const { blocks, warnings } = imported(
      `#### Timeline\n\n- **10:00** See ![the graph](g.png) now\n- **10:05** [![](${long})](https://x.test) then\n- **10:10** ![Logo][l]\n- **10:15** ![](${eighty})\n\n[l]: l.png\n`,
    );
    const texts = (blocks[0]?.content ?? []).map((e) => (e.content ?? []).map((c) => c.text).join(''));
    expect(texts[0]).toBe('See the graph now');
    expect(texts[2]).toBe('Logo');
    expect(warnings).toEqual([
      'The image "the graph" ("g.png") in a timeline entry was left out and its alt text kept: images stand on their own line.',
      `The image "${'x'.repeat(80)}…" in a timeline entry was left out: images stand on their own line.`,
      'The image "Logo" ("l.png") in a timeline entry was left out and its alt text kept: images stand on their own line.',
      `The image "${eighty}" in a timeline entry was left out: images stand on their own line.`,
    ]);
  });
});
