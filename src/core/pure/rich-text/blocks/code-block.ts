// Code blocks: a fenced block in Markdown, highlighted <pre><code> on the site. The editor
// stores the whole info string ("<lang> <meta>") as `language`; the editor swaps in its own
// highlighting extension of the same name and schema (renderer/editor/code-languages.ts).
import { blockReader, type BlockModule } from '../block-module';
import { escapeHtml } from '../html-escape';
import type { RichTextNode } from '../../schemas/rich-text';

const codeText = (node: RichTextNode): string =>
  // Stryker disable next-line ArrayDeclaration: a string in the list has no `text`, so adds nothing
  (node.content ?? []).map((c) => c.text ?? '').join('');

/** Only characters that belong in a CSS class name survive from the stored language. */
function languageClass(language: string): string {
  const clean = language.toLowerCase().replace(/[^a-z0-9_+#-]/g, '');
  return clean ? ` class="language-${escapeHtml(clean)}"` : '';
}

/** The longest language label shown (the info string's first word; a hostile file may hold a novel). */
const MAX_LABEL = 32;

/** A stored info string as Markdown splits it: its first word (the language) and the rest (meta). */
function infoParts(info: string): { lang: string; meta: string } {
  const trimmed = info.trim();
  const space = trimmed.search(/\s/);
  // Stryker disable next-line EqualityOperator: `trimmed` has no space at 0
  if (space < 0) return { lang: trimmed, meta: '' };
  return { lang: trimmed.slice(0, space), meta: trimmed.slice(space + 1).trim() };
}

/** The label above a code block: the info string's first word, as written. */
export function codeLanguageLabel(language: string): string {
  return infoParts(language).lang.slice(0, MAX_LABEL);
}

const code = (language: string, value: string): RichTextNode => ({
  type: 'codeBlock',
  attrs: { language },
  content: [{ type: 'text', text: value }],
});

export const codeBlock: BlockModule = {
  html: (node, { options }) => {
    const raw = node.attrs?.language;
    // The info string's first word names the language (`python title="x"`: python); the rest
    // is Markdown's meta, which the site does not show.
    const label = codeLanguageLabel(typeof raw === 'string' ? raw : '');
    const text = codeText(node);
    const highlighted = label && options.highlight ? options.highlight(text, label) : null;
    // tabindex: a long line makes the block scroll, and keyboard users must be able to reach it.
    const pre = `<pre tabindex="0"><code${languageClass(label)}>${highlighted ?? escapeHtml(text)}</code></pre>`;
    // The label is visible text; the site's script (site-script-code-copy.ts) adds a copy
    // button to the head, making one when there is no label.
    const head = label ? `<div class="code-head"><span class="code-lang">${escapeHtml(label)}</span></div>` : '';
    return `<div class="code-block">${head}${pre}</div>`;
  },
  toMdast: (node) => {
    const { lang, meta } = infoParts(String(node.attrs?.language ?? ''));
    return [{ type: 'code', lang: lang || null, meta: meta || null, value: codeText(node) }];
  },
  fromMdast: [
    blockReader('code', (node) => {
      const language = node.lang ? (node.meta ? `${node.lang} ${node.meta}` : node.lang) : null;
      return [
        {
          type: 'codeBlock',
          attrs: { language },
          ...(node.value ? { content: [{ type: 'text', text: node.value }] } : {}),
        },
      ];
    }),
  ],
  // One language only in the probe: compiling a grammar costs a fresh process milliseconds,
  // and an upgrade of highlight.js shows in any of them.
  probe: [
    code('typescript', 'export const x: number = 1; // note\nclass A<T> { m() { return `t${x}`; } }'),
    code('no-such-language', 'plain <text>'),
  ],
};
