import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiClientScopes } from '@/features/integrations/api/api-clients';
import { scopeKeys } from './scope-labels';

interface ScopePickerProps {
  value: string[];
  onChange: (scopes: string[]) => void;
  error?: string;
}

/** The scopes of a client, each with what it opens, so the admin grants only what the system needs. */
export function ScopePicker({ value, onChange, error }: ScopePickerProps) {
  const { t } = useTranslation('integrations');
  return (
    <Checkbox.Group label={t('scopes.label')} description={t('scopes.hint')} value={value} onChange={onChange} error={error} required>
      <Stack gap="xs" mt="xs">
        {apiClientScopes.map((scope) => (
          <Checkbox key={scope} value={scope} label={t(`scopes.${scopeKeys[scope]}.label`)} description={t(`scopes.${scopeKeys[scope]}.description`)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
