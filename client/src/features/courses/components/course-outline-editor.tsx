import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { ProblemAlert } from '@/components/problem-alert';
import { type Course } from '@/features/courses/api/courses';
import { useAddSection, useDeleteActivity, useOutline, useSaveActivity, useUpdateSection, type Activity, type OutlineSection } from '@/features/courses/api/outline';
import { ActivityForm } from './activity-form';
import { activityWithPosition } from './activity-schema';
import { byPosition, targetIndex } from './reorder';

type Editing = { sectionId: string; activityId?: string } | null;

function MoveButtons({
  label,
  index,
  length,
  onMove,
  disabled,
}: {
  label: string;
  index: number;
  length: number;
  onMove: (to: number) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation(['courses', 'common', 'cohorts']);
  const up = targetIndex(index, 'up', length);
  const down = targetIndex(index, 'down', length);
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="default"
        aria-label={t('editor.moveUp', { title: label })}
        disabled={disabled || up === null}
        onClick={() => up !== null && onMove(up)}
      >
        <span aria-hidden>↑</span>
      </ActionIcon>
      <ActionIcon
        variant="default"
        aria-label={t('editor.moveDown', { title: label })}
        disabled={disabled || down === null}
        onClick={() => down !== null && onMove(down)}
      >
        <span aria-hidden>↓</span>
      </ActionIcon>
    </Group>
  );
}

/** Sections and their activities, reordered with up/down buttons (keyboard-friendly), edited inline. */
export function CourseOutlineEditor({ course }: { course: Course }) {
  const { t } = useTranslation(['courses', 'common', 'cohorts']);
  const outline = useOutline(course.id);
  const addSection = useAddSection(course.id);
  const updateSection = useUpdateSection(course.id);
  const moveActivity = useSaveActivity(course.id);
  const deleteActivity = useDeleteActivity(course.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [newSection, setNewSection] = useState('');
  const [newSectionError, setNewSectionError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  if (outline.isPending) return <LoadingState />;
  if (outline.isError) return <ErrorState error={outline.error} onRetry={() => void outline.refetch()} />;

  const sections = byPosition(outline.data.sections);
  const busy = updateSection.isPending || moveActivity.isPending || deleteActivity.isPending;
  const moveError = updateSection.error ?? moveActivity.error ?? deleteActivity.error;

  const onAddSection = (event: React.FormEvent) => {
    event.preventDefault();
    const title = newSection.trim();
    if (!title) {
      setNewSectionError(t('common:validation.required'));
      return;
    }
    if (title.length > 200) {
      setNewSectionError(t('common:validation.maxLength', { max: 200 }));
      return;
    }
    setNewSectionError(null);
    addSection.mutate({ title }, { onSuccess: () => setNewSection('') });
  };

  const renderActivity = (section: OutlineSection, activity: Activity, index: number, length: number) => (
    <Paper key={activity.id} withBorder p="sm" component="li" aria-label={activity.title}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge variant="light">{t(`kind.${activity.kind}`)}</Badge>
            <Text fw={500}>{activity.title}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('editor.activityFacts', {
              offset: activity.offsetDays,
              duration: activity.durationMinutes,
            })}
            {activity.dueOffsetDays !== null && activity.dueOffsetDays !== undefined
              ? ` · ${t('editor.dueFact', { due: activity.dueOffsetDays })}`
              : ''}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <MoveButtons
            label={activity.title}
            index={index}
            length={length}
            disabled={busy}
            onMove={(to) => moveActivity.mutate({ activityId: activity.id, etag: activity.etag, body: activityWithPosition(activity, to) })}
          />
          <Button size="xs" variant="default" onClick={() => setEditing({ sectionId: section.id, activityId: activity.id })} aria-label={t('editor.editActivity', { title: activity.title })}>
            {t('editor.edit')}
          </Button>
          {confirmDelete === activity.id ? (
            <>
              <Button size="xs" color="red" loading={deleteActivity.isPending} onClick={() => deleteActivity.mutate(activity, { onSettled: () => setConfirmDelete(null) })}>
                {t('editor.confirmDelete')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirmDelete(null)}>
                {t('cohorts:common.cancel')}
              </Button>
            </>
          ) : (
            <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmDelete(activity.id)} aria-label={t('editor.deleteActivity', { title: activity.title })}>
              {t('editor.delete')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );

  return (
    <Stack component="section" aria-labelledby="outline-title">
      <Title order={2} size="h3" id="outline-title">
        {t('editor.outlineTitle')}
      </Title>
      {moveError && <ProblemAlert error={moveError} />}
      {sections.length === 0 && (
        <EmptyState headingLevel={3} title={t('editor.noSectionsTitle')} message={t('editor.noSections')} />
      )}
      {sections.map((section, sectionIndex) => {
        const activities = byPosition(section.activities);
        const headingId = `section-${section.id}`;
        return (
          <Paper key={section.id} withBorder p="md" component="section" aria-labelledby={headingId}>
            <Group justify="space-between" mb="sm" wrap="nowrap">
              <Title order={3} size="h4" id={headingId}>
                {t('editor.sectionHeading', { n: sectionIndex + 1, title: section.title })}
              </Title>
              <MoveButtons
                label={section.title}
                index={sectionIndex}
                length={sections.length}
                disabled={busy}
                onMove={(to) => updateSection.mutate({ sectionId: section.id, etag: section.etag, title: section.title, position: to })}
              />
            </Group>
            <Stack gap="xs">
              {activities.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('editor.noActivities')}
                </Text>
              ) : (
                <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('editor.activitiesOf', { title: section.title })}>
                  {activities.map((activity, index) =>
                    editing?.activityId === activity.id ? (
                      <li key={activity.id}>
                        <ActivityForm course={course} sectionId={section.id} activity={activity} onDone={() => setEditing(null)} />
                      </li>
                    ) : (
                      renderActivity(section, activity, index, activities.length)
                    ),
                  )}
                </Stack>
              )}
              {editing?.sectionId === section.id && !editing.activityId ? (
                <ActivityForm course={course} sectionId={section.id} onDone={() => setEditing(null)} />
              ) : (
                <Button
                  variant="light"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setEditing({ sectionId: section.id })}
                  aria-label={t('editor.addActivityTo', { title: section.title })}
                >
                  {t('editor.addActivity')}
                </Button>
              )}
            </Stack>
          </Paper>
        );
      })}
      <Paper withBorder p="md" component="form" onSubmit={onAddSection} noValidate aria-labelledby="add-section-title">
        <Title order={3} size="h4" id="add-section-title" mb="xs">
          {t('editor.addSectionTitle')}
        </Title>
        {addSection.isError && <ProblemAlert error={addSection.error} />}
        <Group align="flex-start">
          <TextInput
            label={t('editor.sectionTitle')}
            required
            value={newSection}
            onChange={(event) => setNewSection(event.currentTarget.value)}
            error={newSectionError}
            style={{ flex: 1 }}
          />
          <Button type="submit" mt={25} loading={addSection.isPending}>
            {t('editor.addSection')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
