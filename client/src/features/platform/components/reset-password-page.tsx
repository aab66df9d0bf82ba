import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useResetPassword } from '@/features/platform/api/account';
import { applyPasswordErrors, newPasswordSchema } from './password-rules';

/** The page the reset mail links to (/reset-password?token=...): a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation(['platform', 'common']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const schema = useMemo(() => z.object({ newPassword: newPasswordSchema(t) }), [t]);
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { newPassword: '' } });
  const onError = (error: Error) => applyPasswordErrors<Values>(error, { newPassword: 'newPassword' }, ['newPassword'], form.setError, t);
  const error = form.formState.errors.newPassword;

  return (
    <Paper withBorder shadow="sm" p="xl" component="section">
      <Stack>
        <PageTitle>{t('resetPassword.title')}</PageTitle>
        {reset.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('resetPassword.done')}
          </Alert>
        ) : (
          <>
            <Text c="dimmed">{t('resetPassword.intro')}</Text>
            {reset.isError && !error && <ProblemAlert error={reset.error} />}
            <form
              onSubmit={form.handleSubmit((values) => reset.mutate({ token, newPassword: values.newPassword }, { onError }))}
              noValidate
            >
              <Stack>
                <PasswordInput
                  label={t('resetPassword.newPassword')}
                  description={t('register.passwordHint')}
                  autoComplete="new-password"
                  required
                  error={error?.message}
                  aria-invalid={error ? true : undefined}
                  visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
                  {...form.register('newPassword')}
                />
                <Button type="submit" loading={reset.isPending}>
                  {t('resetPassword.submit')}
                </Button>
              </Stack>
            </form>
          </>
        )}
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('forgotPassword.backToSignIn')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
