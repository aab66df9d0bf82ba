import { Badge, Button, Group, Pagination, Paper, Stack, Text, TextInput, Typography } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { MarkdownEditor } from '@/components/markdown-editor';
import { PageTitle } from '@/components/page-title';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import {
  type Post, REACTIONS, type Reaction, type Thread, useDeletePost, useEditPost, useHidePost, useMarkAnswer, useReact, useReply, useThread, useUpdateThread,
} from '@/features/forum/api/forum';

/** The server renders a post's Markdown and sanitises it (Markdig + HtmlSanitizer, ADR 0007): the only HTML inserted here. */
function PostBody({ html }: { html: string }) {
  return (
    <Typography>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

function PostItem({ post, thread }: { post: Post; thread: Thread }) {
  const { t } = useTranslation('forum');
  const format = useFormatters();
  const react = useReact();
  const edit = useEditPost();
  const remove = useDeletePost();
  const hide = useHidePost();
  const answer = useMarkAnswer(thread.id);
  const [editing, setEditing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const me = useSession().user?.id;
  return (
    <Paper component="li" withBorder p="sm" id={`post-${post.number}`} aria-label={t('post.label', { number: post.number, author: post.authorName })}>
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>{post.authorName}</Text>
          {post.byStaff && <Badge variant="light">{t('flags.staff')}</Badge>}
          {post.isAnswer && <Badge color="green" variant="light">{t('flags.answer')}</Badge>}
          <Text size="sm" c="dimmed">
            {format.dateTime(post.createdAt)}
            {post.editedAt && ` · ${t('post.edited')}`}
            {post.replyToNumber && ` · ${t('post.replyTo', { number: post.replyToNumber })}`}
          </Text>
        </Group>
      </Group>
      {post.isDeleted ? (
        <Text fs="italic" c="dimmed">{t('post.deleted')}</Text>
      ) : editing !== null ? (
        <Stack mt="xs">
          <MarkdownEditor label={t('post.edit')} value={editing} onChange={setEditing} minRows={2} mentions={{ cohortId: thread.cohortId, groupId: thread.groupId }} />
          <Group>
            <Button size="xs" onClick={() => edit.mutate({ postId: post.id, body: editing }, { onSuccess: () => setEditing(null) })}>{t('post.save')}</Button>
            <Button size="xs" variant="default" onClick={() => setEditing(null)}>{t('post.cancel')}</Button>
          </Group>
        </Stack>
      ) : (
        <>
          {post.isHidden && <Text size="sm" fs="italic">{t('post.hidden', { reason: post.hiddenReason })}</Text>}
          {post.bodyHtml && <PostBody html={post.bodyHtml} />}
          {post.attachments.map((file) => (
            <Text key={file.fileId} size="sm" component="a" href={`/api/v1/posts/${post.id}/files/${file.fileId}`} download>
              📎 {file.fileName}
            </Text>
          ))}
        </>
      )}
      {!post.isDeleted && (
        <Group gap={4} mt="xs">
          {(Object.keys(REACTIONS) as Reaction[]).map((emoji) => {
            const counted = post.reactions.find((r) => r.emoji === emoji);
            return (
              <Button key={emoji} size="compact-xs" variant={counted?.mine ? 'light' : 'subtle'} aria-pressed={counted?.mine ?? false}
                aria-label={t('post.react', { emoji: t(`reactions.${emoji}`) })}
                onClick={() => react.mutate({ postId: post.id, emoji, mine: counted?.mine ?? false })}>
                {REACTIONS[emoji]} {counted?.count ?? ''}
              </Button>
            );
          })}
          {thread.canMarkAnswer && post.number > 1 && (
            <Button size="compact-xs" variant="subtle" onClick={() => answer.mutate(post.isAnswer ? null : post.id)}>
              {post.isAnswer ? t('post.unmarkAnswer') : t('post.markAnswer')}
            </Button>
          )}
          {post.body !== null && post.body !== undefined && post.authorId === me && (
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(post.body ?? '')}>{t('post.edit')}</Button>
          )}
          {(post.authorId === me || thread.canModerate) && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(post.id)}>{t('post.delete')}</Button>
          )}
          {thread.canModerate && (post.isHidden ? (
            <Button size="compact-xs" variant="subtle" onClick={() => hide.mutate({ postId: post.id, reason: null })}>{t('moderation.unhide')}</Button>
          ) : (
            <Group gap={4}>
              <TextInput size="xs" aria-label={t('moderation.reason')} placeholder={t('moderation.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              <Button size="compact-xs" variant="subtle" disabled={!reason.trim()} onClick={() => hide.mutate({ postId: post.id, reason })}>{t('moderation.hide')}</Button>
            </Group>
          ))}
        </Group>
      )}
    </Paper>
  );
}

/** /threads/:threadId: the posts, oldest first, a reply box, and the staff's moderation. */
export function ThreadPage() {
  const { t } = useTranslation('forum');
  const { threadId = '' } = useParams();
  const [page, setPage] = useState(1);
  const [body, setBody] = useState('');
  const thread = useThread(threadId, page);
  const reply = useReply(threadId);
  const update = useUpdateThread(threadId);
  const me = useSession().user?.id;
  const [title, setTitle] = useState<string | null>(null);

  if (thread.isPending) return <LoadingState />;
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;
  const { thread: info, posts } = thread.data;
  return (
    <Stack>
      <Text component={Link} to={`/cohorts/${info.cohortId}/forum`} size="sm">← {t('list.pageTitle')}</Text>
      <PageTitle>{info.title}</PageTitle>
      {title !== null ? (
        <Group align="flex-end">
          <TextInput label={t('rename.label')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} style={{ flex: 1 }} />
          <Button disabled={!title.trim()} loading={update.isPending}
            onClick={() => update.mutate({ title, version: info.version }, { onSuccess: () => setTitle(null) })}>
            {t('rename.save')}
          </Button>
          <Button variant="default" onClick={() => setTitle(null)}>{t('post.cancel')}</Button>
        </Group>
      ) : null}
      {update.isError && <ErrorState error={update.error} />}
      <Group gap="xs">
        {info.isAnnouncement && <Badge color="grape" variant="light">{t('flags.announcement')}</Badge>}
        {info.isLocked && <Badge color="gray" variant="light">{t('flags.locked')}</Badge>}
        {info.isPinned && <Badge variant="light">{t('flags.pinned')}</Badge>}
        {title === null && (info.authorId === me || info.canModerate) && (
          <Button size="xs" variant="default" onClick={() => setTitle(info.title)}>{t('rename.action')}</Button>
        )}
        {info.canModerate && (
          <>
            <Button size="xs" variant="default" onClick={() => update.mutate({ isPinned: !info.isPinned })}>{info.isPinned ? t('moderation.unpin') : t('moderation.pin')}</Button>
            <Button size="xs" variant="default" onClick={() => update.mutate({ isLocked: !info.isLocked })}>{info.isLocked ? t('moderation.unlock') : t('moderation.lock')}</Button>
          </>
        )}
      </Group>
      <Stack component="ol" aria-label={t('post.list')} style={{ listStyle: 'none', padding: 0 }} gap="xs">
        {posts.items.map((post) => <PostItem key={post.id} post={post} thread={info} />)}
      </Stack>
      {posts.totalCount > 20 && <Pagination value={page} onChange={setPage} total={Math.ceil(posts.totalCount / 20)} />}
      {info.canReply ? (
        <Stack>
          <MarkdownEditor label={t('post.reply')} value={body} onChange={setBody} mentions={{ cohortId: info.cohortId, groupId: info.groupId }} />
          {reply.isError && <ErrorState error={reply.error} />}
          <Button style={{ alignSelf: 'flex-start' }} disabled={!body.trim()} loading={reply.isPending} onClick={() => reply.mutate({ body }, { onSuccess: () => setBody('') })}>
            {t('post.send')}
          </Button>
        </Stack>
      ) : (
        <Text c="dimmed">{info.isLocked ? t('post.locked') : t('post.announcementOnly')}</Text>
      )}
    </Stack>
  );
}
