import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n/i18n';
import { ApiError } from './api-error';
import { problemMessage } from './problem-message';

const cohortSlugs = [
  'cohort-full',
  'duplicate-application',
  'application-window-closed',
  'applications-not-accepted',
  'already-member',
  'application-already-decided',
  'capacity-below-seats-taken',
  'invitation-used',
  'invitation-expired',
  'already-in-group',
  'already-invited',
  'not-a-mentor',
  'role-not-held',
  'last-trainer',
  'partnership-decided',
  'already-partner',
  'admission-mode-mismatch',
  'concurrency-conflict',
  'precondition-failed',
];

function problem(slug: string, status = 409) {
  return new ApiError({ type: `https://spoc.dev/problems/${slug}`, title: `server title for ${slug}`, status, detail: 'server detail' });
}

describe('problem messages', () => {
  beforeAll(() => i18n.loadLanguages('en'));

  it('translate every Cohorts problem type in French and English, never the server’s English detail', () => {
    for (const slug of cohortSlugs) {
      const fr = problemMessage(problem(slug), i18n.getFixedT('fr'));
      const en = problemMessage(problem(slug), i18n.getFixedT('en'));
      expect(fr, slug).not.toBe('server detail');
      expect(en, slug).not.toBe('server detail');
      expect(fr, slug).not.toBe(en);
    }
    expect(problemMessage(problem('cohort-full'), i18n.getFixedT('fr'))).toBe('La cohorte est complète : il ne reste aucune place.');
    expect(problemMessage(problem('cohort-full'), i18n.getFixedT('en'))).toBe('The cohort is full: no seat is left.');
  });

  it('translate every Assessment problem type in French and English', () => {
    for (const slug of ['submission-too-late', 'resubmission-not-allowed', 'attempts-exhausted', 'not-in-a-group', 'assignment-has-submissions']) {
      const fr = problemMessage(problem(slug), i18n.getFixedT('fr'));
      const en = problemMessage(problem(slug), i18n.getFixedT('en'));
      expect(fr, slug).not.toBe('server detail');
      expect(en, slug).not.toBe('server detail');
      expect(fr, slug).not.toBe(en);
    }
  });

  it('translate the webhook problem types in French and English', () => {
    for (const slug of ['webhook-url-forbidden', 'too-many-webhooks', 'webhook-disabled']) {
      const fr = problemMessage(problem(slug), i18n.getFixedT('fr'));
      const en = problemMessage(problem(slug), i18n.getFixedT('en'));
      expect(fr, slug).not.toBe('server detail');
      expect(en, slug).not.toBe('server detail');
      expect(fr, slug).not.toBe(en);
    }
  });

  it('fall back to the server’s detail for a type the UI does not know', () => {
    expect(problemMessage(problem('something-new'), i18n.getFixedT('fr'))).toBe('server detail');
  });
});
