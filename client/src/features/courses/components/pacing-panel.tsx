import { zodResolver } from '@hookform/resolvers/zod';
import { ActionIcon, Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { ProblemAlert } from '@/components/problem-alert';
import { usePacing, useSetPacing } from '@/features/courses/api/pacing';
import { type Progress } from '@/features/courses/api/progress';
import { pacingSchema, pacingToValues, toPacingBody, type PacingValues } from './pacing-schema';

interface PacingPanelProps {
  cohortId: string;
  learner: { userId: string; displayName: string };
  activities: Progress['activities'];
  onClose: () => void;
}

/** One learner's personal pacing: shift every due date or one activity's by N days, and extra resources. */
export function PacingPanel({ cohortId, learner, activities, onClose }: PacingPanelProps) {
  const { t } = useTranslation(['courses', 'common']);
  const pacing = usePacing(cohortId, learner.userId);
  const save = useSetPacing(cohortId, learner.userId);
  const schema = useMemo(() => pacingSchema(t), [t]);
  const form = useForm<PacingValues>({ resolver: zodResolver(schema), defaultValues: { shiftAll: '0', shifts: [], extras: [] } });
  const shifts = useFieldArray({ control: form.control, name: 'shifts' });
  const extras = useFieldArray({ control: form.control, name: 'extras' });
  const { errors } = form.formState;
  const { reset } = form;
  const loaded = pacing.data;

  useEffect(() => {
    if (loaded) reset(pacingToValues(loaded));
  }, [loaded, reset]);

  const onSubmit = form.handleSubmit((values) => save.mutate({ body: toPacingBody(values), etag: loaded?.etag }));
  const titleId = `pacing-${learner.userId}`;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId} shadow="sm">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id={titleId}>
          {t('pacing.title', { name: learner.displayName })}
        </Title>
        <Button variant="default" size="xs" onClick={onClose}>
          {t('pacing.close')}
        </Button>
      </Group>
      {pacing.isPending ? (
        <LoadingState />
      ) : pacing.isError ? (
        <ErrorState error={pacing.error} onRetry={() => void pacing.refetch()} />
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('pacing.hint')}
            </Text>
            {save.isError && <ProblemAlert error={save.error} />}
            {save.isSuccess && (
              <Alert color="green" variant="light" role="status">
                {t('pacing.saved', { name: learner.displayName })}
              </Alert>
            )}
            <TextInput
              label={t('pacing.shiftAll')}
              description={t('pacing.shiftAllHint')}
              type="number"
              min={-60}
              max={365}
              w={260}
              error={errors.shiftAll?.message}
              {...form.register('shiftAll')}
            />
            <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={500}>
                {t('pacing.shiftOne')}
              </Text>
              {shifts.fields.map((field, index) => (
                <Group key={field.id} align="flex-start" wrap="nowrap">
                  <NativeSelect
                    label={t('pacing.activity', { n: index + 1 })}
                    style={{ flex: 1 }}
                    error={errors.shifts?.[index]?.activityId?.message}
                    data={[
                      { value: '', label: t('pacing.chooseActivity') },
                      ...activities.map((activity) => ({ value: activity.id, label: activity.title })),
                    ]}
                    {...form.register(`shifts.${index}.activityId`)}
                  />
                  <TextInput
                    label={t('pacing.days', { n: index + 1 })}
                    type="number"
                    w={120}
                    error={errors.shifts?.[index]?.days?.message}
                    {...form.register(`shifts.${index}.days`)}
                  />
                  <ActionIcon variant="default" size="lg" mt={28} onClick={() => shifts.remove(index)} aria-label={t('pacing.removeShift', { n: index + 1 })}>
                    <span aria-hidden>×</span>
                  </ActionIcon>
                </Group>
              ))}
              <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => shifts.append({ activityId: '', days: '1' })} disabled={activities.length === 0}>
                {t('pacing.addShift')}
              </Button>
            </Stack>
            <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={500}>
                {t('pacing.extras')}
              </Text>
              {extras.fields.map((field, index) => (
                <Paper key={field.id} withBorder p="sm">
                  <Stack gap="xs">
                    <Group align="flex-start" wrap="nowrap">
                      <TextInput
                        label={t('pacing.extraTitle', { n: index + 1 })}
                        required
                        style={{ flex: 1 }}
                        error={errors.extras?.[index]?.title?.message}
                        {...form.register(`extras.${index}.title`)}
                      />
                      <ActionIcon variant="default" size="lg" mt={28} onClick={() => extras.remove(index)} aria-label={t('pacing.removeExtra', { n: index + 1 })}>
                        <span aria-hidden>×</span>
                      </ActionIcon>
                    </Group>
                    <TextInput
                      label={t('pacing.extraUrl', { n: index + 1 })}
                      type="url"
                      error={errors.extras?.[index]?.url?.message}
                      {...form.register(`extras.${index}.url`)}
                    />
                    <Textarea
                      label={t('pacing.extraContent', { n: index + 1 })}
                      autosize
                      minRows={2}
                      error={errors.extras?.[index]?.content?.message}
                      {...form.register(`extras.${index}.content`)}
                    />
                  </Stack>
                </Paper>
              ))}
              <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => extras.append({ title: '', url: '', content: '' })}>
                {t('pacing.addExtra')}
              </Button>
            </Stack>
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('pacing.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
