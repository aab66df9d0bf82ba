import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { type Cohort } from '@/features/cohorts/api/cohorts';
import { useEnrol, type EnrolmentOutcome } from '@/features/cohorts/api/enrolments';
import { invalidEmails, MAX_EMAILS, parseEmails } from './enrolment-emails';

const outcomeColor: Record<EnrolmentOutcome, string> = {
  Enrolled: 'green',
  AlreadyMember: 'gray',
  NotFound: 'orange',
  CohortFull: 'red',
};

/** OrganizationEnrollment cohorts: paste the employees' emails, get one outcome per email. */
export function EnrolmentsTab({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const enrol = useEnrol(cohort.id);
  const schema = useMemo(
    () =>
      z.object({
        emails: z.string().superRefine((text, context) => {
          const emails = parseEmails(text);
          if (emails.length === 0) context.addIssue({ code: 'custom', message: t('common:validation.required') });
          else if (emails.length > MAX_EMAILS) context.addIssue({ code: 'custom', message: t('common:validation.emailsCount') });
          else {
            const invalid = invalidEmails(emails);
            if (invalid.length > 0) context.addIssue({ code: 'custom', message: t('common:validation.emails', { emails: invalid.join(', ') }) });
          }
        }),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { emails: '' } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    enrol.mutate(parseEmails(values.emails), {
      onError: (error) => {
        if (isApiError(error)) applyApiFieldErrors(error, ['emails'], form.setError);
      },
    }),
  );

  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="enrol-title">
        <Title order={3} size="h4" id="enrol-title" mb="xs">
          {t('enrolments.formTitle')}
        </Title>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            {enrol.isError && !(isApiError(enrol.error) && enrol.error.fieldErrors('emails').length > 0) && (
              <ProblemAlert error={enrol.error} />
            )}
            <Textarea
              label={t('enrolments.emails')}
              description={t('enrolments.emailsHint', { seats: cohort.seatsLeft })}
              required
              autosize
              minRows={5}
              error={errors.emails?.message}
              {...form.register('emails')}
            />
            <Button type="submit" loading={enrol.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('enrolments.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      {enrol.isSuccess && (
        <Paper withBorder p="md" component="section" aria-labelledby="enrol-results-title">
          <Title order={3} size="h4" id="enrol-results-title">
            {t('enrolments.resultsTitle')}
          </Title>
          <Text role="status" mb="sm">
            {t('enrolments.enrolled', { count: enrol.data.enrolled })}
          </Text>
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('enrolments.email')}</Table.Th>
                  <Table.Th scope="col">{t('enrolments.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {enrol.data.results.map((result) => (
                  <Table.Tr key={result.email}>
                    <Table.Td>{result.email}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={outcomeColor[result.outcome]}>
                        {t(`enrolments.outcomes.${result.outcome}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
