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
import { useSession } from '@/lib/auth/session-context';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';

export function SignInPage() {
  const { t } = useTranslation(['platform', 'common']);
  const session = useSession();
  const [params] = useSearchParams();
  // Kept on the way to registration, so that a newcomer comes back to the same page.
  const returnTo = params.get('returnTo');

  const schema = useMemo(
    () =>
      z.object({
        email: z
          .string()
          .trim()
          .min(1, { error: t('common:validation.required') })
          .pipe(z.email({ error: t('common:validation.email') })),
        password: z.string().min(1, { error: t('common:validation.required') }),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;

  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: '', password: '' } });
  const signIn = useMutation({
    mutationFn: session.signIn,
    onError: (error) => {
      if (isApiError(error)) applyApiFieldErrors(error, ['email', 'password'], form.setError);
    },
  });
  const { errors } = form.formState;
  // Redirect after success is PublicOnly's job: it sends the user to `returnTo` or their home.
  const onSubmit = form.handleSubmit((values) => signIn.mutate(values));
  const showSummary = signIn.isError && !(isApiError(signIn.error) && signIn.error.hasFieldErrors);

  return (
    <Paper withBorder shadow="sm" p="xl" component="section" aria-labelledby="sign-in-title">
      <Stack>
        <PageTitle id="sign-in-title">{t('signIn.title')}</PageTitle>
        <Text c="dimmed">{t('signIn.intro')}</Text>
        {session.expired && (
          <Alert color="yellow" variant="light" role="status">
            {t('signIn.sessionExpired')}
          </Alert>
        )}
        {!session.expired && session.signedOut && params.size === 0 && (
          <Alert color="gray" variant="light" role="status">
            {t('signIn.signedOut')}
          </Alert>
        )}
        {showSummary && <ProblemAlert error={signIn.error} />}
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              error={errors.email?.message}
              {...form.register('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              error={errors.password?.message}
              // Mantine's PasswordInput does not mark its inner input invalid by itself.
              aria-invalid={errors.password ? true : undefined}
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
              {...form.register('password')}
            />
            <Button type="submit" loading={signIn.isPending} loaderProps={{ 'aria-label': t('signIn.submitting') }}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('signIn.forgotPassword')}
        </Anchor>
        <Text size="sm">
          {t('signIn.noAccount')}{' '}
          <Anchor component={Link} to={returnTo ? `/register?${new URLSearchParams({ returnTo }).toString()}` : '/register'}>
            {t('signIn.register')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
