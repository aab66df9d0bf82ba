import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProblemAlert } from '@/components/problem-alert';
import { useChangePassword } from '@/features/platform/api/account';
import { applyPasswordErrors, newPasswordSchema } from './password-rules';

const fields = ['currentPassword', 'newPassword'] as const;

/** A new password against the current one; the other sessions end, this one stays. */
export function ChangePasswordForm() {
  const { t } = useTranslation(['platform', 'common']);
  const change = useChangePassword();
  const schema = useMemo(
    () =>
      z.object({
        currentPassword: z.string().min(1, { error: t('common:validation.required') }),
        newPassword: newPasswordSchema(t),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '' } });
  const onSubmit = form.handleSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => form.reset(),
      onError: (error) => applyPasswordErrors<Values>(error, { newPassword: 'newPassword', currentPassword: 'currentPassword' }, fields, form.setError, t),
    }),
  );
  const { errors } = form.formState;
  // Errors a field took are shown there only.
  const showSummary = change.isError && errors.currentPassword === undefined && errors.newPassword === undefined;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-password">
      <Title order={2} size="h3" id="profile-password" mb="xs">
        {t('profile.password')}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t('profile.passwordHint')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {change.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('profile.passwordChanged')}
            </Alert>
          )}
          {showSummary && <ProblemAlert error={change.error} />}
          {fields.map((field) => (
            <PasswordInput
              key={field}
              label={t(`profile.${field}`)}
              description={field === 'newPassword' ? t('register.passwordHint') : undefined}
              autoComplete={field === 'newPassword' ? 'new-password' : 'current-password'}
              required
              error={errors[field]?.message}
              aria-invalid={errors[field] ? true : undefined}
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
              {...form.register(field)}
            />
          ))}
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('profile.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
