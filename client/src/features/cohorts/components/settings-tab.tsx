import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError, isProblem } from '@/lib/api/api-error';
import { problemMessage } from '@/lib/api/problem-message';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { timeZones } from '@/lib/i18n/time-zone';
import { useCohortForEdit, useUpdateCohort, type Cohort } from '@/features/cohorts/api/cohorts';
import { cohortFields, cohortSchema, cohortToValues, hasApplicationWindow, toUpdateCohortBody, type CohortValues } from './cohort-schema';

/** Title, seats, dates, window and time zone of a cohort, saved with If-Match (412 when stale). */
export function SettingsTab({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const current = useCohortForEdit(cohort.id);
  const update = useUpdateCohort(cohort.id);
  const [zones] = useState(timeZones);
  const [saved, setSaved] = useState(false);
  const schema = useMemo(() => cohortSchema(t), [t]);
  const form = useForm<CohortValues>({ resolver: zodResolver(schema), defaultValues: cohortToValues(cohort) });
  const { errors } = form.formState;
  const { reset } = form;

  // Start from the server's version (and after "reload" on a 412).
  const loaded = current.data;
  useEffect(() => {
    if (loaded) reset(cohortToValues(loaded.cohort));
  }, [loaded, reset]);

  if (current.isPending) return <LoadingState />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;

  const stale = isProblem(update.error, 'precondition-failed') || (isApiError(update.error) && update.error.status === 412);
  const updateError = update.error;
  const handledByFields =
    stale ||
    isProblem(updateError, 'capacity-below-seats-taken') ||
    (isApiError(updateError) && cohortFields.some((field) => updateError.fieldErrors(field).length > 0));

  const onSubmit = form.handleSubmit((values) => {
    setSaved(false);
    update.mutate(
      { body: toUpdateCohortBody(values), etag: current.data.etag },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => {
          if (!isApiError(error)) return;
          if (error.code === 'capacity-below-seats-taken') {
            form.setError('capacity', { type: 'server', message: problemMessage(error) }, { shouldFocus: true });
            return;
          }
          applyApiFieldErrors(error, cohortFields, form.setError);
        },
      },
    );
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-title">
      <Title order={3} size="h4" id="settings-title" mb="xs">
        {t('settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.hint', { seats: cohort.seatsTaken })}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert" title={t('settings.staleTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('common:problems.precondition-failed')}</Text>
                <Button
                  size="xs"
                  variant="default"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => {
                    update.reset();
                    void current.refetch();
                  }}
                >
                  {t('settings.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {update.isError && !handledByFields && <ProblemAlert error={update.error} />}
          {saved && update.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('settings.saved')}
            </Alert>
          )}
          <TextInput label={t('create.cohortTitle')} required error={errors.title?.message} {...form.register('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('create.capacity')}
              description={t('create.capacityHint')}
              type="number"
              min={1}
              max={200}
              required
              error={errors.capacity?.message}
              {...form.register('capacity')}
            />
            <NativeSelect
              label={t('create.timeZone')}
              description={t('create.timeZoneHint')}
              required
              data={zones.includes(cohort.timeZone) ? zones : [cohort.timeZone, ...zones]}
              error={errors.timeZone?.message}
              {...form.register('timeZone')}
            />
            <TextInput label={t('create.startsOn')} type="date" required error={errors.startsOn?.message} {...form.register('startsOn')} />
            <TextInput label={t('create.endsOn')} type="date" required error={errors.endsOn?.message} {...form.register('endsOn')} />
            {hasApplicationWindow(cohort.admissionMode) && (
              <>
                <TextInput
                  label={t('create.opensAt')}
                  type="datetime-local"
                  required
                  error={errors.applicationsOpenAt?.message}
                  {...form.register('applicationsOpenAt')}
                />
                <TextInput
                  label={t('create.closesAt')}
                  description={t('create.closesAtHint')}
                  type="datetime-local"
                  required
                  error={errors.applicationsCloseAt?.message}
                  {...form.register('applicationsCloseAt')}
                />
              </>
            )}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('settings.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
