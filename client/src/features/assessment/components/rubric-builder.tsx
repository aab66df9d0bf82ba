import { Alert, Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import { useCohortAccess } from '@/lib/api/cohort-access';
import {
  copyOf,
  levelsIncrease,
  useCourseCompetencies,
  useCreateRubricTemplate,
  useRubricTemplates,
  type Rubric,
  type RubricCriterion,
  withTotals,
} from '@/features/assessment/api/rubrics';

function blankCriterion(): RubricCriterion {
  return {
    title: '',
    competencyCode: null,
    levels: [
      { title: '', points: 0 },
      { title: '', points: 1 },
      { title: '', points: 2 },
    ],
    maxPoints: 2,
  };
}

function CriterionEditor({
  criterion,
  number,
  competencies,
  onChange,
  onRemove,
}: {
  criterion: RubricCriterion;
  number: number;
  competencies: readonly { code: string; title: string }[];
  onChange: (criterion: RubricCriterion) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('assessment');
  const levels = criterion.levels;
  const setLevel = (index: number, change: Partial<{ title: string; points: number }>) =>
    onChange({ ...criterion, levels: levels.map((level, i) => (i === index ? { ...level, ...change } : level)) });
  return (
    <Paper withBorder p="md" component="fieldset" aria-label={t('rubric.criterionTitle', { number })}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('rubric.criterionTitle', { number })}
        </Title>
        <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
          {t('rubric.removeCriterion', { number })}
        </Button>
      </Group>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label={t('rubric.criterion', { number })}
            required
            maxLength={200}
            value={criterion.title}
            onChange={(event) => onChange({ ...criterion, title: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('rubric.competency', { number })}
            data={[{ value: '', label: t('rubric.noCompetency') }, ...competencies.map((c) => ({ value: c.code, label: `${c.code} — ${c.title}` }))]}
            value={criterion.competencyCode ?? ''}
            onChange={(event) => onChange({ ...criterion, competencyCode: event.currentTarget.value || null })}
          />
        </Group>
        {levels.map((level, index) => (
          <Group key={index} align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('rubric.level', { criterion: number, number: index + 1 })}
              required
              maxLength={200}
              value={level.title}
              onChange={(event) => setLevel(index, { title: event.currentTarget.value })}
            />
            <NumberInput
              w={120}
              label={t('rubric.levelPoints', { criterion: number, number: index + 1 })}
              min={0}
              max={1000}
              decimalScale={2}
              value={level.points}
              onChange={(value) => setLevel(index, { points: Number(value) || 0 })}
            />
            <Button
              variant="subtle"
              color="red"
              size="xs"
              disabled={levels.length <= 2}
              aria-label={t('rubric.removeLevel', { criterion: number, number: index + 1 })}
              onClick={() => onChange({ ...criterion, levels: levels.filter((_, i) => i !== index) })}
            >
              ×
            </Button>
          </Group>
        ))}
        {!levelsIncrease(criterion) && (
          <Text c="red" size="sm" role="alert">
            {t('rubric.notIncreasing')}
          </Text>
        )}
        <Button
          variant="default"
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          disabled={levels.length >= 10}
          onClick={() => onChange({ ...criterion, levels: [...levels, { title: '', points: (levels.at(-1)?.points ?? 0) + 1 }] })}
        >
          {t('rubric.addLevel', { number })}
        </Button>
      </Stack>
    </Paper>
  );
}

/** Saves the rubric being built as one of the organisation's templates (org admins and trainers; the API answers for others). */
function SaveAsTemplate({ organizationId, rubric }: { organizationId: string; rubric: Rubric }) {
  const { t } = useTranslation('assessment');
  const save = useCreateRubricTemplate(organizationId);
  const [title, setTitle] = useState('');
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput label={t('rubric.templateTitle')} maxLength={200} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
        <Button variant="light" loading={save.isPending} disabled={!title.trim()} onClick={() => save.mutate({ title: title.trim(), rubric })}>
          {t('rubric.saveTemplate')}
        </Button>
      </Group>
      {save.isError && <ProblemAlert error={save.error} />}
      {save.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {t('rubric.templateSaved', { title: save.data.title })}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * The rubric builder of the assignment editor: criteria × levels with points (lowest first), each criterion optionally tied to
 * one of the course's competencies; started from scratch or from a copy of an organisation template.
 */
export function RubricBuilder({
  cohortId,
  rubric,
  maxPoints,
  onChange,
}: {
  cohortId: string;
  rubric: Rubric | null | undefined;
  maxPoints: number;
  onChange: (rubric: Rubric | null) => void;
}) {
  const { t } = useTranslation('assessment');
  const format = useFormatters();
  const cohort = useCohortAccess(cohortId);
  const competencies = useCourseCompetencies(cohort.data?.courseId);
  const templates = useRubricTemplates(cohort.data?.organizationId);
  const [templateId, setTemplateId] = useState('');
  const criteria = rubric?.criteria ?? [];
  const set = (next: RubricCriterion[]) => onChange(next.length ? withTotals(next) : null);
  const template = templates.data?.items.find((item) => item.id === templateId);

  return (
    <Stack component="section" aria-labelledby="rubric-title">
      <Title order={2} size="h4" id="rubric-title">
        {t('rubric.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('rubric.hint')}
      </Text>
      {templates.isError && <ProblemAlert error={templates.error} />}
      {(templates.data?.items.length ?? 0) > 0 && (
        <Group align="flex-end">
          <NativeSelect
            label={t('rubric.template')}
            data={[{ value: '', label: t('rubric.pickTemplate') }, ...(templates.data?.items ?? []).map((item) => ({ value: item.id, label: item.title }))]}
            value={templateId}
            onChange={(event) => setTemplateId(event.currentTarget.value)}
          />
          <Button variant="default" disabled={!template} onClick={() => template && onChange(copyOf(template.rubric))}>
            {t('rubric.useTemplate')}
          </Button>
        </Group>
      )}
      {criteria.map((criterion, index) => (
        <CriterionEditor
          key={index}
          number={index + 1}
          criterion={criterion}
          competencies={competencies.data ?? []}
          onChange={(changed) => set(criteria.map((c, i) => (i === index ? changed : c)))}
          onRemove={() => set(criteria.filter((_, i) => i !== index))}
        />
      ))}
      <Group>
        <Button variant="default" disabled={criteria.length >= 30} onClick={() => set([...criteria, blankCriterion()])}>
          {t('rubric.addCriterion')}
        </Button>
      </Group>
      {rubric && (
        <>
          <Text size="sm" data-testid="rubric-total">
            {rubric.totalPoints === maxPoints
              ? t('rubric.total', { points: format.number(rubric.totalPoints) })
              : t('rubric.totalScaled', { points: format.number(rubric.totalPoints), max: format.number(maxPoints) })}
          </Text>
          {cohort.data && <SaveAsTemplate organizationId={cohort.data.organizationId} rubric={rubric} />}
        </>
      )}
    </Stack>
  );
}
