import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { useSession } from '@/lib/auth/session-context';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { timeZones } from '@/lib/i18n/time-zone';
import { useCourseOptions, useOrganizationTrainers } from '@/features/cohorts/api/cohort-form-options';
import { admissionModes, useCreateCohort } from '@/features/cohorts/api/cohorts';
import { cohortFields, cohortSchema, defaultCohortValues, hasApplicationWindow, toCreateCohortBody, type CohortValues } from './cohort-schema';

/** "Créer une cohorte": a course of the caller's organisations, seats, dates, window, mode, who may join. */
export function CreateCohortPage() {
  const { t } = useTranslation(['cohorts', 'common', 'courses']);
  const { user } = useSession();
  const navigate = useNavigate();
  const courses = useCourseOptions();
  const create = useCreateCohort();
  const [zones] = useState(timeZones);

  const schema = useMemo(() => cohortSchema(t), [t]);
  const form = useForm<CohortValues>({ resolver: zodResolver(schema), defaultValues: defaultCohortValues() });
  const { errors } = form.formState;

  // Organisations whose people may join: the caller's own (a platform admin's list is empty here).
  const organizations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const membership of user?.organizations ?? []) seen.set(membership.organizationId, membership.name);
    return [...seen.entries()].map(([id, name]) => ({ id, name }));
  }, [user]);

  // An admin of the course's organisation names the cohort's trainer (or becomes it); a trainer becomes it.
  const courseId = useWatch({ control: form.control, name: 'courseId' });
  const admissionMode = useWatch({ control: form.control, name: 'admissionMode' });
  const courseOrganization = courses.data?.items.find((course) => course.id === courseId)?.organizationId;
  const namesTrainer =
    !!courseOrganization &&
    (!!user?.isPlatformAdmin || !!user?.organizations.some((o) => o.organizationId === courseOrganization && o.role === 'OrgAdmin'));
  const trainers = useOrganizationTrainers(namesTrainer ? courseOrganization : undefined);

  const onSubmit = form.handleSubmit((values) =>
    create.mutate(toCreateCohortBody(values), {
      onSuccess: (cohort) => void navigate(`/cohorts/${cohort.id}`),
      onError: (error) => {
        if (isApiError(error)) applyApiFieldErrors(error, cohortFields, form.setError);
      },
    }),
  );
  const createError = create.error;
  const handledByFields = isApiError(createError) && cohortFields.some((field) => createError.fieldErrors(field).length > 0);

  if (courses.isPending) return <LoadingState />;
  if (courses.isError) return <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />;

  return (
    <Stack>
      <PageTitle>{t('create.title')}</PageTitle>
      {courses.data.items.length === 0 ? (
        <EmptyState
          title={t('create.noCourseTitle')}
          message={t('create.noCourse')}
          action={
            <Button component={Link} to="/courses/new" style={{ alignSelf: 'flex-start' }}>
              {t('courses:create.title')}
            </Button>
          }
        />
      ) : (
        <Paper withBorder p="lg" component="section" aria-label={t('create.title')}>
          <form onSubmit={onSubmit} noValidate>
            <Stack>
              {create.isError && !handledByFields && <ProblemAlert error={create.error} />}
              <NativeSelect
                label={t('create.course')}
                required
                error={errors.courseId?.message}
                data={[
                  { value: '', label: t('create.chooseCourse') },
                  ...courses.data.items.map((course) => ({ value: course.id, label: course.title })),
                ]}
                {...form.register('courseId')}
              />
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
                  label={t('create.mode')}
                  required
                  data={admissionModes.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
                  error={errors.admissionMode?.message}
                  {...form.register('admissionMode')}
                />
              </SimpleGrid>
              <NativeSelect
                label={t('create.timeZone')}
                description={t('create.timeZoneHint')}
                required
                data={zones}
                error={errors.timeZone?.message}
                {...form.register('timeZone')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('create.startsOn')} type="date" required error={errors.startsOn?.message} {...form.register('startsOn')} />
                <TextInput label={t('create.endsOn')} type="date" required error={errors.endsOn?.message} {...form.register('endsOn')} />
              </SimpleGrid>
              {hasApplicationWindow(admissionMode) ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
                </SimpleGrid>
              ) : (
                <Text size="sm" c="dimmed" data-testid="no-application-window">
                  {t('create.noApplicationWindow')}
                </Text>
              )}
              {organizations.length > 0 && (
                <Controller
                  control={form.control}
                  name="organizationIds"
                  render={({ field }) => (
                    <Checkbox.Group
                      label={t('create.organizations')}
                      description={t('create.organizationsHint')}
                      value={field.value}
                      onChange={field.onChange}
                      error={errors.organizationIds?.message}
                    >
                      <Stack gap={6} mt="xs">
                        {organizations.map((organization) => (
                          <Checkbox key={organization.id} value={organization.id} label={organization.name} />
                        ))}
                      </Stack>
                    </Checkbox.Group>
                  )}
                />
              )}
              {namesTrainer ? (
                <NativeSelect
                  label={t('create.trainer')}
                  description={t('create.trainerHint')}
                  error={errors.trainerId?.message}
                  data={[
                    { value: '', label: t('create.trainerMe') },
                    ...(trainers.data?.items ?? [])
                      .filter((trainer) => trainer.userId !== user?.id)
                      .map((trainer) => ({ value: trainer.userId, label: trainer.displayName })),
                  ]}
                  {...form.register('trainerId')}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('create.trainerNote')}
                </Text>
              )}
              <Group>
                <Button type="submit" loading={create.isPending} loaderProps={{ 'aria-label': t('create.submitting') }}>
                  {t('create.submit')}
                </Button>
                <Button component={Link} to="/cohorts" variant="default">
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
