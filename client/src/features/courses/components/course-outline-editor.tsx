import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { ProblemAlert } from '@/components/problem-alert';
import { type Course } from '@/features/courses/api/courses';
import {
  useAddSection,
  useDeleteActivity,
  useDeleteSection,
  useDeletionImpact,
  useOutline,
  useReorderOutline,
  useUpdateSection,
  type Activity,
  type OutlineSection,
} from '@/features/courses/api/outline';
import { ActivityForm } from './activity-form';
import { impactMessage } from './deletion-impact';
import { moveActivity, moveSection, orderOf, sameOrder, sectionOf, type OutlineOrder } from './reorder';

type Editing = { sectionId: string; activityId?: string } | null;
type Target = { kind: 'section' | 'activity'; id: string; title: string; etag: string };
type DragKind = 'section' | 'activity' | null;

/** The drop zone at the end of a section: how an activity reaches an empty section, or the end of another one. */
const END = 'end:';
const zoneSection = (id: UniqueIdentifier) => (String(id).startsWith(END) ? String(id).slice(END.length) : String(id));

/**
 * A section or an activity that can be dragged by its handle (mouse, touch, or keyboard: space, arrows, space). `children`
 * receives the handle to place. While a section moves, only sections are drop targets; while an activity moves, only
 * activities and section ends.
 */
function SortableItem({
  id,
  kind,
  label,
  handleLabel,
  dragging,
  disabled,
  children,
}: {
  id: string;
  kind: 'section' | 'activity';
  label?: string;
  handleLabel: string;
  dragging: DragKind;
  disabled: boolean;
  children: (handle: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation('courses');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    data: { kind },
    disabled: { draggable: disabled, droppable: dragging !== null && dragging !== kind },
    attributes: { roleDescription: t('editor.dnd.roleDescription') },
  });
  // The moving item keeps full contrast (axe, low vision): it is told apart by its outline, not by fading.
  const style = { transform: CSS.Translate.toString(transform), transition, outline: isDragging ? '2px dashed var(--mantine-primary-color-filled)' : undefined };
  const handle = (
    <ActionIcon variant="subtle" color="gray" aria-label={handleLabel} ref={setActivatorNodeRef} {...attributes} {...listeners} style={{ cursor: 'grab', touchAction: 'none' }}>
      <span aria-hidden>⠿</span>
    </ActionIcon>
  );
  // An activity is an item of its section's list: the sortable element itself is the <li>.
  return kind === 'activity' ? (
    <li ref={setNodeRef} style={style} aria-label={label}>
      {children(handle)}
    </li>
  ) : (
    <div ref={setNodeRef} style={style}>
      {children(handle)}
    </div>
  );
}

function SectionEnd({ section, dragging }: { section: OutlineSection; dragging: DragKind }) {
  const { t } = useTranslation('courses');
  const { setNodeRef, isOver } = useDroppable({ id: END + section.id, data: { kind: 'end' }, disabled: dragging !== 'activity' });
  return (
    <Text ref={setNodeRef} size="xs" c="dimmed" p={dragging === 'activity' ? 'xs' : 0} bg={isOver ? 'var(--mantine-color-blue-light)' : undefined} style={{ minHeight: 8 }}>
      {dragging === 'activity' ? t('editor.dropHere', { title: section.title }) : null}
    </Text>
  );
}

/** "Delete X?" with what it takes away (GET .../impact), confirmed or cancelled in place. */
function DeleteConfirmation({ courseId, target, pending, onConfirm, onCancel }: { courseId: string; target: Target; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation(['courses', 'cohorts']);
  const impact = useDeletionImpact(courseId, target);
  return (
    <Alert color="red" variant="light" role="group" aria-label={t(target.kind === 'section' ? 'editor.deleteSection' : 'editor.deleteActivity', { title: target.title })} data-testid="delete-confirmation">
      <Stack gap="xs">
        {impact.isPending && <Text size="sm">{t('editor.impact.loading')}</Text>}
        {impact.isError && <ProblemAlert error={impact.error} />}
        {impact.data && (
          <>
            <Text size="sm" data-testid="impact">
              {impactMessage(t, target.kind, target.title, impact.data)}
            </Text>
            <Text size="sm">{t('editor.impact.sessions')}</Text>
          </>
        )}
        <Group gap="xs">
          <Button size="xs" color="red.9" loading={pending} disabled={!impact.data} onClick={onConfirm}>
            {t('editor.confirmDelete')}
          </Button>
          <Button size="xs" variant="default" onClick={onCancel}>
            {t('cohorts:common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Sections and their activities: dragged with the mouse or the keyboard (dnd-kit), renamed, deleted after their impact, edited inline. */
export function CourseOutlineEditor({ course }: { course: Course }) {
  const { t } = useTranslation(['courses', 'common', 'cohorts']);
  const outline = useOutline(course.id);
  const addSection = useAddSection(course.id);
  const updateSection = useUpdateSection(course.id);
  const reorder = useReorderOutline(course.id);
  const deleteActivity = useDeleteActivity(course.id);
  const deleteSection = useDeleteSection(course.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [newSection, setNewSection] = useState('');
  const [newSectionError, setNewSectionError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Target | null>(null);
  const [dragging, setDragging] = useState<DragKind>(null);
  const [dragOrder, setDragOrder] = useState<OutlineOrder | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const sections = outline.data?.sections;
  const saved = useMemo(() => orderOf(sections ?? []), [sections]);
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const section of sections ?? []) {
      map.set(section.id, section.title);
      map.set(END + section.id, t('editor.dropHere', { title: section.title }));
      for (const activity of section.activities) map.set(activity.id, activity.title);
    }
    return map;
  }, [sections, t]);

  if (outline.isPending) return <LoadingState />;
  if (outline.isError) return <ErrorState error={outline.error} onRetry={() => void outline.refetch()} />;

  const order = dragOrder ?? saved;
  const sectionsById = new Map(outline.data.sections.map((s) => [s.id, s]));
  const activitiesById = new Map(outline.data.sections.flatMap((s) => s.activities.map((a) => [a.id, a] as const)));
  const busy = reorder.isPending || updateSection.isPending || deleteActivity.isPending || deleteSection.isPending;
  const error = reorder.error ?? updateSection.error ?? deleteActivity.error ?? deleteSection.error;
  const title = (id: UniqueIdentifier | undefined) => (id === undefined ? '' : (titles.get(String(id)) ?? ''));

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('editor.dnd.picked', { title: title(active.id) }),
    // Over itself (where a keyboard drag starts) says nothing, so the "picked up" announcement is not replaced at once.
    onDragOver: ({ active, over }) => (over && over.id !== active.id ? t('editor.dnd.over', { title: title(active.id), over: title(over.id) }) : undefined),
    onDragEnd: ({ active, over }) =>
      over ? t('editor.dnd.dropped', { title: title(active.id), over: title(over.id) }) : t('editor.dnd.droppedNowhere', { title: title(active.id) }),
    onDragCancel: ({ active }) => t('editor.dnd.cancelled', { title: title(active.id) }),
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setDragging(active.data.current?.kind === 'section' ? 'section' : 'activity');
    setDragOrder(saved);
  };

  // An activity crossing into another section joins that section's list now, so the list it is sorted in is the right one.
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (dragging !== 'activity' || !over) return;
    const current = dragOrder ?? saved;
    const to = zoneSection(over.id);
    if (sectionOf(current, String(active.id)) !== sectionOf(current, to)) setDragOrder(moveActivity(current, String(active.id), to));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const current = dragOrder ?? saved;
    const next = !over
      ? current
      : dragging === 'section'
        ? moveSection(current, String(active.id), String(over.id))
        : moveActivity(current, String(active.id), zoneSection(over.id));
    setDragging(null);
    if (sameOrder(next, saved)) {
      setDragOrder(null);
      return;
    }
    // Shown at once; the server's outline replaces it (or, on 412/409, the reloaded one does).
    setDragOrder(next);
    reorder.mutate({ etag: outline.data.etag, body: { sections: next } }, { onSettled: () => setDragOrder(null) });
  };

  const onDragCancel = () => {
    setDragging(null);
    setDragOrder(null);
  };

  const onAddSection = (event: React.FormEvent) => {
    event.preventDefault();
    const value = newSection.trim();
    if (!value) {
      setNewSectionError(t('common:validation.required'));
      return;
    }
    if (value.length > 200) {
      setNewSectionError(t('common:validation.maxLength', { max: 200 }));
      return;
    }
    setNewSectionError(null);
    addSection.mutate({ title: value }, { onSuccess: () => setNewSection('') });
  };

  const onRename = (section: OutlineSection) => (event: React.FormEvent) => {
    event.preventDefault();
    const value = renaming?.title.trim() ?? '';
    if (!value || value.length > 200) return;
    updateSection.mutate({ sectionId: section.id, etag: section.etag, title: value, position: section.position }, { onSuccess: () => setRenaming(null) });
  };

  const onConfirmDelete = (target: Target) => {
    const mutation = target.kind === 'section' ? deleteSection : deleteActivity;
    mutation.mutate({ id: target.id, etag: target.etag }, { onSettled: () => setConfirming(null) });
  };

  const confirmation = (target: Target) =>
    confirming?.kind === target.kind && confirming.id === target.id ? (
      <DeleteConfirmation
        courseId={course.id}
        target={confirming}
        pending={deleteSection.isPending || deleteActivity.isPending}
        onConfirm={() => onConfirmDelete(confirming)}
        onCancel={() => setConfirming(null)}
      />
    ) : null;

  const renderActivity = (section: OutlineSection, activity: Activity) => (
    <SortableItem
      key={activity.id}
      id={activity.id}
      kind="activity"
      label={activity.title}
      handleLabel={t('editor.dragActivity', { title: activity.title })}
      dragging={dragging} disabled={busy || editing?.activityId === activity.id}>
      {(handle) =>
        editing?.activityId === activity.id ? (
          <ActivityForm course={course} sectionId={section.id} activity={activity} onDone={() => setEditing(null)} />
        ) : (
          <Paper withBorder p="sm" data-testid="activity-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                {handle}
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge variant="light">{t(`kind.${activity.kind}`)}</Badge>
                    <Text fw={500}>{activity.title}</Text>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('editor.activityFacts', { offset: activity.offsetDays, duration: activity.durationMinutes })}
                    {activity.dueOffsetDays !== null && activity.dueOffsetDays !== undefined ? ` · ${t('editor.dueFact', { due: activity.dueOffsetDays })}` : ''}
                  </Text>
                </Stack>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="default" onClick={() => setEditing({ sectionId: section.id, activityId: activity.id })} aria-label={t('editor.editActivity', { title: activity.title })}>
                  {t('editor.edit')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setConfirming({ kind: 'activity', id: activity.id, title: activity.title, etag: activity.etag })}
                  aria-label={t('editor.deleteActivity', { title: activity.title })}
                >
                  {t('editor.delete')}
                </Button>
              </Group>
            </Group>
            {confirmation({ kind: 'activity', id: activity.id, title: activity.title, etag: activity.etag })}
          </Paper>
        )
      }
    </SortableItem>
  );

  return (
    <Stack component="section" aria-labelledby="outline-title">
      <Title order={2} size="h3" id="outline-title">
        {t('editor.outlineTitle')}
      </Title>
      {error && <ProblemAlert error={error} />}
      {reorder.isPending && (
        <Text size="sm" c="dimmed" role="status">
          {t('editor.dnd.saving')}
        </Text>
      )}
      {order.length === 0 && <EmptyState headingLevel={3} title={t('editor.noSectionsTitle')} message={t('editor.noSections')} />}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('editor.dnd.instructions') } }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        <SortableContext items={order.map((s) => s.id)} strategy={verticalListSortingStrategy}>
          {order.map((place, sectionIndex) => {
            const section = sectionsById.get(place.id);
            if (!section) return null;
            const headingId = `section-${section.id}`;
            const activities = place.activityIds.map((id) => activitiesById.get(id)).filter((a): a is Activity => a !== undefined);
            return (
              <SortableItem
                key={section.id}
                id={section.id}
                kind="section"
                handleLabel={t('editor.dragSection', { title: section.title })}
                dragging={dragging} disabled={busy || renaming?.id === section.id}>
                {(handle) => (
                  <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="outline-section">
                    <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
                      <Group gap="xs" wrap="nowrap" style={{ flex: 1 }}>
                        {handle}
                        <Title order={3} size="h4" id={headingId}>
                          {t('editor.sectionHeading', { n: sectionIndex + 1, title: section.title })}
                        </Title>
                      </Group>
                      {renaming?.id !== section.id && (
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setRenaming({ id: section.id, title: section.title })} aria-label={t('editor.renameSection', { title: section.title })}>
                            {t('editor.rename')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setConfirming({ kind: 'section', id: section.id, title: section.title, etag: section.etag })}
                            aria-label={t('editor.deleteSection', { title: section.title })}
                          >
                            {t('editor.delete')}
                          </Button>
                        </Group>
                      )}
                    </Group>
                    {renaming?.id === section.id && (
                      <Group component="form" onSubmit={onRename(section)} gap="xs" align="flex-end" style={{ flex: 1 }}>
                        <TextInput
                          label={t('editor.renameSection', { title: section.title })}
                          value={renaming.title}
                          onChange={(event) => setRenaming({ id: section.id, title: event.currentTarget.value })}
                          error={renaming.title.trim() === '' ? t('common:validation.required') : renaming.title.length > 200 ? t('common:validation.maxLength', { max: 200 }) : null}
                          required
                          style={{ flex: 1 }}
                        />
                        <Button type="submit" size="sm" loading={updateSection.isPending}>
                          {t('editor.saveTitle')}
                        </Button>
                        <Button size="sm" variant="default" onClick={() => setRenaming(null)}>
                          {t('editor.cancel')}
                        </Button>
                      </Group>
                    )}
                    {confirmation({ kind: 'section', id: section.id, title: section.title, etag: section.etag })}
                    <Stack gap="xs" mt="xs">
                      {activities.length === 0 && dragging !== 'activity' && (
                        <Text size="sm" c="dimmed">
                          {t('editor.noActivities')}
                        </Text>
                      )}
                      <SortableContext items={place.activityIds} strategy={verticalListSortingStrategy}>
                        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('editor.activitiesOf', { title: section.title })}>
                          {activities.map((activity) => renderActivity(section, activity))}
                        </Stack>
                      </SortableContext>
                      <SectionEnd section={section} dragging={dragging} />
                      {editing?.sectionId === section.id && !editing.activityId ? (
                        <ActivityForm course={course} sectionId={section.id} onDone={() => setEditing(null)} />
                      ) : (
                        <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setEditing({ sectionId: section.id })} aria-label={t('editor.addActivityTo', { title: section.title })}>
                          {t('editor.addActivity')}
                        </Button>
                      )}
                    </Stack>
                  </Paper>
                )}
              </SortableItem>
            );
          })}
        </SortableContext>
      </DndContext>
      <Paper withBorder p="md" component="form" onSubmit={onAddSection} noValidate aria-labelledby="add-section-title">
        <Title order={3} size="h4" id="add-section-title" mb="xs">
          {t('editor.addSectionTitle')}
        </Title>
        {addSection.isError && <ProblemAlert error={addSection.error} />}
        <Group align="flex-start">
          <TextInput label={t('editor.sectionTitle')} required value={newSection} onChange={(event) => setNewSection(event.currentTarget.value)} error={newSectionError} style={{ flex: 1 }} />
          <Button type="submit" mt={25} loading={addSection.isPending}>
            {t('editor.addSection')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
