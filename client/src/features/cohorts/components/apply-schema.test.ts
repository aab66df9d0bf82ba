import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n/i18n';
import { applicationSchema, toApplyBody } from './apply-schema';
import { invalidEmails, parseEmails } from './enrolment-emails';

const schema = applicationSchema(i18n.getFixedT('fr', ['cohorts', 'common'] as const));

function errorsOf(values: unknown) {
  const result = schema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('application form rules', () => {
  it('require a motivation of at most 5 000 characters', () => {
    expect(errorsOf({ motivation: '   ', answers: [] })).toEqual({ motivation: 'Ce champ est obligatoire.' });
    expect(errorsOf({ motivation: 'x'.repeat(5001), answers: [] })).toEqual({ motivation: 'Au plus 5\u202f000 caractères.' });
    expect(errorsOf({ motivation: 'Motivée', answers: [] })).toEqual({});
  });

  it('require each question, once, within the limits', () => {
    expect(errorsOf({ motivation: 'm', answers: [{ question: '', answer: 'a' }] })).toEqual({
      'answers.0.question': 'Saisissez la question, ou retirez cette ligne.',
    });
    expect(
      errorsOf({
        motivation: 'm',
        answers: [
          { question: 'Disponibilités', answer: 'mardi' },
          { question: ' Disponibilités ', answer: 'jeudi' },
        ],
      }),
    ).toEqual({ answers: 'Chaque question ne peut apparaître qu’une fois.' });
    expect(errorsOf({ motivation: 'm', answers: [{ question: 'q'.repeat(201), answer: '' }] })).toHaveProperty('answers.0.question');
  });

  it('turn the rows into the answers map', () => {
    expect(
      toApplyBody({ motivation: '  Motivée  ', answers: [{ question: ' Disponibilités ', answer: ' Le mardi ' }] }),
    ).toEqual({ motivation: 'Motivée', answers: { Disponibilités: 'Le mardi' } });
  });
});

describe('enrolment emails', () => {
  it('split on lines, commas, semicolons and spaces, without duplicates', () => {
    expect(parseEmails('a@x.org\nb@x.org, c@x.org; A@X.org  d@x.org\n\n')).toEqual(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org']);
    expect(parseEmails('   ')).toEqual([]);
  });

  it('name the entries that are not addresses', () => {
    expect(invalidEmails(['a@x.org', 'pas-une-adresse', 'b@'])).toEqual(['pas-une-adresse', 'b@']);
  });
});
