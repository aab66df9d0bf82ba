import { Badge, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useCourseForEdit, useDuplicateCourse } from '@/features/courses/api/courses';
import { CourseDetailsForm } from './course-details-form';
import { CourseOutlineEditor } from './course-outline-editor';

/** /courses/:courseId/edit: the course staff's editor (details, publish, sections and activities). */
export function CourseEditorPage() {
  const { t } = useTranslation(['courses', 'common']);
  const { courseId = '' } = useParams();
  const current = useCourseForEdit(courseId);
  const duplicate = useDuplicateCourse(courseId);
  const navigate = useNavigate();

  if (current.isPending) return <LoadingState />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  const { course, etag } = current.data;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('editor.title', { title: course.title })}</PageTitle>
        <Group gap="xs">
          <Badge color={course.isPublished ? 'green' : 'gray'} variant="light" size="lg" data-testid="course-status">
            {course.isPublished ? t('status.published') : t('status.draft')}
          </Badge>
          <Button variant="default" loading={duplicate.isPending} onClick={() => duplicate.mutate(undefined, { onSuccess: (copy) => void navigate(`/courses/${copy.id}/edit`) })}>
            {t('editor.duplicate')}
          </Button>
        </Group>
      </Group>
      {duplicate.isError && <ProblemAlert error={duplicate.error} />}
      <CourseDetailsForm course={course} etag={etag} onReload={() => void current.refetch()} />
      <CourseOutlineEditor course={course} />
      <Button component={Link} to="/courses" variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('editor.backToList')}
      </Button>
    </Stack>
  );
}
