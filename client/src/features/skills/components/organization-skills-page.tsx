import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import { useDownloadOrganizationSkills, useOrganizationSkills } from '@/features/skills/api/skills';
import { skillColour } from './skill-cell';

/** The organisation's HR view: its own employees' skills in every cohort they learn in, with the exports. */
export function OrganizationSkillsPage() {
  const { organizationId = '' } = useParams();
  const { t } = useTranslation('skills');
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const skills = useOrganizationSkills(organizationId, page);
  const download = useDownloadOrganizationSkills(organizationId);
  if (skills.isPending) return <LoadingState />;
  if (skills.isError) return <ErrorState error={skills.error} onRetry={() => void skills.refetch()} />;
  const { cohorts, employees } = skills.data;

  return (
    <Stack>
      <PageTitle>{t('orgTitle')}</PageTitle>
      <Group gap="xs">
        {(['csv', 'xlsx'] as const).map((kind) => (
          <Button key={kind} variant="light" loading={download.isPending && download.variables === kind} onClick={() => download.mutate(kind)}>
            {t(kind === 'csv' ? 'exportCsv' : 'exportXlsx')}
          </Button>
        ))}
      </Group>
      {download.isError && <ProblemAlert error={download.error} />}
      {employees.totalCount === 0 ? (
        <EmptyState title={t('emptyTitle')} message={t('noEmployees')} />
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="org-cohorts-title">
            <Title order={2} size="h4" id="org-cohorts-title">
              {t('cohorts')}
            </Title>
            <Table.ScrollContainer minWidth={400}>
              <Table data-testid="org-cohorts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('cohort')}</Table.Th>
                    <Table.Th scope="col">{t('employees')}</Table.Th>
                    <Table.Th scope="col">{t('acquired')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cohorts.map((cohort) => (
                    <Table.Tr key={cohort.cohortId}>
                      <Table.Th scope="row">{cohort.title}</Table.Th>
                      <Table.Td>{cohort.employees}</Table.Td>
                      <Table.Td>{t('acquiredOf', { acquired: cohort.acquired, total: cohort.skills })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="org-employees-title">
            <Title order={2} size="h4" id="org-employees-title">
              {t('employees')}
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="org-employees" aria-busy={skills.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('employee')}</Table.Th>
                    <Table.Th scope="col">{t('cohort')}</Table.Th>
                    <Table.Th scope="col">{t('code')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {employees.items.flatMap((employee) =>
                    employee.cohorts.map((cohort, i) => (
                      <Table.Tr key={`${employee.learnerId}-${cohort.cohortId}`}>
                        {i === 0 && (
                          <Table.Th scope="rowgroup" rowSpan={employee.cohorts.length}>
                            {employee.displayName}
                            <Text size="xs" c="dimmed">
                              {employee.email}
                            </Text>
                          </Table.Th>
                        )}
                        <Table.Td>{cohort.title}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {cohort.skills.map((skill) => (
                              <Badge key={skill.code} variant="outline" color="dark" style={{ background: skillColour(skill) }}>
                                {skill.code} · {skill.mastery === null || skill.mastery === undefined ? t(`status.${skill.status}`) : t('percent', { value: format.number(skill.mastery) })}
                                {skill.status === 'Acquired' && ` · ${t('status.Acquired')}`}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={page} pageSize={employees.pageSize} totalCount={employees.totalCount} onChange={setPage} />
          </Paper>
        </>
      )}
    </Stack>
  );
}
