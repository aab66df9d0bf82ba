import { zodResolver } from '@hookform/resolvers/zod';
import { ActionIcon, Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { useApply } from '@/features/cohorts/api/applications';
import { useCohort } from '@/features/cohorts/api/cohorts';
import { applicationSchema, toApplyBody, type ApplicationValues } from './apply-schema';
import { CohortFacts } from './cohort-facts';

/** The application form: a motivation and optional question/answer pairs. */
export function ApplyPage() {
  const { t } = useTranslation(['cohorts', 'common']);
  const { cohortId = '' } = useParams();
  const cohort = useCohort(cohortId);
  const apply = useApply(cohortId);
  // When the page opened: enough to tell whether the application window is open.
  const [now] = useState(() => Date.now());

  const schema = useMemo(() => applicationSchema(t), [t]);
  const form = useForm<ApplicationValues>({
    resolver: zodResolver(schema),
    defaultValues: { motivation: '', answers: [] },
  });
  const answers = useFieldArray({ control: form.control, name: 'answers' });
  const { errors } = form.formState;
  // A rule on the whole list (count, duplicates) or the server's message for `answers`.
  const answersError = errors.answers?.root?.message ?? errors.answers?.message;

  const onSubmit = form.handleSubmit((values) =>
    apply.mutate(toApplyBody(values), {
      onError: (error) => {
        if (isApiError(error)) applyApiFieldErrors(error, ['motivation', 'answers'], form.setError);
      },
    }),
  );
  const handledByFields =
    isApiError(apply.error) && (apply.error.fieldErrors('motivation').length > 0 || apply.error.fieldErrors('answers').length > 0);

  if (cohort.isPending) return <LoadingState />;
  if (cohort.isError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;

  // Said before typing a motivation, not after: the server would answer 409 anyway.
  const { applicationsOpenAt: opens, applicationsCloseAt: closes } = cohort.data;
  const closed = !opens || !closes || now < new Date(opens).getTime() || now >= new Date(closes).getTime();
  const blocked = cohort.data.myRole
    ? t('common:problems.already-member')
    : cohort.data.admissionMode !== 'Application'
      ? t('common:problems.applications-not-accepted')
      : closed
        ? t('common:problems.application-window-closed')
        : null;
  if (blocked && !apply.isSuccess) {
    return (
      <Stack>
        <PageTitle>{t('apply.title', { title: cohort.data.title })}</PageTitle>
        <CohortFacts cohort={cohort.data} showWindow />
        <Alert color="yellow" variant="light" role="status">
          {blocked}
        </Alert>
        <Group>
          {cohort.data.myRole && (
            <Button component={Link} to={`/cohorts/${cohort.data.id}`}>
              {t('open.openCohort')}
            </Button>
          )}
          <Button component={Link} to="/open-cohorts" variant="default">
            {t('apply.back')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (apply.isSuccess) {
    return (
      <Stack>
        <PageTitle>{t('apply.title', { title: cohort.data.title })}</PageTitle>
        <Alert color="green" variant="light" role="status" title={t('apply.sentTitle')}>
          {t('apply.sent')}
        </Alert>
        <Group>
          <Button component={Link} to="/applications">
            {t('apply.seeApplications')}
          </Button>
          <Button component={Link} to="/open-cohorts" variant="default">
            {t('apply.back')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack>
      <PageTitle>{t('apply.title', { title: cohort.data.title })}</PageTitle>
      <CohortFacts cohort={cohort.data} showWindow />
      <Paper withBorder p="lg" component="section" aria-labelledby="apply-form-title">
        <Title order={2} size="h3" id="apply-form-title" mb="sm">
          {t('apply.formTitle')}
        </Title>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {apply.isError && !handledByFields && <ProblemAlert error={apply.error} />}
            <Textarea
              label={t('apply.motivation')}
              description={t('apply.motivationHint')}
              required
              autosize
              minRows={5}
              error={errors.motivation?.message}
              {...form.register('motivation')}
            />
            <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={500}>
                {t('apply.questions')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('apply.questionsHint')}
              </Text>
              {answers.fields.map((field, index) => (
                <Paper key={field.id} withBorder p="sm">
                  <Group align="flex-start" wrap="nowrap">
                    <Stack gap="xs" style={{ flex: 1 }}>
                      <TextInput
                        label={t('apply.question', { n: index + 1 })}
                        required
                        error={errors.answers?.[index]?.question?.message}
                        {...form.register(`answers.${index}.question`)}
                      />
                      <Textarea
                        label={t('apply.answer', { n: index + 1 })}
                        autosize
                        minRows={2}
                        error={errors.answers?.[index]?.answer?.message}
                        {...form.register(`answers.${index}.answer`)}
                      />
                    </Stack>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      mt={28}
                      onClick={() => answers.remove(index)}
                      aria-label={t('apply.removeQuestion', { n: index + 1 })}
                    >
                      <span aria-hidden>×</span>
                    </ActionIcon>
                  </Group>
                </Paper>
              ))}
              {answersError && (
                <Text c="red.8" size="sm" role="alert">
                  {answersError}
                </Text>
              )}
              {answers.fields.length < 20 && (
                <Button
                  variant="default"
                  onClick={() => answers.append({ question: '', answer: '' })}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('apply.addQuestion')}
                </Button>
              )}
            </Stack>
            <Group>
              <Button type="submit" loading={apply.isPending} loaderProps={{ 'aria-label': t('apply.submitting') }}>
                {t('apply.submit')}
              </Button>
              <Anchor component={Link} to="/open-cohorts">
                {t('apply.back')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
