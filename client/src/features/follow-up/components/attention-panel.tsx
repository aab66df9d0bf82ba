import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { useFormatters } from '@/lib/i18n/format';
import { useFollowUpAttention, type ActionDueSoon, type LearnerToFollow } from '@/features/follow-up/api/attention';
import { isOverdue } from './attention';
import { levelColors, reasonText } from './reason-text';

/** The trainer's and mentor's home: "à suivre", the learners at risk or to watch in their reach with the reasons in words, and their own actions due soon. */
export function AttentionPanel() {
  const { t } = useTranslation('homes');
  const [page, setPage] = useState(1);
  const attention = useFollowUpAttention(page);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="attention-title">
      <Title order={2} size="h3" id="attention-title" mb="sm">
        {t('attention.title')}
      </Title>
      {attention.isPending ? (
        <LoadingState />
      ) : attention.isError ? (
        <ErrorState error={attention.error} onRetry={() => void attention.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack component="section" aria-labelledby="attention-learners-title" gap="xs">
            <Title order={3} size="h4" id="attention-learners-title">
              {t('attention.learnersTitle')}
            </Title>
            {attention.data.items.length === 0 ? (
              <Text c="dimmed">{t('attention.learnersEmpty')}</Text>
            ) : (
              <>
                <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="attention-learners">
                  {attention.data.items.map((learner) => (
                    <LearnerLine key={`${learner.cohortId}-${learner.learnerId}`} learner={learner} />
                  ))}
                </Stack>
                <Pager page={attention.data.page} pageSize={attention.data.pageSize} totalCount={attention.data.totalCount} onChange={setPage} />
              </>
            )}
          </Stack>
          <Stack component="section" aria-labelledby="attention-actions-title" gap="xs">
            <Title order={3} size="h4" id="attention-actions-title">
              {t('attention.actionsTitle')}
            </Title>
            {attention.data.actions.length === 0 ? (
              <Text c="dimmed">{t('attention.actionsEmpty')}</Text>
            ) : (
              <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="attention-actions">
                {attention.data.actions.map((action) => (
                  <ActionLine key={action.id} action={action} />
                ))}
              </Stack>
            )}
            {attention.data.actionsDueSoon > attention.data.actions.length && (
              <Text size="sm" c="dimmed">
                {t('attention.actionsMore', { count: attention.data.actionsDueSoon })}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  );
}

function LearnerLine({ learner }: { learner: LearnerToFollow }) {
  const { t } = useTranslation('homes');
  const { t: tf } = useTranslation('followUp');
  const format = useFormatters();
  return (
    <Stack component="li" gap={2} pl="sm" style={{ borderLeft: `4px solid ${levelColors[learner.level]}` }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/cohorts/${learner.cohortId}/follow-up/learners/${learner.learnerId}`} fw={600} aria-label={t('attention.open', { name: learner.displayName })}>
          {learner.displayName}
        </Anchor>
        <Badge color={levelColors[learner.level]} variant="dot">
          {tf(`level.${learner.level}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {[
          learner.cohortTitle,
          learner.behindBy > 0 ? t('attention.behind', { count: learner.behindBy }) : null,
          learner.lastActivityAt ? t('attention.lastActivity', { date: format.day(learner.lastActivityAt) }) : t('attention.noActivity'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {learner.reasons.length > 0 && (
        <Text size="sm">{learner.reasons.map((reason) => reasonText(reason, tf, format.number)).join(' ; ')}</Text>
      )}
    </Stack>
  );
}

function ActionLine({ action }: { action: ActionDueSoon }) {
  const { t } = useTranslation('homes');
  const format = useFormatters();
  const overdue = isOverdue(action.dueOn, new Date());
  return (
    <Group component="li" justify="space-between" wrap="wrap" gap="xs">
      <Stack gap={0}>
        <Anchor component={Link} to={`/cohorts/${action.cohortId}/follow-up/learners/${action.learnerId}`} fw={600}>
          {action.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {action.learnerName} · {action.cohortTitle} · {t('attention.dueOn', { date: format.day(action.dueOn) })}
        </Text>
      </Stack>
      {overdue && <Badge color="red" variant="light">{t('attention.overdue')}</Badge>}
    </Group>
  );
}
