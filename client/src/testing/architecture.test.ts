// @vitest-environment node
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The house rules live in eslint.config.js; these tests prove they bite.
const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function ruleIds(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

describe('architecture rules (ESLint)', () => {
  it('forbid a feature to import from another feature', async () => {
    const ids = await ruleIds(
      "import { SignInPage } from '@/features/platform/components/sign-in-page';\nexport const page = SignInPage;\n",
      'src/features/cohorts/components/cohort-list.tsx',
    );
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('let a feature import from lib/ and components/', async () => {
    const ids = await ruleIds(
      "import { EmptyState } from '@/components/empty-state';\nimport { useApi } from '@/lib/api/api-context';\nexport const parts = [EmptyState, useApi];\n",
      'src/features/cohorts/components/cohort-list.tsx',
    );
    expect(ids).not.toContain('import-x/no-restricted-paths');
  });

  it('forbid lib/ and components/ to depend on a feature or on app/', async () => {
    const fromLib = await ruleIds(
      "import { useRegister } from '@/features/platform/api/account';\nexport const hook = useRegister;\n",
      'src/lib/forms/some-helper.ts',
    );
    const fromComponents = await ruleIds(
      "import { theme } from '@/app/theme';\nexport const t = theme;\n",
      'src/components/some-widget.tsx',
    );
    expect(fromLib).toContain('import-x/no-restricted-paths');
    expect(fromComponents).toContain('import-x/no-restricted-paths');
  });

  it('forbid imports that climb folders: the @/ alias names src/', async () => {
    const climbing = await ruleIds(
      "import { EmptyState } from '../../../components/empty-state';\nexport const part = EmptyState;\n",
      'src/features/cohorts/components/cohort-list.tsx',
    );
    const aliased = await ruleIds(
      "import { EmptyState } from '@/components/empty-state';\nimport { cohortKeys } from './cohort-keys';\nexport const parts = [EmptyState, cohortKeys];\n",
      'src/features/cohorts/components/cohort-list.tsx',
    );
    expect(climbing).toContain('no-restricted-imports');
    expect(aliased).not.toContain('no-restricted-imports');
  });

  it('require kebab-case file names', async () => {
    expect(await ruleIds('export const x = 1;\n', 'src/components/EmptyState.tsx')).toContain(
      'check-file/filename-naming-convention',
    );
    expect(await ruleIds('export const x = 1;\n', 'src/components/empty-state-two.tsx')).not.toContain(
      'check-file/filename-naming-convention',
    );
  });
});
