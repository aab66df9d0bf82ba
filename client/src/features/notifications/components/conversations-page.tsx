import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { useConversations, useOpenConversation } from '@/features/notifications/api/notifications';

/**
 * /cohorts/:cohortId/conversations. Staff: their learners' conversations (a mentor's own learners only), latest first,
 * with unread badges. A learner goes straight to their own conversation, opened on first visit.
 */
export function ConversationsPage() {
  const { t } = useTranslation('notifications');
  const { cohortId = '' } = useParams();
  const { user } = useSession();
  const format = useFormatters();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useConversations(cohortId, page);
  const open = useOpenConversation(cohortId);
  const isLearner = user?.cohorts.some((c) => c.cohortId === cohortId && c.role === 'Learner') ?? false;
  const mine = isLearner ? list.data?.items.find((c) => c.learnerId === user?.id) : undefined;

  if (mine) return <Navigate to={`/conversations/${mine.id}`} replace />;

  return (
    <Stack>
      <PageTitle>{t('conversations.title')}</PageTitle>
      {list.isPending ? (
        <LoadingState />
      ) : list.error ? (
        <ProblemAlert error={list.error} />
      ) : isLearner ? (
        <Stack align="flex-start">
          <Text>{t('conversation.privacy')}</Text>
          {open.error && <ProblemAlert error={open.error} />}
          <Button loading={open.isPending} onClick={() => open.mutate(undefined, { onSuccess: (c) => void navigate(`/conversations/${c.id}`) })}>
            {t('conversations.openMine')}
          </Button>
        </Stack>
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('conversations.empty')} message={t('conversations.intro')} />
      ) : (
        <>
          <Text size="sm">{t('conversations.intro')}</Text>
          <Table data-testid="conversations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conversations.learner')}</Table.Th>
                <Table.Th>{t('conversations.lastMessage')}</Table.Th>
                <Table.Th>{t('conversations.unread')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/conversations/${c.id}`}>
                      {c.learnerName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    {c.lastMessageAt ? (
                      <>
                        <Text size="sm" lineClamp={1}>
                          {c.lastMessage}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {format.dateTime(c.lastMessageAt)}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('conversations.none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.unreadCount > 0 && <Badge color="red.8">{t('conversations.unreadBadge', { count: c.unreadCount })}</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager page={page} pageSize={list.data.pageSize} totalCount={list.data.totalCount} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
