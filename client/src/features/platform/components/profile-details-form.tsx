import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { languages, setLanguage, type Language } from '@/lib/i18n/i18n';
import { useUpdateProfile } from '@/features/platform/api/account';

/** Name and language: the language is the one of the web app (switched at once) and of every mail to the person. */
export function ProfileDetailsForm({ displayName, language }: { displayName: string; language: string }) {
  const { t } = useTranslation(['platform', 'common']);
  const update = useUpdateProfile();
  const schema = useMemo(
    () =>
      z.object({
        displayName: z
          .string()
          .trim()
          .min(1, { error: t('common:validation.required') })
          .max(100, { error: t('common:validation.displayNameLength') }),
        language: z.enum(languages),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { displayName, language: (languages as readonly string[]).includes(language) ? (language as Language) : 'fr' },
  });
  const onSubmit = form.handleSubmit((values) =>
    update.mutate(values, {
      onSuccess: () => void setLanguage(values.language),
      onError: (error) => {
        if (isApiError(error)) applyApiFieldErrors(error, ['displayName', 'language'], form.setError);
      },
    }),
  );
  const { errors } = form.formState;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-edit">
      <Title order={2} size="h3" id="profile-edit" mb="sm">
        {t('profile.edit')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {update.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('profile.saved')}
            </Alert>
          )}
          {update.isError && !(isApiError(update.error) && update.error.hasFieldErrors) && <ProblemAlert error={update.error} />}
          <TextInput
            label={t('profile.displayName')}
            autoComplete="name"
            required
            error={errors.displayName?.message}
            {...form.register('displayName')}
          />
          <NativeSelect
            label={t('profile.language')}
            description={t('profile.languageHint')}
            data={languages.map((l) => ({ value: l, label: t(`common:language.${l}`) }))}
            {...form.register('language')}
          />
          <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('profile.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
