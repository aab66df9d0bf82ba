import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useRequestPasswordReset } from '@/features/platform/api/account';

/** "Mot de passe oublié ?": asks for a reset link. The answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation(['platform', 'common']);
  const request = useRequestPasswordReset();
  const schema = useMemo(
    () =>
      z.object({
        email: z
          .string()
          .trim()
          .min(1, { error: t('common:validation.required') })
          .pipe(z.email({ error: t('common:validation.email') })),
      }),
    [t],
  );
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { email: '' } });

  return (
    <Paper withBorder shadow="sm" p="xl" component="section">
      <Stack>
        <PageTitle>{t('forgotPassword.title')}</PageTitle>
        {request.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('forgotPassword.sent', { email: request.variables })}
          </Alert>
        ) : (
          <>
            <Text c="dimmed">{t('forgotPassword.intro')}</Text>
            {request.isError && <ProblemAlert error={request.error} />}
            <form onSubmit={form.handleSubmit((values) => request.mutate(values.email))} noValidate>
              <Stack>
                <TextInput
                  label={t('signIn.email')}
                  type="email"
                  autoComplete="email"
                  required
                  error={form.formState.errors.email?.message}
                  {...form.register('email')}
                />
                <Button type="submit" loading={request.isPending}>
                  {t('forgotPassword.submit')}
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
