// Syntax highlighting in the editor: lowlight with highlight.js's common languages, and the
// list the "Code language" picker offers (the stored attr is the highlight.js name).
import { CodeBlockLowlight } from '@tiptap/extension-code-block-lowlight';
import { common, createLowlight } from 'lowlight';
import { adoptDomSelection } from './dom-selection';

export const lowlight = createLowlight(common);

const names: Record<string, string> = {
  bash: 'Bash',
  c: 'C',
  cpp: 'C++',
  csharp: 'C#',
  css: 'CSS',
  diff: 'Diff',
  go: 'Go',
  graphql: 'GraphQL',
  ini: 'INI / TOML',
  java: 'Java',
  javascript: 'JavaScript',
  json: 'JSON',
  kotlin: 'Kotlin',
  lua: 'Lua',
  makefile: 'Makefile',
  markdown: 'Markdown',
  php: 'PHP',
  plaintext: 'Plain text',
  python: 'Python',
  r: 'R',
  ruby: 'Ruby',
  rust: 'Rust',
  scss: 'SCSS',
  shell: 'Shell session',
  sql: 'SQL',
  swift: 'Swift',
  typescript: 'TypeScript',
  xml: 'HTML / XML',
  yaml: 'YAML',
};

/** [value, label] pairs for the picker; "" means no language (plain, unhighlighted). */
export const codeLanguageOptions: [string, string][] = [
  ['', 'None'],
  ...lowlight
    .listLanguages()
    .filter((name) => names[name])
    .map((name): [string, string] => [name, names[name]!])
    .sort((a, b) => a[1].localeCompare(b[1])),
];

/** Spaces one Tab indents by inside a code block (a pasted tab shows 4 wide, as on the site). */
export const CODE_INDENT = 2;

// Tab and Shift-Tab indent and outdent inside a code block (TipTap's own), except right after
// Escape: then Tab is the browser's again and moves focus on, so the keyboard is never trapped.
// "Right after" is this selection, unchanged: typing or moving the caret arms Tab again.
const escapedAt = new WeakMap<object, unknown>();

export const HighlightedCodeBlock = CodeBlockLowlight.extend({
  addKeyboardShortcuts() {
    const own = this.parent?.() ?? {};
    const leaving = () => escapedAt.get(this.editor) === this.editor.state.selection;
    const caretFromDom = () => adoptDomSelection(this.editor.view, this.name);
    return {
      ...own,
      Escape: () => {
        if (this.editor.isActive('codeBlock')) escapedAt.set(this.editor, this.editor.state.selection);
        return false;
      },
      Tab: (props) => (leaving() ? false : (caretFromDom(), own.Tab?.(props) ?? false)),
      'Shift-Tab': (props) => (leaving() ? false : (caretFromDom(), own['Shift-Tab']?.(props) ?? false)),
    };
  },
}).configure({ lowlight, defaultLanguage: null, enableTabIndentation: true, tabSize: CODE_INDENT });
