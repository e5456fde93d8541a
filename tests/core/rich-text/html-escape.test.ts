// The site's escaping: every markup character becomes an entity, control characters HTML forbids
// in text are dropped (a pasted \u0001 would make the page invalid), ordinary whitespace and any
// other text pass unchanged. And stored numbers (a heading level, a list start, a cell span) are
// read only as small positive integers, whatever a hand-edited file holds.
import { describe, expect, it } from 'vitest';
import { escapeHtml, positiveInt } from '../../../src/core/pure/rich-text/html-escape';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';

describe('escaping text for the site', () => {
  it('turns each markup character into its entity, every time it occurs', () => {
    expect(escapeHtml('&')).toBe('&amp;');
    expect(escapeHtml('<')).toBe('&lt;');
    expect(escapeHtml('>')).toBe('&gt;');
    expect(escapeHtml('"')).toBe('&quot;');
    expect(escapeHtml("'")).toBe('&#39;');
    expect(escapeHtml(`<a href="x" title='y'>Q&A</a> & <b>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Q&amp;A&lt;/a&gt; &amp; &lt;b&gt;',
    );
  });

  it('drops the control characters HTML forbids, alone or within text', () => {
    // The edges of each forbidden range: NUL to backspace, vertical tab and form feed, shift-out
    // to unit separator, and delete.
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u0010', '\u001f', '\u007f']) {
      expect(escapeHtml(c)).toBe('');
      expect(escapeHtml(`a${c}b${c}`)).toBe('ab');
    }
  });

  it('keeps tab, newline, carriage return and every other character as written', () => {
    const kept = 'Tab\there\nnew line\r\nspace ~ é ß \u0080 \u00a0 \u2028 中文 🚀';
    expect(escapeHtml(kept)).toBe(kept);
    expect(escapeHtml(`${kept}<`)).toBe(`${kept}&lt;`);
    expect(escapeHtml('')).toBe('');
  });

  it('escapes the text of a page and drops its control characters', () => {
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\u0001<script>&\u007f' }] }],
    };
    expect(richTextToHtml(doc)).toBe('<p>a&lt;script&gt;&amp;</p>');
  });
});

describe('numbers stored in attributes', () => {
  it('are read as positive integers below 10,000, from a number or its digits', () => {
    expect(positiveInt(1)).toBe(1);
    expect(positiveInt(3)).toBe(3);
    expect(positiveInt(9_999)).toBe(9_999);
    expect(positiveInt('2')).toBe(2);
    expect(positiveInt(' 7 ')).toBe(7);
  });

  it('are refused (null) when zero, negative, fractional, too large or not a number', () => {
    for (const value of [0, -1, 1.5, 10_000, 1e21, Number.NaN, Infinity, '0', '-3', '2.5', '', 'two', '10000']) {
      expect(positiveInt(value)).toBeNull();
    }
    // Values Number() would turn into 1 or 5 are not numbers written in the file.
    for (const value of [true, [5], null, undefined, {}]) expect(positiveInt(value)).toBeNull();
  });
});
