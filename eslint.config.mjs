// @ts-check
// ESLint as in microsoft/vscode-extension-samples: the recommended rules, curly and semicolons, unused
// arguments allowed when named `_x`; and, with type information, no promise left floating. The server, the CLI
// and the client give every text a user reads through l10n.t (scripts/eslint/localizedText.mjs).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import blogwright from './scripts/eslint/localizedText.mjs';

export default defineConfig(
  { ignores: ['out/', 'dist/', 'node_modules/', '.vscode-test/', 'test-results/'] },
  js.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      curly: 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@stylistic/semi': ['error', 'always'],
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // `import fs = require('node:fs')` binds the module itself, which the test process guard patches.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
    },
  },
  {
    // The webview script is type-checked by tsc (client/media/tsconfig.json); scripts run under Node.
    files: ['**/*.js', '**/*.mjs'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    plugins: { blogwright },
    rules: { 'blogwright/localized-text': 'error' },
  },
);
