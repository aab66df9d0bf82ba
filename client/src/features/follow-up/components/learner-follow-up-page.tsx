import { Anchor, Badge, Button, Card, Group, NativeSelect, NumberInput, Stack, Tabs, Text, TextInput, Textarea, Timeline, Title, Typography } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { MarkdownEditor } from '@/components/markdown-editor';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import {
  type FollowUpAction,
  type FollowUpActionKind,
  type TimelineEntry,
  useActions,
  useAddNote,
  useCloseAction,
  useCreateAction,
  useDeleteNote,
  useLearnerName,
  useNotes,
  useTimeline,
} from '@/features/follow-up/api/journal';

type Learner = { cohortId: string; learnerId: string };

const kinds: FollowUpActionKind[] = ['Call', 'Meeting', 'Resource', 'Extension', 'Other'];

/** /cohorts/:cohortId/follow-up/learners/:learnerId: one learner's private journal, their actions and their timeline (staff, their mentor). */
export function LearnerFollowUpPage() {
  const { t } = useTranslation('journal');
  const { cohortId = '', learnerId = '' } = useParams();
  const learner = { cohortId, learnerId };
  const name = useLearnerName(learner).data;
  const [tab, setTab] = useState<string | null>('journal');
  return (
    <Stack>
      <Anchor component={Link} to={`/cohorts/${cohortId}/follow-up`} size="sm">
        {t('page.back')}
      </Anchor>
      <PageTitle>{name ? t('page.title', { name }) : t('page.titleUnknown')}</PageTitle>
      <Text size="sm" c="dimmed">{t('page.private')}</Text>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="journal">{t('tabs.journal')}</Tabs.Tab>
          <Tabs.Tab value="actions">{t('tabs.actions')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('tabs.timeline')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="journal" pt="md"><NotesTab learner={learner} /></Tabs.Panel>
        <Tabs.Panel value="actions" pt="md"><ActionsTab learner={learner} /></Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md"><TimelineTab learner={learner} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function NotesTab({ learner }: { learner: Learner }) {
  const { t } = useTranslation('journal');
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const [body, setBody] = useState('');
  const notes = useNotes(learner, page);
  const add = useAddNote(learner);
  const remove = useDeleteNote(learner);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <Stack>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <MarkdownEditor label={t('notes.composer')} description={t('notes.composerHelp')} value={body} onChange={setBody} required />
          <Group><Button type="submit" loading={add.isPending} disabled={body.trim() === ''}>{t('notes.save')}</Button></Group>
          {add.isError && <ProblemAlert error={add.error} />}
        </Stack>
      </form>
      {remove.isError && <ProblemAlert error={remove.error} />}
      {notes.isPending ? (
        <LoadingState />
      ) : notes.isError ? (
        <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.totalCount === 0 ? (
        <Text c="dimmed">{t('notes.empty')}</Text>
      ) : (
        <>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {notes.data.items.map((note) => (
              <Card component="li" key={note.id} withBorder padding="md" data-testid="journal-note">
                <Group justify="space-between" align="flex-start">
                  <Text size="sm" c="dimmed">{t('notes.by', { name: note.authorName, date: format.dateTime(note.createdAt) })}</Text>
                  {note.mine && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(note.id)} loading={remove.isPending && remove.variables === note.id}>
                      {t('notes.delete')}
                    </Button>
                  )}
                </Group>
                {/* Rendered and sanitized by the server (Markdig + HtmlSanitizer), the only HTML shown. */}
                <Typography><div dangerouslySetInnerHTML={{ __html: note.bodyHtml }} /></Typography>
              </Card>
            ))}
          </Stack>
          <Pager page={page} pageSize={notes.data.pageSize} totalCount={notes.data.totalCount} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

function ActionsTab({ learner }: { learner: Learner }) {
  const { t } = useTranslation('journal');
  const [page, setPage] = useState(1);
  const actions = useActions(learner, page);
  const close = useCloseAction(learner);
  return (
    <Stack>
      <ActionForm learner={learner} />
      {close.isError && <ProblemAlert error={close.error} />}
      {actions.isPending ? (
        <LoadingState />
      ) : actions.isError ? (
        <ErrorState error={actions.error} onRetry={() => void actions.refetch()} />
      ) : actions.data.totalCount === 0 ? (
        <EmptyState title={t('actions.empty')} message="" />
      ) : (
        <>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {actions.data.items.map((action) => (
              <ActionCard key={action.id} action={action} onClose={(status) => close.mutate({ action, status })} closing={close.isPending && close.variables.action.id === action.id} />
            ))}
          </Stack>
          <Pager page={page} pageSize={actions.data.pageSize} totalCount={actions.data.totalCount} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

function ActionCard({ action, onClose, closing }: { action: FollowUpAction; onClose: (status: 'Done' | 'Cancelled') => void; closing: boolean }) {
  const { t } = useTranslation('journal');
  const format = useFormatters();
  return (
    <Card component="li" withBorder padding="md" data-testid="follow-up-action">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>{action.title}</Text>
          <Text size="sm">
            {t(`actions.kinds.${action.kind}`)}
            {action.extensionDays != null && ` — ${t('actions.extension', { count: action.extensionDays })}`}
            {' · '}
            {t('actions.due', { date: format.day(action.dueOn) })}
            {' · '}
            {t('actions.by', { name: action.authorName })}
          </Text>
          {action.details && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{action.details}</Text>}
          {action.resourceUrl && <Anchor href={action.resourceUrl} target="_blank" rel="noopener noreferrer" size="sm">{action.resourceUrl}</Anchor>}
        </Stack>
        <Badge color={action.status === 'Open' ? 'blue' : action.status === 'Done' ? 'green' : 'gray'}>{t(`actions.status.${action.status}`)}</Badge>
      </Group>
      {action.status === 'Open' && (
        <Group gap="xs" mt="sm">
          <Button size="xs" onClick={() => onClose('Done')} loading={closing}>{t('actions.done')}</Button>
          <Button size="xs" variant="default" onClick={() => onClose('Cancelled')} disabled={closing}>{t('actions.cancel')}</Button>
        </Group>
      )}
    </Card>
  );
}

function ActionForm({ learner }: { learner: Learner }) {
  const { t } = useTranslation('journal');
  const create = useCreateAction(learner);
  const [kind, setKind] = useState<FollowUpActionKind>('Call');
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [days, setDays] = useState<number | string>(7);
  const [url, setUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        kind,
        title,
        details: details || null,
        dueOn,
        extensionDays: kind === 'Extension' ? Number(days) : null,
        resourceUrl: kind === 'Resource' ? url : null,
      },
      { onSuccess: () => { setTitle(''); setDetails(''); setUrl(''); } },
    );
  };
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-labelledby="action-form-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="action-form-title">{t('actions.create')}</Title>
        <Group grow align="flex-start">
          <NativeSelect label={t('actions.kind')} data={kinds.map((k) => ({ value: k, label: t(`actions.kinds.${k}`) }))} value={kind} onChange={(e) => setKind(e.currentTarget.value as FollowUpActionKind)} />
          <TextInput label={t('actions.dueOn')} type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} required />
        </Group>
        <TextInput label={t('actions.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
        {kind === 'Extension' && (
          <NumberInput label={t('actions.extensionDays')} description={t('actions.extensionHelp')} value={days} onChange={setDays} min={1} max={60} required />
        )}
        {kind === 'Resource' && <TextInput label={t('actions.resourceUrl')} type="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} required />}
        <Textarea label={t('actions.details')} value={details} onChange={(e) => setDetails(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <Group><Button type="submit" loading={create.isPending}>{t('actions.save')}</Button></Group>
        {create.isError && <ProblemAlert error={create.error} />}
      </Stack>
    </Card>
  );
}

const icons: Record<TimelineEntry['type'], string> = { Note: '✎', Action: '☑', Fact: '●' };

function TimelineTab({ learner }: { learner: Learner }) {
  const { t } = useTranslation('journal');
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const timeline = useTimeline(learner, page);
  if (timeline.isPending) return <LoadingState />;
  if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (timeline.data.totalCount === 0) return <Text c="dimmed">{t('timeline.empty')}</Text>;
  return (
    <Stack>
      <Timeline bulletSize={24} lineWidth={2}>
        {timeline.data.items.map((entry) => (
          <Timeline.Item key={entry.id} bullet={<span aria-hidden>{icons[entry.type]}</span>} title={entryTitle(entry, t)} data-testid="timeline-entry">
            <Text size="xs" c="dimmed">{format.dateTime(entry.at)}</Text>
            {entry.note && <Typography><div dangerouslySetInnerHTML={{ __html: entry.note.bodyHtml }} /></Typography>}
            {entry.action && (
              <Text size="sm">
                {t(`actions.kinds.${entry.action.kind}`)} · {t(`actions.status.${entry.action.status}`)}
                {entry.action.extensionDays != null && ` · ${t('actions.extension', { count: entry.action.extensionDays })}`}
              </Text>
            )}
            {entry.fact && (
              <Text size="sm">
                {[entry.fact.detail, entry.fact.kind === 'GradeReleased' && entry.fact.value != null ? t('timeline.grade', { value: format.number(entry.fact.value) }) : null,
                  entry.fact.kind === 'SubmissionReceived' && entry.fact.value === 1 ? t('timeline.late') : null, entry.fact.actorName]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      <Pager page={page} pageSize={timeline.data.pageSize} totalCount={timeline.data.totalCount} onChange={setPage} />
    </Stack>
  );
}

function entryTitle(entry: TimelineEntry, t: TFunction<'journal'>): string {
  if (entry.note) return t('timeline.note', { name: entry.note.authorName });
  if (entry.action) return t('timeline.action', { title: entry.action.title });
  return entry.fact ? t(`timeline.facts.${entry.fact.kind}`) : '';
}
