import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const features = ['platform', 'cohorts', 'courses', 'assessment', 'community', 'certification', 'sessions', 'integrations'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'src/lib/api/schema.d.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
    },
    plugins: {
      'react-hooks': reactHooks,
      'react-refresh': reactRefresh,
      'import-x': importX,
      'check-file': checkFile,
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.app.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-duplicates': 'error',
      // House rule: imports climb no folders; `@/` is src/ (a sibling `./x` stays relative).
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*'], message: 'Import through the @/ alias (src/).' }] }],
      // House rule: a feature imports from lib/ and components/, never from another feature;
      // lib/ and components/ never import from features/ or app/.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'A feature may import only from lib/ and components/, never from another feature.',
            })),
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/app',
              message: 'A feature may import only from lib/ and components/, not from app/.',
            })),
            {
              target: ['./src/lib', './src/components'],
              from: ['./src/features', './src/app'],
              message: 'lib/ and components/ are shared: they must not depend on features/ or app/.',
            },
          ],
        },
      ],
      // House rule: kebab-case file and folder names.
      'check-file/filename-naming-convention': [
        'error',
        { 'src/**/*.{ts,tsx}': 'KEBAB_CASE', 'e2e/**/*.{ts,mjs}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE' }],
    },
  },
  {
    // Test helpers and the route table are not hot-reloaded component modules.
    files: ['src/testing/**', '**/*.test.{ts,tsx}', 'src/app/router.tsx'],
    rules: { 'react-refresh/only-export-components': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['e2e/**', 'vite.config.ts', 'playwright.config.ts', 'scripts/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['scripts/**/*.mjs', 'e2e/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
