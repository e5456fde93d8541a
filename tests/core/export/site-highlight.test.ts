// Code blocks of the exported site are highlighted at export (no script): the block's stated
// language only, its text escaped, each run a span whose classes the theme colours.
import { describe, expect, it } from 'vitest';
import { highlightCode } from '../../../src/core/pure/export/site-highlight';

describe('highlightCode', () => {
  it('wraps the runs of a known language in classed spans, escaping the code', () => {
    expect(highlightCode('const a = "<b>"; // x & y', 'typescript')).toBe(
      '<span class="hljs-keyword">const</span> a = <span class="hljs-string">&quot;&lt;b&gt;&quot;</span>; ' +
        '<span class="hljs-comment">// x &amp; y</span>',
    );
  });

  it('nests runs, and joins a run with several classes into one attribute', () => {
    expect(highlightCode('def f(x):\n  return f"{x}"', 'python')).toBe(
      '<span class="hljs-keyword">def</span> <span class="hljs-title function_">f</span>(<span class="hljs-params">x</span>):\n' +
        '  <span class="hljs-keyword">return</span> <span class="hljs-string">f&quot;<span class="hljs-subst">{x}</span>&quot;</span>',
    );
  });

  it('reads the language name or alias without case or surrounding spaces', () => {
    expect(highlightCode('let x', ' TypeScript ')).toBe('<span class="hljs-keyword">let</span> x');
    expect(highlightCode('let x', 'JS')).toBe('<span class="hljs-keyword">let</span> x'); // an alias
  });

  it('leaves code in an unknown or unstated language to be shown as plain text', () => {
    expect(highlightCode('let x', 'klingon')).toBeNull();
    expect(highlightCode('let x', '')).toBeNull();
    expect(highlightCode('let x', '  ')).toBeNull();
  });
});
