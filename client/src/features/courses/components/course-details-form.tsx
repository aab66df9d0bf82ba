import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { useUpdateCourse, type Course } from '@/features/courses/api/courses';
import { courseDetailsFields, courseDetailsSchema, courseToDetails, toUpdateCourseBody, type CourseDetailsValues } from './course-schema';
import { CourseCommonInputs } from './course-common-inputs';

interface CourseDetailsFormProps {
  course: Course;
  etag: string | null;
  onReload: () => void;
}

/** Title, summary, language, competencies and the publish switch, saved with If-Match (412 when stale). */
export function CourseDetailsForm({ course, etag, onReload }: CourseDetailsFormProps) {
  const { t } = useTranslation(['courses', 'common']);
  const update = useUpdateCourse(course.id);
  const [saved, setSaved] = useState(false);
  const schema = useMemo(() => courseDetailsSchema(t), [t]);
  const form = useForm<CourseDetailsValues>({ resolver: zodResolver(schema), defaultValues: courseToDetails(course) });
  const { errors } = form.formState;
  const { reset } = form;

  useEffect(() => {
    reset(courseToDetails(course));
  }, [course, reset]);

  const updateError = update.error;
  const stale = isApiError(updateError) && (updateError.status === 412 || updateError.code === 'precondition-failed');
  const handledByFields =
    stale || (isApiError(updateError) && courseDetailsFields.some((field) => updateError.fieldErrors(field).length > 0));

  const onSubmit = form.handleSubmit((values) => {
    setSaved(false);
    update.mutate(
      { body: toUpdateCourseBody(values), etag },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => {
          if (isApiError(error)) applyApiFieldErrors(error, courseDetailsFields, form.setError);
        },
      },
    );
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="course-details-title">
      <Title order={2} size="h3" id="course-details-title" mb="sm">
        {t('editor.detailsTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert" title={t('editor.staleTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('common:problems.precondition-failed')}</Text>
                <Button
                  size="xs"
                  variant="default"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => {
                    update.reset();
                    onReload();
                  }}
                >
                  {t('editor.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {update.isError && !handledByFields && <ProblemAlert error={update.error} />}
          {saved && update.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {update.data.course.isPublished ? t('editor.savedPublished') : t('editor.savedDraft')}
            </Alert>
          )}
          <TextInput label={t('create.courseTitle')} required error={errors.title?.message} {...form.register('title')} />
          <Textarea label={t('create.summary')} autosize minRows={2} error={errors.summary?.message} {...form.register('summary')} />
          <CourseCommonInputs form={form} />
          <Stack gap={4}>
            <Switch label={t('editor.published')} aria-describedby="publish-hint" {...form.register('isPublished')} />
            <Text size="sm" c="dimmed" id="publish-hint">
              {t('editor.publishedHint')}
            </Text>
          </Stack>
          <Group>
            <Button type="submit" loading={update.isPending} loaderProps={{ 'aria-label': t('editor.saving') }}>
              {t('editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

