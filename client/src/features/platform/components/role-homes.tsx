import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { HomeHeader } from './home-header';

// Placeholders: the cohorts, courses, assessment and community issues fill these homes.
// Until then they say honestly what will appear and when.

export function LearnerHome() {
  const { t } = useTranslation();
  return (
    <>
      <HomeHeader title={t('home.learner.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <EmptyState title={t('home.learner.cohortsTitle')} message={t('home.learner.cohortsEmpty')} />
        <EmptyState title={t('home.learner.activitiesTitle')} message={t('home.learner.activitiesEmpty')} />
      </SimpleGrid>
    </>
  );
}

export function MentorHome() {
  const { t } = useTranslation();
  return (
    <>
      <HomeHeader title={t('home.mentor.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <EmptyState title={t('home.mentor.learnersTitle')} message={t('home.mentor.learnersEmpty')} />
        <EmptyState title={t('home.mentor.feedbackTitle')} message={t('home.mentor.feedbackEmpty')} />
      </SimpleGrid>
    </>
  );
}

export function TrainerHome() {
  const { t } = useTranslation();
  return (
    <>
      <HomeHeader title={t('home.trainer.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <EmptyState title={t('home.trainer.cohortsTitle')} message={t('home.trainer.cohortsEmpty')} />
        <EmptyState title={t('home.trainer.coursesTitle')} message={t('home.trainer.coursesEmpty')} />
      </SimpleGrid>
    </>
  );
}
