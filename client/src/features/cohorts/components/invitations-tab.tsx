import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { useFormatters } from '@/lib/i18n/format';
import { type Cohort } from '@/features/cohorts/api/cohorts';
import { useInvitations, useInvite, type Invitation } from '@/features/cohorts/api/invitations';

function invitationState(invitation: Invitation): 'accepted' | 'expired' | 'pending' {
  if (invitation.acceptedAt) return 'accepted';
  return invitation.expired ? 'expired' : 'pending';
}

const stateColor = { accepted: 'green', expired: 'gray', pending: 'blue' } as const;

/** InviteOnly cohorts: invite by email, hand the one-time link over, follow each invitation's state. */
export function InvitationsTab({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const invitations = useInvitations(cohort.id, page);
  const invite = useInvite(cohort.id);
  const schema = useMemo(
    () =>
      z.object({
        email: z
          .string()
          .trim()
          .min(1, { error: t('common:validation.required') })
          .pipe(z.email({ error: t('common:validation.email') })),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: '' } });
  const { errors } = form.formState;
  const link = invite.data ? `${globalThis.location?.origin ?? ''}${invite.data.acceptPath}` : '';

  const onSubmit = form.handleSubmit((values) =>
    invite.mutate(values.email, {
      onSuccess: () => form.reset({ email: '' }),
      onError: (error) => {
        if (isApiError(error)) applyApiFieldErrors(error, ['email'], form.setError);
      },
    }),
  );

  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="invite-title">
        <Title order={3} size="h4" id="invite-title" mb="xs">
          {t('invitations.formTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('invitations.hint')}
        </Text>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            {invite.isError && !(isApiError(invite.error) && invite.error.fieldErrors('email').length > 0) && (
              <ProblemAlert error={invite.error} />
            )}
            <Group align="flex-start" wrap="wrap">
              <TextInput
                label={t('invitations.email')}
                type="email"
                required
                autoComplete="off"
                error={errors.email?.message}
                style={{ flex: '1 1 260px' }}
                {...form.register('email')}
              />
              <Button type="submit" mt={25} loading={invite.isPending}>
                {t('invitations.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
        {invite.isSuccess && (
          <Alert color="green" variant="light" role="status" mt="md" title={t('invitations.createdTitle', { email: invite.data.email })}>
            <Stack gap="xs">
              <Text size="sm">{t('invitations.createdBody', { date: format.dateTimeIn(invite.data.expiresAt, cohort.timeZone) })}</Text>
              <Group align="flex-end" wrap="nowrap">
                <TextInput label={t('invitations.link')} value={link} readOnly style={{ flex: 1 }} onFocus={(event) => event.currentTarget.select()} />
                <CopyButton value={link}>
                  {({ copied, copy }) => (
                    <Button variant="default" onClick={copy} aria-live="polite">
                      {copied ? t('invitations.copied') : t('invitations.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
      </Paper>
      {invitations.isPending ? (
        <LoadingState />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.items.length === 0 ? (
        <EmptyState title={t('invitations.emptyTitle')} message={t('invitations.empty')} headingLevel={3} />
      ) : (
        <Paper withBorder p="md" component="section" aria-labelledby="invitations-title">
          <Title order={3} size="h4" id="invitations-title" mb="sm">
            {t('invitations.listTitle')}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table striped aria-busy={invitations.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('invitations.email')}</Table.Th>
                  <Table.Th scope="col">{t('invitations.sentAt')}</Table.Th>
                  <Table.Th scope="col">{t('invitations.expiresAt')}</Table.Th>
                  <Table.Th scope="col">{t('invitations.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.data.items.map((invitation) => {
                  const state = invitationState(invitation);
                  return (
                    <Table.Tr key={invitation.id}>
                      <Table.Td>{invitation.email}</Table.Td>
                      <Table.Td>{format.dateTimeIn(invitation.createdAt, cohort.timeZone)}</Table.Td>
                      <Table.Td>{format.dateTimeIn(invitation.expiresAt, cohort.timeZone)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={stateColor[state]}>
                          {t(`invitations.states.${state}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} pageSize={invitations.data.pageSize} totalCount={invitations.data.totalCount} onChange={setPage} />
        </Paper>
      )}
    </Stack>
  );
}
