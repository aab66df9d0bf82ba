import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { useSession } from '@/lib/auth/session-context';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { useCreateCourse } from '@/features/courses/api/courses';
import { courseFields, courseSchema, toCreateCourseBody, type CourseValues } from './course-schema';
import { CourseCommonInputs } from './course-common-inputs';

/** "Créer un cours": the minimal course (organisation, title, summary, language, competencies) a cohort needs. */
export function CreateCoursePage() {
  const { t, i18n } = useTranslation(['courses', 'common']);
  const { user } = useSession();
  const create = useCreateCourse();
  const organizations = (user?.organizations ?? []).filter((o) => o.role === 'OrgAdmin' || o.role === 'Trainer');

  const schema = useMemo(() => courseSchema(t), [t]);
  const form = useForm<CourseValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      organizationId: organizations[0]?.organizationId ?? '',
      title: '',
      summary: '',
      language: i18n.resolvedLanguage ?? 'fr',
      competencies: [],
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    create.mutate(toCreateCourseBody(values), {
      onSuccess: () => form.reset({ ...values, title: '', summary: '', competencies: [] }),
      onError: (error) => {
        if (isApiError(error)) applyApiFieldErrors(error, courseFields, form.setError);
      },
    }),
  );
  const createError = create.error;
  const handledByFields = isApiError(createError) && courseFields.some((field) => createError.fieldErrors(field).length > 0);

  if (organizations.length === 0) {
    return (
      <Stack>
        <PageTitle>{t('create.title')}</PageTitle>
        <EmptyState title={t('create.noOrganizationTitle')} message={t('create.noOrganization')} />
      </Stack>
    );
  }

  return (
    <Stack>
      <PageTitle>{t('create.title')}</PageTitle>
      <Text c="dimmed">{t('create.intro')}</Text>
      {create.isSuccess && (
        <Alert color="green" variant="light" role="status" title={t('create.createdTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('create.created', { title: create.data.title })}</Text>
            <Group gap="xs">
              <Button component={Link} to={`/courses/${create.data.id}/edit`} size="xs">
                {t('create.editContent')}
              </Button>
              <Button component={Link} to="/cohorts/new" size="xs" variant="default">
                {t('create.openCohort')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="lg" component="section" aria-label={t('create.title')}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {create.isError && !handledByFields && <ProblemAlert error={create.error} />}
            <NativeSelect
              label={t('create.organization')}
              required
              error={errors.organizationId?.message}
              data={organizations.map((o) => ({ value: o.organizationId, label: o.name }))}
              {...form.register('organizationId')}
            />
            <TextInput label={t('create.courseTitle')} required error={errors.title?.message} {...form.register('title')} />
            <Textarea
              label={t('create.summary')}
              autosize
              minRows={3}
              error={errors.summary?.message}
              {...form.register('summary')}
            />
            <CourseCommonInputs form={form} />
            <Group>
              <Button type="submit" loading={create.isPending} loaderProps={{ 'aria-label': t('create.submitting') }}>
                {t('create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
