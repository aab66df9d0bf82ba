import { Badge, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useFormatters } from '@/lib/i18n/format';
import { useLearnerSkills, type SkillCell } from '@/features/skills/api/skills';

const statusColour: Record<SkillCell['status'], string> = { Acquired: 'green', InProgress: 'yellow', NotStarted: 'gray' };

/** One learner's competencies in a cohort: status, mastery, activities done and the day each was acquired. Reusable wherever a learner is shown. */
export function LearnerSkillsList({ cohortId, userId }: { cohortId: string; userId: string }) {
  const { t } = useTranslation('skills');
  const format = useFormatters();
  const skills = useLearnerSkills(cohortId, userId);
  if (skills.isPending) return <LoadingState />;
  if (skills.isError) return <ErrorState error={skills.error} onRetry={() => void skills.refetch()} />;
  return (
    <List spacing="xs" listStyleType="none" data-testid="learner-skills">
      {skills.data.competencies.map(({ code, title, skill }) => (
        <List.Item key={code}>
          <Stack gap={2}>
            <Text fw={500} component="div">
              {code} · {title}{' '}
              <Badge color={statusColour[skill.status]} variant="light">
                {t(`status.${skill.status}`)}
              </Badge>
            </Text>
            <Text size="sm" c="dimmed">
              {skill.mastery === null || skill.mastery === undefined ? t('noEvidence') : t('percent', { value: format.number(skill.mastery) })}
              {' · '}
              {t('activities', { done: skill.activitiesDone, total: skill.activitiesTotal })}
              {skill.acquiredAt && ` · ${t('acquiredOn', { date: format.day(skill.acquiredAt) })}`}
            </Text>
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
