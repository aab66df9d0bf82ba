import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Spoc-Demo-2026';
export const demo = {
  trainer: 'benoit.lefevre@demo.spoc.local',
  learner: 'lea.bernard@demo.spoc.local',
  orgAdmin: 'helene.martin@demo.spoc.local',
  mentor: 'chloe.moreau@demo.spoc.local',
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function expectHeading(page: Page, name: string) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Names of demo people not used by the other specs (their homes must stay empty there). */
export const cohortDemo = {
  applicant: 'zoe.lambert@demo.spoc.local',
  applicantName: 'Zoé Lambert',
  invitee: 'mael.fournier@demo.spoc.local',
  second: 'theo.rousseau@demo.spoc.local',
  secondName: 'Théo Rousseau',
  /** An organisation trainer who mentors in the journey's cohort. */
  mentor: 'sarah.johnson@demo.spoc.local',
  mentorName: 'Sarah Johnson',
} as const;

/** Signs in through the API and returns a bearer header, for setting data up without the UI. */
export async function apiToken(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const response = await request.post('/api/v1/auth/token', { data: { email, password } });
  if (!response.ok()) throw new Error(`sign-in of ${email} failed: ${response.status()}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

async function postJson<T>(request: APIRequestContext, url: string, headers: Record<string, string>, data: unknown): Promise<T> {
  const response = await request.post(url, { data, headers });
  if (!response.ok()) throw new Error(`POST ${url} failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A course and a cohort of it, created by the demo trainer through the API; applications open now. */
export async function createCohortViaApi(
  request: APIRequestContext,
  {
    title,
    capacity = 3,
    admissionMode = 'Application',
    organizationIds = [],
    published = false,
  }: { title: string; capacity?: number; admissionMode?: string; organizationIds?: string[]; published?: boolean },
) {
  const headers = await apiToken(request, demo.trainer);
  const me = (await (await request.get('/api/v1/me', { headers })).json()) as { organizations: { organizationId: string }[] };
  const organizationId = me.organizations[0]?.organizationId;
  if (!organizationId) throw new Error('the demo trainer has no organisation');
  const course = await postJson<{ id: string }>(request, '/api/v1/courses', headers, {
    organizationId,
    title: `Cours ${title}`,
    summary: 'Créé pour les tests de bout en bout.',
    language: 'fr',
    competencies: [],
  });
  if (published) {
    const body = { title: `Cours ${title}`, summary: 'Créé pour les tests de bout en bout.', language: 'fr', competencies: [], isPublished: true };
    const put = await request.put(`/api/v1/courses/${course.id}`, { headers, data: body });
    if (!put.ok()) throw new Error(`publishing the course: ${put.status()} ${await put.text()}`);
  }
  const now = Date.now();
  const day = 24 * 3600 * 1000;
  const cohort = await postJson<{ id: string; title: string }>(request, '/api/v1/cohorts', headers, {
    courseId: course.id,
    title,
    capacity,
    startsOn: isoDate(new Date(now + 21 * day)),
    endsOn: isoDate(new Date(now + 60 * day)),
    applicationsOpenAt: new Date(now - 3600 * 1000).toISOString(),
    applicationsCloseAt: new Date(now + 14 * day).toISOString(),
    admissionMode,
    organizationIds,
    timeZone: 'Europe/Paris',
  });
  return { ...cohort, headers };
}

/** A learner applies through the API (for specs whose subject is the staff's side). */
export async function applyViaApi(request: APIRequestContext, cohortId: string, email: string) {
  const headers = await apiToken(request, email);
  return postJson<{ id: string }>(request, `/api/v1/cohorts/${cohortId}/applications`, headers, {
    motivation: 'Je veux progresser en petit groupe.',
    answers: { 'Disponibilité ?': 'Le mardi soir.' },
  });
}

/** A partner organisation (created by the platform admin) with an admin and an employee, both demo accounts. */
export async function createPartnerOrganization(
  request: APIRequestContext,
  { adminEmail, employeeEmail }: { adminEmail: string; employeeEmail: string },
) {
  const headers = await apiToken(request, 'admin@spoc.local', 'Spoc-Admin-2026');
  const stamp = Date.now().toString(36);
  const organization = await postJson<{ id: string; name: string }>(request, '/api/v1/organizations', headers, {
    name: `Partenaire ${stamp}`,
    slug: `partenaire-${stamp}`,
  });
  await postJson(request, `/api/v1/organizations/${organization.id}/members`, headers, { email: adminEmail, role: 'OrgAdmin' });
  await postJson(request, `/api/v1/organizations/${organization.id}/members`, headers, { email: employeeEmail, role: 'Learner' });
  return organization;
}

/** Demo learners no other spec uses: their homes and schedules belong to the courses specs. */
export const courseDemo = {
  learner: 'emily.carter@demo.spoc.local',
  learnerName: 'Emily Carter',
  axeLearner: 'francois.dupre@demo.spoc.local',
  axeLearnerName: 'François Dupré',
} as const;

/**
 * A course with one section (and optionally a published lesson), and a cohort of it that started
 * yesterday (organisation enrolment, window closed before), with `learnerEmail` enrolled; all through
 * the API as the demo trainer, since the UI cannot create a cohort in the past.
 */
export async function createStartedCohortViaApi(
  request: APIRequestContext,
  {
    title,
    learnerEmail,
    lesson,
    competencies = [{ code: 'C1', title: 'Concevoir une interface accessible' }],
  }: { title: string; learnerEmail: string; lesson?: { title: string; content: string }; competencies?: { code: string; title: string }[] },
) {
  const headers = await apiToken(request, demo.trainer);
  const me = (await (await request.get('/api/v1/me', { headers })).json()) as { organizations: { organizationId: string }[] };
  const organizationId = me.organizations[0]?.organizationId;
  if (!organizationId) throw new Error('the demo trainer has no organisation');
  const course = await postJson<{ id: string; title: string }>(request, '/api/v1/courses', headers, {
    organizationId,
    title: `Cours ${title}`,
    summary: 'Créé pour les tests de bout en bout.',
    language: 'fr',
    competencies,
  });
  const section = await postJson<{ id: string; title: string }>(request, `/api/v1/courses/${course.id}/sections`, headers, {
    title: 'Semaine 1',
  });
  if (lesson) {
    await postJson(request, `/api/v1/courses/${course.id}/activities`, headers, {
      sectionId: section.id,
      kind: 'Lesson',
      title: lesson.title,
      content: lesson.content,
      offsetDays: 0,
      dueOffsetDays: 3,
      durationMinutes: 15,
      competencyCodes: ['C1'],
    });
    const current = await request.get(`/api/v1/courses/${course.id}`, { headers });
    const etag = current.headers()['etag'] ?? '';
    const body = (await current.json()) as { title: string; summary: string; language: string; competencies: unknown[] };
    const published = await request.put(`/api/v1/courses/${course.id}`, {
      headers: { ...headers, 'If-Match': etag },
      data: { ...body, isPublished: true },
    });
    if (!published.ok()) throw new Error(`publish failed: ${published.status()} ${await published.text()}`);
  }
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const cohort = await postJson<{ id: string; title: string }>(request, '/api/v1/cohorts', headers, {
    courseId: course.id,
    title,
    capacity: 10,
    startsOn: isoDate(new Date(now - day)),
    endsOn: isoDate(new Date(now + 60 * day)),
    applicationsOpenAt: new Date(now - 4 * day).toISOString(),
    applicationsCloseAt: new Date(now - 3 * day).toISOString(),
    admissionMode: 'OrganizationEnrollment',
    organizationIds: [],
    timeZone: 'Europe/Paris',
  });
  const enrolled = await postJson<{ enrolled: number; results: { outcome: string }[] }>(
    request,
    `/api/v1/cohorts/${cohort.id}/enrolments`,
    headers,
    { emails: [learnerEmail] },
  );
  if (enrolled.enrolled !== 1) throw new Error(`enrolment failed: ${JSON.stringify(enrolled.results)}`);
  return { cohort, course, section, headers };
}

/**
 * The path and query of the newest link to `linkPath` (e.g. `/verify-email`) in a mail the API wrote to `to`, read
 * from its pickup folder; waits until it arrives (mail leaves through the outbox, a moment after the request).
 */
export async function linkFromMail(to: string, linkPath: string): Promise<string> {
  const folder = join(process.env.SPOC_E2E_DATA_DIR ?? '', 'mail');
  const pattern = new RegExp(`https?://[^/\\s]+(${linkPath}(?:\\?[^\\s]+)?)(?:\\s|$)`);
  let found: string | undefined;
  await expect
    .poll(() => {
      const mails = readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.name.endsWith('.eml'))
        .map((entry) => readFileSync(join(folder, entry.name), 'utf8'))
        .filter((text) => text.includes(`To: ${to}`) && pattern.test(text));
      found = mails.length > 0 ? pattern.exec(mails[mails.length - 1] ?? '')?.[1] : undefined;
      return found;
    }, { message: `a mail to ${to} with a ${linkPath} link` })
    .toBeTruthy();
  return found ?? '';
}

/** A new learner account, activated through its verification mail, for specs that need a fresh person. */
export async function registerViaApi(request: APIRequestContext, email: string, password: string, displayName: string) {
  const response = await request.post('/api/v1/auth/register', { data: { email, password, displayName } });
  if (!response.ok()) throw new Error(`registration of ${email} failed: ${response.status()}`);
  const token = new URL(await linkFromMail(email, '/verify-email'), 'http://x').searchParams.get('token');
  const verified = await request.post('/api/v1/auth/verify-email', { data: { token } });
  if (!verified.ok()) throw new Error(`verification of ${email} failed: ${verified.status()}`);
}

/** Demo learners of the assessment specs only (their "à rendre" belongs to these specs). */
export const assessmentDemo = {
  learner: 'ines.mercier@demo.spoc.local',
  learnerName: 'Inès Mercier',
  axeLearner: 'jerome.faure@demo.spoc.local',
} as const;

/** A quiz (one single-choice and one numeric question, 3 points) and a file assignment (20 points), released, due in a week. */
export async function createAssignmentsViaApi(request: APIRequestContext, cohortId: string, headers: Record<string, string>, suffix: string) {
  const now = Date.now();
  const common = {
    isPublished: true,
    releaseAt: new Date(now - 3600 * 1000).toISOString(),
    dueAt: new Date(now + 7 * 24 * 3600 * 1000).toISOString(),
    allowResubmission: false,
    latePolicy: 'AcceptAndFlag',
  };
  const quiz = await postJson<{ id: string; title: string }>(request, `/api/v1/cohorts/${cohortId}/assignments`, headers, {
    ...common,
    kind: 'Quiz',
    title: `Quiz ${suffix}`,
    instructions: 'Répondez **aux deux** questions.',
    maxPoints: 3,
    category: 'Quiz',
    maxAttempts: 1,
    questions: [
      { type: 'SingleChoice', prompt: 'Le chemin critique est…', points: 1, choices: [{ text: 'le plus long', correct: true }, { text: 'le plus court', correct: false }] },
      { type: 'Numeric', prompt: 'Marge totale (jours) ?', points: 2, answer: 2.5, tolerance: 0.5 },
    ],
  });
  const file = await postJson<{ id: string; title: string }>(request, `/api/v1/cohorts/${cohortId}/assignments`, headers, {
    ...common,
    kind: 'File',
    title: `Plan de projet ${suffix}`,
    instructions: 'Déposez votre **plan de projet** en PDF.',
    maxPoints: 20,
    category: 'Devoirs',
  });
  return { quiz, file };
}

/** A small PDF the API's file rules accept. */
export const samplePdf = {
  name: 'plan.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF'),
};
