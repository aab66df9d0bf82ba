import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, problem } from '@/testing/fake-api';
import { cohortId, learnerMe, orgAdminMe, paged, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { CohortSkills, LearnerSkills, OrganizationSkills } from '@/features/skills/api/skills';
import { CohortSkillsPage } from './cohort-skills-page';
import { OrganizationSkillsPage } from './organization-skills-page';

const pages = {
  '/cohorts/:cohortId/skills': <CohortSkillsPage />,
  '/organizations/:organizationId/skills': <OrganizationSkillsPage />,
};

const organizationId = orgAdminMe.organizations[0]!.organizationId;
const other = '0192f0c1-0000-7000-8000-00000000c002';

const cohortSkills: CohortSkills = {
  threshold: 50,
  competencies: [
    { code: 'C1', title: 'Planifier' },
    { code: 'C2', title: 'Communiquer' },
  ],
  distribution: [
    { code: 'C1', acquired: 1, inProgress: 1, notStarted: 0, noEvidence: 0, below25: 1, below50: 0, below75: 0, from75: 1 },
    { code: 'C2', acquired: 0, inProgress: 1, notStarted: 1, noEvidence: 2, below25: 0, below50: 0, below75: 0, from75: 0 },
  ],
  progress: [
    { weekEnding: '2027-01-10', acquiredPercent: 0, completionPercent: 12.5 },
    { weekEnding: '2027-01-17', acquiredPercent: 25, completionPercent: 37.5 },
  ],
  learners: paged([
    {
      learnerId: learnerMe.id,
      displayName: 'Anaïs Girard',
      cells: [
        { code: 'C1', mastery: 80, activitiesDone: 2, activitiesTotal: 2, acquiredAt: '2027-01-12T09:00:00Z', status: 'Acquired' },
        { code: 'C2', mastery: null, activitiesDone: 1, activitiesTotal: 1, acquiredAt: null, status: 'InProgress' },
      ],
    },
    {
      learnerId: other,
      displayName: 'James O’Connor',
      cells: [
        { code: 'C1', mastery: 10, activitiesDone: 0, activitiesTotal: 2, acquiredAt: null, status: 'InProgress' },
        { code: 'C2', mastery: null, activitiesDone: 0, activitiesTotal: 1, acquiredAt: null, status: 'NotStarted' },
      ],
    },
  ]),
};

const anaisSkills: LearnerSkills = {
  cohortId,
  learnerId: learnerMe.id,
  threshold: 50,
  competencies: [
    { code: 'C1', title: 'Planifier', skill: cohortSkills.learners.items[0]!.cells[0]! },
    { code: 'C2', title: 'Communiquer', skill: cohortSkills.learners.items[0]!.cells[1]! },
  ],
};

function stubDownloads() {
  const createObjectURL = vi.fn(() => 'blob:skills');
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
  return createObjectURL;
}

describe('skills screens', () => {
  it('shows the matrix with each cell in words, the distribution and progress as tables, a learner’s list, and downloads both files', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}/skills`]: () => json(cohortSkills),
      [`GET /api/v1/cohorts/${cohortId}/members/${learnerMe.id}/skills`]: () => json(anaisSkills),
      [`GET /api/v1/cohorts/${cohortId}/skills/export`]: () => new Response('\uFEFFApprenant\r\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    const createObjectURL = stubDownloads();
    const { user } = renderRoute(`/cohorts/${cohortId}/skills`, pages);

    const matrix = await screen.findByTestId('skills-matrix');
    const row = within(matrix).getByRole('rowheader', { name: /Anaïs Girard/ }).closest('tr')!;
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['80 %Acquise', '—En cours']);
    expect(screen.getByText(/maîtrise atteint 50 %/)).toBeInTheDocument();

    const distribution = within(screen.getByTestId('distribution-table')).getByRole('rowheader', { name: 'C1' }).closest('tr')!;
    expect(within(distribution).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1', '1', '0', '0', '1', '0', '0', '1']);
    const progress = within(screen.getByTestId('progress-table')).getAllByRole('row');
    expect(progress[2]).toHaveTextContent('25 %');
    expect(progress[2]).toHaveTextContent('37,5 %');

    await user.click(within(row).getByRole('button', { name: /Anaïs Girard/ }));
    const list = await screen.findByTestId('learner-skills');
    expect(list).toHaveTextContent('C1 · Planifier');
    expect(list).toHaveTextContent('2/2 activités');
    expect(list).toHaveTextContent(/acquise le 12 janv\. 2027/);

    await user.click(screen.getByRole('button', { name: 'Exporter (Excel)' }));
    await user.click(screen.getByRole('button', { name: 'Exporter (CSV)' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(2));
    const formats = api.sent(`GET /api/v1/cohorts/${cohortId}/skills/export`).map((request) => new URL(request.url).searchParams.get('format'));
    expect(formats).toEqual(['xlsx', 'csv']);
    expect(api.sent(`GET /api/v1/cohorts/${cohortId}/skills/export`)[0]!.headers.get('Authorization')).toMatch(/^Bearer /);
  });

  it('says so when a mentor opens the matrix (the API refuses)', async () => {
    signedInApi(trainerMe, { [`GET /api/v1/cohorts/${cohortId}/skills`]: () => problem(403, 'forbidden') });
    renderRoute(`/cohorts/${cohortId}/skills`, pages);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });

  it('shows an org admin their employees across cohorts with the totals, and exports the XLSX', async () => {
    const skills: OrganizationSkills = {
      cohorts: [{ cohortId, title: 'Cohorte inter-entreprises', employees: 2, acquired: 1, skills: 4 }],
      employees: paged([
        {
          learnerId: learnerMe.id,
          displayName: 'Anaïs Girard',
          email: learnerMe.email,
          cohorts: [{ cohortId, title: 'Cohorte inter-entreprises', skills: cohortSkills.learners.items[0]!.cells }],
        },
      ]),
    };
    const api = signedInApi(orgAdminMe, {
      [`GET /api/v1/organizations/${organizationId}/skills`]: () => json(skills),
      [`GET /api/v1/organizations/${organizationId}/skills/export`]: () => new Response('xlsx', { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
    });
    const createObjectURL = stubDownloads();
    const { user } = renderRoute(`/organizations/${organizationId}/skills`, pages);

    const cohorts = await screen.findByTestId('org-cohorts');
    expect(within(cohorts).getByRole('rowheader', { name: 'Cohorte inter-entreprises' }).closest('tr')).toHaveTextContent('21 / 4');
    const employees = screen.getByTestId('org-employees');
    expect(employees).toHaveTextContent('Anaïs Girard');
    expect(employees).toHaveTextContent('C1 · 80 % · Acquise');

    await user.click(screen.getByRole('button', { name: 'Exporter (Excel)' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(new URL(api.sent(`GET /api/v1/organizations/${organizationId}/skills/export`)[0]!.url).searchParams.get('format')).toBe('xlsx');
  });
});
