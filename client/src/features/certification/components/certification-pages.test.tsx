import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json } from '@/testing/fake-api';
import { cohortFixture, cohortId, courseId, learnerMe, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { EligibilityCriterion, LearnerEligibility } from '@/features/certification/api/certification';
import { CertificationPage } from './certification-page';
import { MyCertificationPage } from './my-certification-page';

const notRequired: EligibilityCriterion = { required: false, met: true, value: null, threshold: null };

function row(overrides: Partial<LearnerEligibility>): LearnerEligibility {
  return {
    userId: '0192f0c1-0000-7000-8000-0000000000b1', displayName: 'Anaïs Girard', eligible: false,
    criteria: {
      finalGrade: { required: true, met: false, value: 48, threshold: 60 }, completion: { required: true, met: true, value: 100, threshold: 80 },
      attendance: notRequired, assignments: notRequired, competencies: notRequired,
    },
    missingAssignments: [], missingCompetencies: [],
    ...overrides,
  };
}

describe('My certification page', () => {
  it('says what the learner still misses', async () => {
    signedInApi(learnerMe, { [`GET /api/v1/cohorts/${cohortId}/certification/eligibility/me`]: () => json(row({})) });
    renderRoute(`/cohorts/${cohortId}/certification/me`, { '/cohorts/:cohortId/certification/me': <MyCertificationPage /> });
    expect(await screen.findByText('Il vous manque :')).toBeInTheDocument();
    expect(screen.getByText('12 points de moyenne')).toBeInTheDocument();
  });

  it('says when every requirement is met', async () => {
    signedInApi(learnerMe, { [`GET /api/v1/cohorts/${cohortId}/certification/eligibility/me`]: () => json(row({ eligible: true, criteria: { ...row({}).criteria, finalGrade: notRequired } })) });
    renderRoute(`/cohorts/${cohortId}/certification/me`, { '/cohorts/:cohortId/certification/me': <MyCertificationPage /> });
    expect(await screen.findByText('Vous remplissez toutes les conditions du certificat.')).toBeInTheDocument();
  });
});

describe('Certification page, for staff', () => {
  it('shows each criterion with the figures, sorts by a column, and issues to all eligible after a confirmation', async () => {
    const page = (items: LearnerEligibility[]) => json({ items, page: 1, pageSize: 20, totalCount: items.length });
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture()),
      [`GET /api/v1/cohorts/${cohortId}/certification/eligibility`]: () => page([row({})]),
      [`POST /api/v1/cohorts/${cohortId}/certificates`]: () => json({ issued: [], alreadyCertified: 2 }),
    });
    renderRoute(`/cohorts/${cohortId}/certification`, { '/cohorts/:cohortId/certification': <CertificationPage /> });
    const table = await screen.findByRole('table', { name: 'Éligibilité' });
    expect(within(table).getByText('✗ 48 % / 60 %')).toBeInTheDocument();
    expect(within(table).getByText('✓ 100 % / 80 %')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Trier par Moyenne' }));
    expect(api.sent(`GET /api/v1/cohorts/${cohortId}/certification/eligibility`).at(-1)?.url).toContain('sort=-grade');

    await userEvent.click(screen.getByRole('button', { name: 'Délivrer à tous les éligibles' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('0 certificat(s) délivré(s) ; 2 apprenant(s) en avaient déjà un.')).toBeInTheDocument();
    expect(await api.sent(`POST /api/v1/cohorts/${cohortId}/certificates`)[0]!.json()).toEqual({ allEligible: true });
  });
});

describe('Certification page, for a mentor', () => {
  it('shows their learners’ eligibility without the rules, the history, issuing or revoking', async () => {
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: 'Mentor' })),
      [`GET /api/v1/cohorts/${cohortId}/certification/eligibility`]: () =>
        json({ items: [row({ eligible: true, certificate: { id: '0192f0c1-0000-7000-8000-0000000000c1', status: 'Valid', issuedAt: '2026-11-20T10:00:00Z' } })], page: 1, pageSize: 20, totalCount: 1 }),
    });
    renderRoute(`/cohorts/${cohortId}/certification`, { '/cohorts/:cohortId/certification': <CertificationPage /> });
    const table = await screen.findByRole('table', { name: 'Éligibilité' });
    expect(within(table).getByText('Valide')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Règles' })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Historique' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Délivrer à tous les éligibles' })).not.toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Révoquer' })).not.toBeInTheDocument();
  });

  it('keeps saying the rules were saved once the saved version is read back (which remounts the form)', async () => {
    let version = 'v1';
    const rules = () => ({ cohortId, minCompletionPercent: version === 'v1' ? null : 100, requiredAssignmentIds: [], requiredCompetencyCodes: [], version });
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture()),
      [`GET /api/v1/cohorts/${cohortId}/certification/eligibility`]: () => json({ items: [], page: 1, pageSize: 20, totalCount: 0 }),
      [`GET /api/v1/cohorts/${cohortId}/certification/rules`]: () => json(rules(), 200, { ETag: `"${version}"` }),
      [`GET /api/v1/cohorts/${cohortId}/assignments`]: () => json({ items: [], page: 1, pageSize: 100, totalCount: 0 }),
      [`GET /api/v1/courses/${courseId}`]: () => json({ id: courseId, title: 'Cours', competencies: [] }),
      [`PUT /api/v1/cohorts/${cohortId}/certification/rules`]: () => {
        version = 'v2';
        return json(rules(), 200, { ETag: '"v2"' });
      },
    });
    renderRoute(`/cohorts/${cohortId}/certification`, { '/cohorts/:cohortId/certification': <CertificationPage /> });
    await userEvent.click(await screen.findByRole('tab', { name: 'Règles' }));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Complétion minimale (%)' }), '100');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les règles' }));

    expect(await screen.findByText('Règles enregistrées.')).toBeInTheDocument();
    await waitFor(() => expect(api.sent(`GET /api/v1/cohorts/${cohortId}/certification/rules`)).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Complétion minimale (%)' })).toHaveValue('100'));
    expect(screen.getByText('Règles enregistrées.')).toBeInTheDocument();
    expect(api.sent(`PUT /api/v1/cohorts/${cohortId}/certification/rules`)[0]!.headers.get('If-Match')).toBe('"v1"');
  });
});
