import { Group, NumberInput, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/i18n/format';
import type { RubricCriterion } from '@/features/assessment/api/rubrics';

export type Choice = { levelId?: string; comment: string };

/**
 * Rubric clicks: one level per criterion (a radio group each) and a comment per criterion. Keys 1 to 9 on a criterion's
 * levels choose the matching level (the comment field keeps its digits).
 */
export function RubricClicks({
  criteria,
  choices,
  onChange,
}: {
  criteria: readonly RubricCriterion[];
  choices: Readonly<Record<string, Choice>>;
  onChange: (criterionId: string, choice: Choice) => void;
}) {
  const { t } = useTranslation('assessment');
  const format = useFormatters();
  return (
    <Stack gap="sm" component="section" aria-labelledby="rubric-grading-title">
      <Title order={3} size="h5" id="rubric-grading-title">
        {t('rubric.gradeTitle')}
      </Title>
      <Text size="sm" c="dimmed" id="rubric-shortcuts">
        {t('rubric.shortcuts')}
      </Text>
      {criteria.map((criterion) => {
        const id = criterion.id ?? '';
        const choice = choices[id] ?? { comment: '' };
        const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
          if (event.target instanceof HTMLTextAreaElement || event.altKey || event.ctrlKey || event.metaKey) return;
          const level = /^[1-9]$/.test(event.key) ? criterion.levels[Number(event.key) - 1] : undefined;
          if (!level?.id) return;
          event.preventDefault();
          onChange(id, { ...choice, levelId: level.id });
          // The focus follows the choice, as an arrow key would move it.
          (event.currentTarget.querySelector(`input[value="${level.id}"]`) as HTMLInputElement | null)?.focus();
        };
        return (
          <Paper key={id} withBorder p="sm" onKeyDown={onKeyDown}>
            <Radio.Group
              label={criterion.competencyCode ? `${criterion.title} (${criterion.competencyCode})` : criterion.title}
              description={t('rubric.points', { points: choice.levelId ? format.number(criterion.levels.find((l) => l.id === choice.levelId)?.points ?? 0) : '–', max: format.number(criterion.maxPoints) })}
              value={choice.levelId ?? null}
              onChange={(levelId) => onChange(id, { ...choice, levelId })}
              aria-describedby="rubric-shortcuts"
            >
              <Group gap="md" mt="xs">
                {criterion.levels.map((level, index) => (
                  <Radio key={level.id} value={level.id ?? ''} label={`${index + 1}. ${t('rubric.levelOption', { title: level.title, points: format.number(level.points) })}`} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              mt="xs"
              autosize
              minRows={1}
              maxLength={2000}
              label={t('rubric.comment', { criterion: criterion.title })}
              value={choice.comment}
              onChange={(event) => onChange(id, { ...choice, comment: event.currentTarget.value })}
            />
          </Paper>
        );
      })}
    </Stack>
  );
}

export type Adjustment = { points: number | string; reason: string };

/** A group project's members, each with an adjustment to the group's grade (points and a reason). */
export function GroupAdjustments({
  groupName,
  members,
  adjustments,
  onChange,
}: {
  groupName: string;
  members: readonly { userId: string; displayName: string }[];
  adjustments: Readonly<Record<string, Adjustment>>;
  onChange: (userId: string, adjustment: Adjustment) => void;
}) {
  const { t } = useTranslation('assessment');
  return (
    <Stack gap="xs" component="section" aria-labelledby="adjustments-title">
      <Title order={3} size="h5" id="adjustments-title">
        {t('groupProject.adjustments')} — {t('groupProject.group', { name: groupName })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('groupProject.adjustmentsHint')}
      </Text>
      {members.map((member) => {
        const adjustment = adjustments[member.userId] ?? { points: '', reason: '' };
        const adjusted = adjustment.points !== '' && Number(adjustment.points) !== 0;
        return (
          <Group key={member.userId} grow align="flex-start">
            <NumberInput
              label={t('groupProject.adjustment', { name: member.displayName })}
              decimalScale={2}
              min={-1000}
              max={1000}
              value={adjustment.points}
              onChange={(points) => onChange(member.userId, { ...adjustment, points })}
            />
            <TextInput
              label={t('groupProject.reason', { name: member.displayName })}
              required={adjusted}
              maxLength={500}
              value={adjustment.reason}
              onChange={(event) => onChange(member.userId, { ...adjustment, reason: event.currentTarget.value })}
            />
          </Group>
        );
      })}
    </Stack>
  );
}
