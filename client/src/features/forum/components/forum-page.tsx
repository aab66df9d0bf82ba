import { Badge, Button, Group, Pagination, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { MarkdownEditor } from '@/components/markdown-editor';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { type ForumSpace, useCreateThread, useForumSummary, useThreads } from '@/features/forum/api/forum';

/** Opens a thread in the cohort's forum or the caller's group space; staff may make it an announcement. */
function NewThread({ cohortId, groupId, canAnnounce }: { cohortId: string; groupId: string | null; canAnnounce: boolean }) {
  const { t } = useTranslation('forum');
  const create = useCreateThread(cohortId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [where, setWhere] = useState<'cohort' | 'group' | 'announcement'>('cohort');
  const submit = () =>
    create.mutate(
      { title, body, groupId: where === 'group' ? groupId : null, announcement: where === 'announcement' },
      { onSuccess: () => (setTitle(''), setBody('')) },
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-thread">
      <Title order={2} size="h4" id="new-thread" mb="sm">
        {t('list.new')}
      </Title>
      <Stack>
        {(groupId || canAnnounce) && (
          <SegmentedControl
            aria-label={t('list.where')}
            value={where}
            onChange={(value) => setWhere(value as typeof where)}
            data={[
              { value: 'cohort', label: t('list.cohortForum') },
              ...(groupId ? [{ value: 'group', label: t('list.groupSpace') }] : []),
              ...(canAnnounce ? [{ value: 'announcement', label: t('list.announcement') }] : []),
            ]}
          />
        )}
        <TextInput label={t('list.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
        <MarkdownEditor label={t('post.body')} value={body} onChange={setBody} required mentions={{ cohortId, groupId: where === 'group' ? groupId : null }} />
        {create.isError && <ErrorState error={create.error} />}
        <Button onClick={submit} loading={create.isPending} disabled={!title.trim() || !body.trim()} style={{ alignSelf: 'flex-start' }}>
          {t('list.publish')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** /cohorts/:cohortId/forum: the threads the caller may read, pinned first, with unread badges; search; a new thread. */
export function ForumPage() {
  const { t } = useTranslation('forum');
  const format = useFormatters();
  const { cohortId = '' } = useParams();
  const [space, setSpace] = useState<ForumSpace | 'All'>('All');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const summary = useForumSummary(cohortId);
  const threads = useThreads(cohortId, { space: space === 'All' ? undefined : space, q, page });

  if (summary.isPending) return <LoadingState />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  return (
    <Stack>
      <PageTitle>{t('list.pageTitle')}</PageTitle>
      <Text>{t('list.unread', { count: summary.data.unreadPosts })}</Text>
      <Group align="flex-end">
        <SegmentedControl
          aria-label={t('list.filter')}
          value={space}
          onChange={(value) => (setSpace(value as ForumSpace | 'All'), setPage(1))}
          data={[
            { value: 'All', label: t('list.all') },
            { value: 'Cohort', label: t('list.cohortForum') },
            { value: 'Group', label: summary.data.groupName ?? t('list.groupSpaces') },
            { value: 'Announcements', label: t('list.announcements') },
          ]}
        />
        <TextInput type="search" label={t('list.search')} value={q} onChange={(e) => (setQ(e.currentTarget.value), setPage(1))} />
      </Group>
      {threads.isPending ? (
        <LoadingState />
      ) : threads.isError ? (
        <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />
      ) : threads.data.items.length === 0 ? (
        <EmptyState title={t('list.empty')} message={t('list.emptyHint')} />
      ) : (
        <Stack component="ul" aria-label={t('list.threads')} style={{ listStyle: 'none', padding: 0 }} gap="xs">
          {threads.data.items.map((thread) => (
            <Paper component="li" withBorder p="sm" key={thread.id}>
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text component={Link} to={`/threads/${thread.id}`} fw={600}>
                      {thread.title}
                    </Text>
                    {thread.isPinned && <Badge variant="light">{t('flags.pinned')}</Badge>}
                    {thread.isAnnouncement && <Badge color="grape" variant="light">{t('flags.announcement')}</Badge>}
                    {thread.groupId && <Badge color="teal" variant="light">{t('flags.group')}</Badge>}
                    {thread.isLocked && <Badge color="gray" variant="light">{t('flags.locked')}</Badge>}
                    {thread.isAnswered && (
                      <Badge color="green" variant="light">{thread.answeredByStaff ? t('flags.answeredByStaff') : t('flags.resolved')}</Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('list.byline', { author: thread.authorName, replies: thread.replyCount, last: thread.lastPostAuthorName ?? thread.authorName, at: format.dateTime(thread.lastPostAt) })}
                  </Text>
                </Stack>
                {thread.unreadCount > 0 && (
                  <Badge color="red" aria-label={t('list.unreadBadge', { count: thread.unreadCount })}>
                    {thread.unreadCount}
                  </Badge>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {threads.data && threads.data.totalCount > 20 && (
        <Pagination value={page} onChange={setPage} total={Math.ceil(threads.data.totalCount / 20)} />
      )}
      <NewThread cohortId={cohortId} groupId={summary.data.groupId ?? null} canAnnounce={summary.data.canModerate} />
    </Stack>
  );
}
