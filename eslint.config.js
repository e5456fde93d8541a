// Lint rules, including the layer boundaries of the design: core imports nothing of
// ours outside core and no Electron/React/DOM; the renderer never reaches Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench-tmp/**'] },
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
              group: ['**/main/**', '**/renderer/**', '**/server/**', '**/cli/**', '**/preload/**'],
              message: 'core must not depend on the transports or the UI.',
            },
            {
              group: ['electron', 'react', 'react-dom', '@tiptap/react'],
              message: 'core is pure: no Electron, React or DOM.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
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
            {
              group: [
                '**/main/**',
                '**/server/**',
                '**/cli/**',
                '**/core/*-store',
                '**/core/casebook-service',
                '**/core/atomic-write',
                '**/core/quarantine',
              ],
              message: 'The renderer may import only pure core modules (contract, schemas, rich-text, safe-url).',
            },
          ],
        },
      ],
    },
  },
);
