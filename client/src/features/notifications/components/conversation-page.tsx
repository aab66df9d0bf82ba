import { Button, Paper, Stack, Text, Typography } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadingState } from '@/components/loading-state';
import { MarkdownEditor } from '@/components/markdown-editor';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { useConversation, useMarkConversationRead, useMessages, useSendMessage } from '@/features/notifications/api/notifications';

/** /conversations/:conversationId: one private conversation, oldest message first, read up to now while it is open. */
export function ConversationPage() {
  const { t } = useTranslation('notifications');
  const { conversationId = '' } = useParams();
  const { user } = useSession();
  const format = useFormatters();
  const conversation = useConversation(conversationId);
  const messages = useMessages(conversationId);
  const send = useSendMessage(conversationId);
  const markRead = useMarkConversationRead(conversationId);
  const [body, setBody] = useState('');
  const newest = messages.data?.items[0]?.id;

  // Whatever is on screen is read: on opening, and when a new message shows up.
  const { mutate } = markRead;
  useEffect(() => {
    if (messages.data) mutate();
  }, [newest, messages.data, mutate]);

  if (conversation.isPending) return <LoadingState />;
  if (conversation.error) return <ProblemAlert error={conversation.error} />;
  const mine = conversation.data.learnerId === user?.id;

  return (
    <Stack>
      <PageTitle>{mine ? t('conversation.titleMine') : t('conversation.title', { name: conversation.data.learnerName })}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('conversation.privacy')}
      </Text>
      {messages.error && <ProblemAlert error={messages.error} />}
      <Stack gap="xs" component="ol" aria-label={t('conversations.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="messages">
        {messages.data?.items.length === 0 && <Text>{t('conversation.empty')}</Text>}
        {[...(messages.data?.items ?? [])].reverse().map((m) => (
          <Paper component="li" key={m.id} withBorder p="sm" ml={m.mine ? 'xl' : 0} mr={m.mine ? 0 : 'xl'} bg={m.mine ? 'var(--mantine-color-blue-light)' : undefined}>
            <Text size="xs" fw={700}>
              {m.mine ? t('conversation.you') : m.authorName} · {format.dateTime(m.sentAt)}
            </Text>
            <Typography>
              {/* Rendered and sanitised by the API (Markdig + HtmlSanitizer). */}
              <div dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />
            </Typography>
          </Paper>
        ))}
      </Stack>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) send.mutate(body, { onSuccess: () => setBody('') });
        }}
      >
        <Stack>
          <MarkdownEditor label={t('conversation.body')} value={body} onChange={setBody} maxLength={4000} />
          {send.error && <ProblemAlert error={send.error} />}
          <Button type="submit" loading={send.isPending} disabled={!body.trim()} w="fit-content">
            {t('conversation.send')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
