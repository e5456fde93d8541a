// Syntax highlighting in the editor: lowlight with highlight.js's common languages, and the
// list the "Code language" picker offers (the stored attr is the highlight.js name).
import { CodeBlockLowlight } from '@tiptap/extension-code-block-lowlight';
import { common, createLowlight } from 'lowlight';

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

export const HighlightedCodeBlock = CodeBlockLowlight.configure({ lowlight, defaultLanguage: null });
