import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useCourses } from '@/features/courses/api/courses';

/** How many courses the home lists; "Tous mes cours" has the rest. */
const COURSES_SHOWN = 6;

/** The trainer's home: their organisation's courses (GET /courses), drafts flagged, each a link to its editor. */
export function MyCoursesPanel() {
  const { t } = useTranslation(['homes', 'common']);
  const courses = useCourses();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="my-courses-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="my-courses-title">
          {t('common:home.trainer.openCourses')}
        </Title>
        <Button component={Link} to="/courses/new" size="xs" variant="default">
          {t('courses.create')}
        </Button>
      </Group>
      {courses.isPending ? (
        <LoadingState />
      ) : courses.isError ? (
        <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />
      ) : courses.data.items.length === 0 ? (
        <Text c="dimmed">{t('common:home.trainer.coursesEmpty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="my-courses">
          {courses.data.items.slice(0, COURSES_SHOWN).map((course) => (
            <Group component="li" key={course.id} justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/courses/${course.id}/edit`} fw={600} aria-label={t('courses.edit', { title: course.title })}>
                {course.title}
              </Anchor>
              <Badge variant="light" color={course.isPublished ? 'green' : 'gray'}>
                {t(course.isPublished ? 'courses.published' : 'courses.draft')}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
      <Button component={Link} to="/courses" variant="subtle" mt="sm" px={0}>
        {t('courses.all')}
      </Button>
    </Paper>
  );
}
