import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { currentLanguage } from '@/lib/i18n/i18n';
import { useRegister } from '@/features/platform/api/account';
import { applyPasswordErrors, newPasswordSchema } from './password-rules';
import { rememberReturnTo, signInPath } from './pending-return';

const fields = ['displayName', 'email', 'password'] as const;

export function RegisterPage() {
  const { t } = useTranslation(['platform', 'common']);
  const register = useRegister();
  // Registering from a cohort's public page: after verification and sign-in, the person goes back to its application form.
  const returnTo = useSearchParams()[0].get('returnTo');

  const schema = useMemo(
    () =>
      z.object({
        displayName: z
          .string()
          .trim()
          .min(1, { error: t('common:validation.required') })
          .max(100, { error: t('common:validation.displayNameLength') }),
        email: z
          .string()
          .trim()
          .min(1, { error: t('common:validation.required') })
          .pipe(z.email({ error: t('common:validation.email') })),
        password: newPasswordSchema(t),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { displayName: '', email: '', password: '' },
  });

  // The account is activated by the link mailed to the address: the page then says to check the mailbox. The answer
  // is the same whether or not the address already had an account (the mail tells its owner which).
  const submit = useMutation({
    mutationFn: (values: Values) => register.mutateAsync({ ...values, language: currentLanguage() }),
    onSuccess: () => rememberReturnTo(returnTo),
    onError: (error) => applyPasswordErrors<Values>(error, { newPassword: 'password' }, fields, form.setError, t),
  });
  const { errors } = form.formState;
  const error = submit.error;
  const handledByFields = isApiError(error) && (error.code === 'common-password' || fields.some((f) => error.fieldErrors(f).length > 0));

  if (submit.isSuccess) {
    return (
      <Paper withBorder shadow="sm" p="xl" component="section">
        <Stack>
          <PageTitle>{t('register.checkMailTitle')}</PageTitle>
          <Alert color="green" variant="light" role="status">
            {t('register.checkMail', { email: submit.variables.email })}
          </Alert>
          <Anchor component={Link} to={signInPath(returnTo)}>
            {t('register.signIn')}
          </Anchor>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder shadow="sm" p="xl" component="section">
      <Stack>
        <PageTitle>{t('register.title')}</PageTitle>
        <Text c="dimmed">{t('register.intro')}</Text>
        {submit.isError && !handledByFields && <ProblemAlert error={error} />}
        <form onSubmit={form.handleSubmit((values) => submit.mutate(values))} noValidate>
          <Stack>
            <TextInput
              label={t('register.displayName')}
              autoComplete="name"
              required
              error={errors.displayName?.message}
              {...form.register('displayName')}
            />
            <TextInput
              label={t('register.email')}
              type="email"
              autoComplete="email"
              required
              error={errors.email?.message}
              {...form.register('email')}
            />
            <PasswordInput
              label={t('register.password')}
              description={t('register.passwordHint')}
              autoComplete="new-password"
              required
              error={errors.password?.message}
              // Mantine's PasswordInput does not mark its inner input invalid by itself.
              aria-invalid={errors.password ? true : undefined}
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
              {...form.register('password')}
            />
            <Button type="submit" loading={submit.isPending} loaderProps={{ 'aria-label': t('register.submitting') }}>
              {t('register.submit')}
            </Button>
          </Stack>
        </form>
        <Text size="sm">
          {t('register.haveAccount')}{' '}
          <Anchor component={Link} to={signInPath(returnTo)}>
            {t('register.signIn')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
