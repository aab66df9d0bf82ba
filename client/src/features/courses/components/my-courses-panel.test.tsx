import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json } from '@/testing/fake-api';
import { courseId, paged, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { Course } from '@/features/courses/api/courses';
import { MyCoursesPanel } from './my-courses-panel';

const course = (id: string, title: string, isPublished: boolean): Course => ({
  id, organizationId: 'o1', title, summary: '', language: 'fr', competencies: [], isPublished, createdAt: '2027-01-01T00:00:00Z',
});

describe('MyCoursesPanel (trainer home)', () => {
  it('lists the trainer’s courses, drafts flagged, each linking to its editor', async () => {
    signedInApi(trainerMe, { 'GET /api/v1/courses': () => json(paged([course(courseId, 'Gestion de projet agile', true), course('c2', 'Prise de parole', false)])) });
    renderRoute('/trainer', { '/trainer': <MyCoursesPanel /> });
    const panel = await screen.findByRole('region', { name: 'Mes cours' });
    const list = await within(panel).findByTestId('my-courses');
    expect(within(list).getByRole('link', { name: 'Modifier Gestion de projet agile' })).toHaveAttribute('href', `/courses/${courseId}/edit`);
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Gestion de projet agilePublié', 'Prise de paroleBrouillon']);
    expect(within(panel).getByRole('link', { name: 'Créer un cours' })).toHaveAttribute('href', '/courses/new');
  });

  it('invites to write a first course when there is none', async () => {
    signedInApi(trainerMe, { 'GET /api/v1/courses': () => json(paged([])) });
    renderRoute('/trainer', { '/trainer': <MyCoursesPanel /> });
    expect(await screen.findByText(/Rédigez le contenu de vos cours/)).toBeInTheDocument();
  });
});
