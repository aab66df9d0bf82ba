import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { type SessionKind, useCreateSession, useSessionChoices } from '@/features/sessions/api/sessions';
import { zonedLocalToUtc } from '@/lib/i18n/time-zone';

const KINDS: SessionKind[] = ['VirtualClass', 'Webinar', 'InPerson'];

/** Staff schedule a session: its kind's own fields, the preparation from the cohort's course, a weekly repeat. */
export function SessionForm({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('sessions');
  const create = useCreateSession(cohortId);
  const choices = useSessionChoices(cohortId, true);
  const groups = choices.data?.groups ?? [];
  const [kind, setKind] = useState<SessionKind>('VirtualClass');
  const [fields, setFields] = useState({ title: '', description: '', startsAt: '', endsAt: '', meetingUrl: '', place: '', room: '', address: '' });
  const [groupId, setGroupId] = useState('');
  const [preparations, setPreparations] = useState<string[]>([]);
  const [repeat, setRepeat] = useState(false);
  const [count, setCount] = useState<number | string>(4);
  const set = (name: keyof typeof fields) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value; // read now: the event's target is gone when the update runs
    setFields((f) => ({ ...f, [name]: value }));
  };
  const inPerson = kind === 'InPerson';
  // Times are typed as the cohort's wall clock, whatever the device's zone.
  const timeZone = choices.data?.timeZone ?? 'UTC';
  const toInstant = (local: string) => (local ? zonedLocalToUtc(local, timeZone) : '');
  const submit = () =>
    create.mutate(
      {
        title: fields.title,
        description: fields.description || null,
        kind,
        startsAt: toInstant(fields.startsAt),
        endsAt: toInstant(fields.endsAt),
        meetingUrl: inPerson ? null : fields.meetingUrl || null,
        place: inPerson ? fields.place || null : null,
        room: inPerson ? fields.room || null : null,
        address: inPerson ? fields.address || null : null,
        groupId: groupId || null,
        preparationActivityIds: preparations,
        repeatWeekly: repeat ? { count: Number(count) } : undefined,
      },
      { onSuccess: () => (setFields((f) => ({ ...f, title: '', description: '' })), setPreparations([])) },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-session">
      <Title order={2} size="h4" id="new-session" mb="sm">
        {t('form.new')}
      </Title>
      <Stack>
        <Group grow align="flex-start">
          <TextInput label={t('form.title')} value={fields.title} onChange={set('title')} required maxLength={200} />
          <NativeSelect
            label={t('form.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as SessionKind)}
            data={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="datetime-local" label={t('form.startsAt')} description={t('form.cohortTime', { zone: timeZone })} value={fields.startsAt} onChange={set('startsAt')} required />
          <TextInput type="datetime-local" label={t('form.endsAt')} description={t('form.cohortTime', { zone: timeZone })} value={fields.endsAt} onChange={set('endsAt')} required />
        </Group>
        {inPerson ? (
          <Group grow align="flex-start">
            <TextInput label={t('form.place')} value={fields.place} onChange={set('place')} required maxLength={200} />
            <TextInput label={t('form.room')} value={fields.room} onChange={set('room')} maxLength={100} />
            <TextInput label={t('form.address')} value={fields.address} onChange={set('address')} maxLength={500} />
          </Group>
        ) : (
          <TextInput type="url" label={t('form.meetingUrl')} value={fields.meetingUrl} onChange={set('meetingUrl')} required={kind === 'VirtualClass'} />
        )}
        <Textarea label={t('form.description')} value={fields.description} onChange={set('description')} autosize minRows={2} />
        {groups.length > 0 && (
          <NativeSelect
            label={t('form.group')}
            value={groupId}
            onChange={(e) => setGroupId(e.currentTarget.value)}
            data={[{ value: '', label: t('form.wholeCohort') }, ...groups]}
          />
        )}
        {(choices.data?.activities.length ?? 0) > 0 && (
          <Checkbox.Group label={t('form.preparations')} value={preparations} onChange={setPreparations}>
            <Stack gap={4} mt={4}>
              {choices.data?.activities.map((a) => <Checkbox key={a.value} value={a.value} label={a.label} />)}
            </Stack>
          </Checkbox.Group>
        )}
        <Group align="flex-end">
          <Checkbox label={t('form.repeat')} checked={repeat} onChange={(e) => setRepeat(e.currentTarget.checked)} />
          {repeat && <NumberInput label={t('form.count')} value={count} onChange={setCount} min={2} max={52} w={160} />}
        </Group>
        {create.isError && <ErrorState error={create.error} />}
        <Button onClick={submit} loading={create.isPending} disabled={!fields.title.trim() || !fields.startsAt || !fields.endsAt} style={{ alignSelf: 'flex-start' }}>
          {t('form.create')}
        </Button>
      </Stack>
    </Paper>
  );
}
