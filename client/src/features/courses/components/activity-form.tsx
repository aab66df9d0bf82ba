import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput, Title, Typography } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { type Course } from '@/features/courses/api/courses';
import { activityKinds, useSaveActivity, type Activity } from '@/features/courses/api/outline';
import { activityFields, activitySchema, activityToValues, emptyActivity, toActivityInput, type ActivityValues } from './activity-schema';
import { UploadField } from './upload-field';

interface ActivityFormProps {
  course: Course;
  sectionId: string;
  /** The activity being edited; none to add one at the end of the section. */
  activity?: Activity;
  onDone: () => void;
}

/** Adds or edits an activity: kind, title, Markdown with the server's preview, link or file, dates, duration, competencies. */
export function ActivityForm({ course, sectionId, activity, onDone }: ActivityFormProps) {
  const { t } = useTranslation(['courses', 'common']);
  const save = useSaveActivity(course.id);
  const schema = useMemo(() => activitySchema(t), [t]);
  const [savedActivity, setSavedActivity] = useState<Activity | undefined>(activity);
  const [tab, setTab] = useState<string | null>('write');
  const form = useForm<ActivityValues>({
    resolver: zodResolver(schema),
    defaultValues: activity ? activityToValues(activity) : emptyActivity(sectionId),
  });
  const { errors } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const content = useWatch({ control: form.control, name: 'content' });
  const fileId = useWatch({ control: form.control, name: 'fileId' });
  const fileName = useWatch({ control: form.control, name: 'fileName' });
  const idPrefix = savedActivity?.id ?? `new-${sectionId}`;
  const headingId = `activity-form-${idPrefix}`;

  const saveError = save.error;
  const handledByFields = isApiError(saveError) && activityFields.some((field) => saveError.fieldErrors(field).length > 0);
  const previewIsCurrent = savedActivity !== undefined && savedActivity.contentMarkdown === content;

  const onSubmit = form.handleSubmit((values) =>
    save.mutate(
      { activityId: savedActivity?.id, etag: savedActivity?.etag, body: toActivityInput(values, savedActivity?.position) },
      {
        onSuccess: (saved) => {
          setSavedActivity(saved);
          form.reset({ ...activityToValues(saved), fileName: values.fileName });
        },
        onError: (error) => {
          if (isApiError(error)) applyApiFieldErrors(error, activityFields, form.setError);
        },
      },
    ),
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={4} id={headingId} mb="sm">
        {savedActivity ? t('activity.editTitle', { title: savedActivity.title }) : t('activity.addTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {save.isError && !handledByFields && <ProblemAlert error={save.error} />}
          {save.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('activity.saved', { title: save.data.title })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('activity.kind')}
              required
              error={errors.kind?.message}
              data={activityKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
              {...form.register('kind')}
            />
            <TextInput label={t('activity.title')} required error={errors.title?.message} {...form.register('title')} />
          </SimpleGrid>
          <Tabs value={tab} onChange={setTab} keepMounted>
            <Tabs.List aria-label={t('activity.contentTabs')}>
              <Tabs.Tab value="write">{t('activity.write')}</Tabs.Tab>
              <Tabs.Tab value="preview">{t('activity.preview')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="xs">
              <Textarea
                label={t('activity.content')}
                description={t('activity.contentHint')}
                autosize
                minRows={6}
                maxRows={20}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                error={errors.content?.message}
                {...form.register('content')}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="xs">
              {savedActivity ? (
                <Stack gap="xs">
                  <Text size="sm" c="dimmed">
                    {previewIsCurrent ? t('activity.previewSaved') : t('activity.previewStale')}
                  </Text>
                  <Paper withBorder p="sm" data-testid="activity-preview">
                    {/* Server-rendered and sanitized (Markdig + HtmlSanitizer): the only HTML we inject. */}
                    <Typography>
                      <div dangerouslySetInnerHTML={{ __html: savedActivity.contentHtml }} />
                    </Typography>
                  </Paper>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('activity.previewUnsaved')}
                </Text>
              )}
            </Tabs.Panel>
          </Tabs>
          {kind !== 'Lesson' && (
            <TextInput
              label={t('activity.url')}
              description={t('activity.urlHint')}
              type="url"
              required={kind === 'Video'}
              error={errors.url?.message}
              {...form.register('url')}
            />
          )}
          {kind === 'Resource' && (
            <UploadField
              fileId={fileId}
              fileName={fileName}
              onUploaded={(file) => {
                form.setValue('fileId', file.fileId, { shouldDirty: true });
                form.setValue('fileName', file.fileName, { shouldDirty: true });
                form.clearErrors('url');
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('activity.offsetDays')}
              description={t('activity.offsetDaysHint')}
              type="number"
              min={0}
              max={730}
              required
              error={errors.offsetDays?.message}
              {...form.register('offsetDays')}
            />
            <TextInput
              label={t('activity.dueOffsetDays')}
              description={t('activity.dueOffsetDaysHint')}
              type="number"
              min={0}
              max={730}
              error={errors.dueOffsetDays?.message}
              {...form.register('dueOffsetDays')}
            />
            <TextInput
              label={t('activity.duration')}
              description={t('activity.durationHint')}
              type="number"
              min={0}
              max={1440}
              required
              error={errors.durationMinutes?.message}
              {...form.register('durationMinutes')}
            />
          </SimpleGrid>
          {course.competencies.length > 0 ? (
            <Controller
              control={form.control}
              name="competencyCodes"
              render={({ field }) => (
                <Checkbox.Group
                  label={t('activity.competencies')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.competencyCodes?.message}
                >
                  <Group mt="xs" gap="md">
                    {course.competencies.map((competency) => (
                      <Checkbox key={competency.code} value={competency.code} label={`${competency.code} · ${competency.title}`} />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('activity.noCompetencies')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} loaderProps={{ 'aria-label': t('editor.saving') }}>
              {savedActivity ? t('activity.save') : t('activity.add')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('activity.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
