import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useSession } from '@/lib/auth/session-context';
import { useCourses } from '@/features/courses/api/courses';

/** /courses: the courses the caller may see, with a way into the editor for the ones they author. */
export function CoursesPage() {
  const { t } = useTranslation(['courses', 'common']);
  const { user } = useSession();
  const courses = useCourses();
  const authoring = new Set(
    (user?.organizations ?? []).filter((o) => o.role === 'OrgAdmin' || o.role === 'Trainer').map((o) => o.organizationId),
  );

  return (
    <Stack>
      <PageTitle>{t('list.title')}</PageTitle>
      {authoring.size > 0 && (
        <Button component={Link} to="/courses/new" style={{ alignSelf: 'flex-start' }}>
          {t('create.title')}
        </Button>
      )}
      {courses.isPending ? (
        <LoadingState />
      ) : courses.isError ? (
        <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />
      ) : courses.data.items.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')} message={t('list.empty')} />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {courses.data.items.map((course) => (
            <Paper key={course.id} withBorder p="md" component="li" aria-labelledby={`course-${course.id}`}>
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Title order={2} size="h4" id={`course-${course.id}`}>
                      {course.title}
                    </Title>
                    <Badge color={course.isPublished ? 'green' : 'gray'} variant="light">
                      {course.isPublished ? t('status.published') : t('status.draft')}
                    </Badge>
                  </Group>
                  {course.summary && (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {course.summary}
                    </Text>
                  )}
                </Stack>
                {authoring.has(course.organizationId) && (
                  <Button component={Link} to={`/courses/${course.id}/edit`} variant="default" aria-label={t('list.editNamed', { title: course.title })}>
                    {t('list.edit')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
