import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { PageTitle } from '../../../components/page-title';
import { ProblemAlert } from '../../../components/problem-alert';
import { isApiError, problemTypes } from '../../../lib/api/api-error';
import { problemMessage } from '../../../lib/api/problem-message';
import { useSession } from '../../../lib/auth/session-context';
import { applyApiFieldErrors } from '../../../lib/forms/apply-api-errors';
import { useRegister } from '../api/platform-api';

const fields = ['displayName', 'email', 'password'] as const;

export function RegisterPage() {
  const { t } = useTranslation();
  const session = useSession();
  const register = useRegister();

  const schema = useMemo(
    () =>
      z.object({
        displayName: z
          .string()
          .trim()
          .min(1, { error: t('validation.required') })
          .max(100, { error: t('validation.displayNameLength') }),
        email: z
          .string()
          .trim()
          .min(1, { error: t('validation.required') })
          .pipe(z.email({ error: t('validation.email') })),
        password: z
          .string()
          .min(8, { error: t('validation.passwordLength') })
          .regex(/\p{L}/u, { error: t('validation.passwordLetterDigit') })
          .regex(/\p{Nd}/u, { error: t('validation.passwordLetterDigit') }),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { displayName: '', email: '', password: '' },
  });

  // Register, then sign in with the same credentials: PublicOnly then opens the learner's home.
  const submit = useMutation({
    mutationFn: async (values: Values) => {
      await register.mutateAsync(values);
      await session.signIn({ email: values.email, password: values.password });
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.type === problemTypes.emailTaken) {
        form.setError('email', { type: 'server', message: problemMessage(error, t) }, { shouldFocus: true });
        return;
      }
      applyApiFieldErrors(error, fields, form.setError);
    },
  });
  const { errors } = form.formState;
  const error = submit.error;
  const handledByFields =
    isApiError(error) && (error.type === problemTypes.emailTaken || fields.some((f) => error.fieldErrors(f).length > 0));

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
          <Anchor component={Link} to="/sign-in">
            {t('register.signIn')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
