// A code block on the site (its language label and class, highlighted when a highlighter is
// given) and in Markdown (the info string split into language and meta, and read back whole).
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, throughMarkdown, toMarkdown } from '../../helpers/through-markdown';

const code = (language: unknown, text?: string): RichTextNode => ({
  type: 'codeBlock',
  attrs: { language },
  ...(text === undefined ? {} : { content: [{ type: 'text', text }] }),
});
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const head = (label: string) => `<div class="code-head"><span class="code-lang">${label}</span></div>`;

describe('a code block on the site', () => {
  it('is labelled with the first word of its language and classed with its lower-cased name', () => {
    expect(richTextToHtml(doc(code('TypeScript', 'let a = 1 < 2;')))).toBe(
      `<div class="code-block">${head('TypeScript')}<pre tabindex="0"><code class="language-typescript">let a = 1 &lt; 2;</code></pre></div>`,
    );
    expect(richTextToHtml(doc(code('  C#  linenos', 'x')))).toContain(`${head('C#')}<pre`);
  });

  it('is classed and highlighted by that first word, not by the meta after it', () => {
    const asked: string[] = [];
    const html = richTextToHtml(doc(code('python title="a  b"', 'x = 1')), {
      highlight: (text, language) => (asked.push(language), `<b>${text}</b>`),
    });
    expect(html).toContain('<code class="language-python"><b>x = 1</b></code>');
    expect(asked).toEqual(['python']);
    expect(richTextToHtml(doc(code('C# x', 'y')))).toContain('<code class="language-c#">');
  });

  it('keeps only class-name characters of a hostile language, and escapes its label', () => {
    const html = richTextToHtml(doc(code('"><script>alert(1)</script>', 'x')));
    expect(html).toContain('<code class="language-scriptalert1script">');
    expect(html).toContain('<span class="code-lang">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    // Nothing of a class name left: no class at all, the label still shown.
    expect(richTextToHtml(doc(code('{}', 'x')))).toBe(
      `<div class="code-block">${head('{}')}<pre tabindex="0"><code>x</code></pre></div>`,
    );
  });

  it('shows at most 32 characters of a language label', () => {
    const long = 'a'.repeat(40);
    expect(richTextToHtml(doc(code(long, 'x')))).toContain(head('a'.repeat(32)));
  });

  it('has neither label nor class without a language, or with one that is not text', () => {
    for (const language of [null, '', 5, { name: 'js' }]) {
      expect(richTextToHtml(doc(code(language, 'x'))), String(language)).toBe(
        '<div class="code-block"><pre tabindex="0"><code>x</code></pre></div>',
      );
    }
    expect(richTextToHtml(doc({ type: 'codeBlock' }))).toBe(
      '<div class="code-block"><pre tabindex="0"><code></code></pre></div>',
    );
  });

  it('shows the text of every text node it holds, in order', () => {
    const section = doc({
      type: 'codeBlock',
      attrs: { language: null },
      content: [
        { type: 'text', text: 'a' },
        { type: 'text', text: 'b' },
      ],
    });
    expect(richTextToHtml(section)).toContain('<code>ab</code>');
  });

  it('is highlighted by the highlighter given, only when it has a language', () => {
    const asked: string[] = [];
    const highlight = (text: string, language: string) => {
      asked.push(language);
      return `<b>${text.length}</b>`;
    };
    expect(richTextToHtml(doc(code('python', 'print()')), { highlight })).toContain(
      '<code class="language-python"><b>7</b></code>',
    );
    expect(richTextToHtml(doc(code('', 'x <y>')), { highlight })).toContain('<code>x &lt;y&gt;</code>');
    expect(asked).toEqual(['python']);
  });
});

describe('a code block in Markdown', () => {
  it('writes the language and the rest of the info string after the fence, spaces trimmed', () => {
    expect(toMarkdown(doc(code('  python   title="a  b"  ', 'x')))).toBe('```python title="a  b"\nx\n```\n');
    expect(toMarkdown(doc(code('python', 'x')))).toBe('```python\nx\n```\n');
    expect(toMarkdown(doc(code('   ', 'x')))).toBe('```\nx\n```\n');
    expect(toMarkdown(doc(code(null, 'x')))).toBe('```\nx\n```\n');
    expect(toMarkdown(doc({ type: 'codeBlock', content: [{ type: 'text', text: 'x' }] }))).toBe('```\nx\n```\n');
  });

  it('reads the whole info string back as the language', () => {
    expect(fromMarkdown('```python title="a  b"\nx\n```\n')).toEqual([code('python title="a  b"', 'x')]);
    expect(fromMarkdown('```python\nx\n```\n')).toEqual([code('python', 'x')]);
    expect(fromMarkdown('```\n```\n')).toEqual([code(null)]);
  });

  it('goes through Markdown and back unchanged, however the language is spaced', () => {
    for (const language of ['python', 'python title="a  b"', 'c++ {.numberLines}', null]) {
      const section = doc(code(language, 'line 1\n\tline 2'));
      expect(throughMarkdown(section).back, String(language)).toEqual(section);
    }
  });
});
