import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/i18n/format';
import type { RubricScore } from '@/features/assessment/api/rubrics';
import { ServerHtml } from './server-html';

/** The learner's feedback per rubric criterion: the level chosen, its points out of the criterion's maximum, the comment as the server rendered it. */
export function RubricFeedback({ scores }: { scores: readonly RubricScore[] }) {
  const { t } = useTranslation('assessment');
  const format = useFormatters();
  return (
    <>
      <Title order={3} size="h5" id="rubric-feedback-title">
        {t('rubric.feedbackTitle')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table aria-labelledby="rubric-feedback-title" data-testid="rubric-feedback">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rubric.criterionColumn')}</Table.Th>
              <Table.Th scope="col">{t('rubric.levelColumn')}</Table.Th>
              <Table.Th scope="col">{t('rubric.pointsColumn')}</Table.Th>
              <Table.Th scope="col">{t('rubric.commentColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scores.map((score) => (
              <Table.Tr key={score.criterionId}>
                <Table.Th scope="row">
                  {score.criterion}
                  {score.competencyCode && ` (${score.competencyCode})`}
                </Table.Th>
                <Table.Td>{score.level}</Table.Td>
                <Table.Td>{t('rubric.points', { points: format.number(score.points), max: format.number(score.maxPoints) })}</Table.Td>
                <Table.Td>{score.commentHtml && <ServerHtml html={score.commentHtml} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
