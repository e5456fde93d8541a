// Lint rules, including the layer boundaries of the design: core imports nothing of
// ours outside core and no Electron/React/DOM; the renderer never reaches Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import { layerElements, layerPolicies } from './layers.config.js';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.bench-tmp/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', '@tiptap/react'],
              message: 'core has no Electron, React or DOM.',
            },
          ],
        },
      ],
    },
  },
  {
    // core/pure also runs in the renderer: no Node at all.
    files: ['src/core/pure/**', 'src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              group: [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`), 'lowdb', 'lowdb/*'],
              message:
                'core/pure and the renderer run without Node; Node work belongs in core/node behind the contract.',
            },
            {
              group: ['react', 'react-dom', '@tiptap/react'],
              message: 'core/pure has no React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              group: [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)],
              message: 'The renderer talks only to the API contract, never to Node.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layers by allowlist: an import between our areas is an error unless layers.config.js allows it.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': layerElements,
      'boundaries/include': ['src/**/*'],
      'import/resolver': {
        typescript: { project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true },
      },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: layerPolicies }],
    },
  },
);
