import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n/i18n';
import { activitySchema, activityToValues, emptyActivity, toActivityInput, type ActivityValues } from './activity-schema';

const t = i18n.getFixedT('fr', ['courses', 'common'] as const);
const schema = activitySchema(t);

function errorsOf(values: ActivityValues) {
  const result = schema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const lesson: ActivityValues = { ...emptyActivity('s1'), title: 'Bienvenue', content: '# Bonjour' };

describe('activity form rules (the server validator)', () => {
  it('accepts a lesson without link and with no due day', () => {
    expect(errorsOf(lesson)).toEqual({});
  });

  it('requires a title of at most 200 characters', () => {
    expect(errorsOf({ ...lesson, title: '  ' })).toEqual({ title: 'Ce champ est obligatoire.' });
    expect(errorsOf({ ...lesson, title: 'x'.repeat(201) }).title).toBe('Au plus 200 caractères.');
  });

  it('requires a link for a video, and a link or an uploaded file for a resource', () => {
    expect(errorsOf({ ...lesson, kind: 'Video' })).toEqual({ url: 'Une vidéo a besoin de son lien.' });
    expect(errorsOf({ ...lesson, kind: 'Resource' })).toEqual({ url: 'Une ressource a besoin d’un lien ou d’un fichier déposé.' });
    expect(errorsOf({ ...lesson, kind: 'Resource', fileId: 'f1' })).toEqual({});
    expect(errorsOf({ ...lesson, kind: 'Video', url: 'https://video.example/1' })).toEqual({});
  });

  it('accepts only http(s) links', () => {
    expect(errorsOf({ ...lesson, kind: 'Video', url: 'javascript:alert(1)' }).url).toBe('Saisissez une adresse web complète (https://…).');
    expect(errorsOf({ ...lesson, kind: 'Video', url: 'ftp://x.org/a' }).url).toBe('Saisissez une adresse web complète (https://…).');
  });

  it('keeps days and duration in the server ranges, the due day not before the release day', () => {
    expect(errorsOf({ ...lesson, offsetDays: '731' }).offsetDays).toBe('Saisissez un nombre entier entre 0 et 730.');
    expect(errorsOf({ ...lesson, offsetDays: '-1' }).offsetDays).toBe('Saisissez un nombre entier entre 0 et 730.');
    expect(errorsOf({ ...lesson, offsetDays: '1.5' }).offsetDays).toBe('Saisissez un nombre entier entre 0 et 730.');
    expect(errorsOf({ ...lesson, durationMinutes: '1441' }).durationMinutes).toMatch(/^Saisissez un nombre entier entre 0 et 1\s440\.$/);
    expect(errorsOf({ ...lesson, offsetDays: '5', dueOffsetDays: '4' })).toEqual({
      dueOffsetDays: 'L’échéance ne peut pas précéder la disponibilité.',
    });
    expect(errorsOf({ ...lesson, offsetDays: '5', dueOffsetDays: '5' })).toEqual({});
  });

  it('builds the body: numbers, nulls for empty optional fields, a file only for a resource', () => {
    expect(toActivityInput({ ...lesson, url: '  ', fileId: 'f1', competencyCodes: ['C1'] }, 2)).toEqual({
      sectionId: 's1',
      kind: 'Lesson',
      title: 'Bienvenue',
      content: '# Bonjour',
      url: null,
      fileId: null,
      position: 2,
      offsetDays: 0,
      dueOffsetDays: null,
      durationMinutes: 30,
      competencyCodes: ['C1'],
    });
    expect(toActivityInput({ ...lesson, kind: 'Resource', fileId: 'f1', dueOffsetDays: '3' })).toMatchObject({
      fileId: 'f1',
      dueOffsetDays: 3,
      position: null,
    });
  });

  it('round-trips a saved activity and moves it without changing anything else', () => {
    const saved = {
      id: 'a1',
      sectionId: 's1',
      kind: 'Video' as const,
      title: 'Démo',
      contentMarkdown: 'Regardez',
      contentHtml: '<p>Regardez</p>',
      url: 'https://video.example/1',
      fileId: null,
      position: 0,
      offsetDays: 2,
      dueOffsetDays: 4,
      durationMinutes: 12,
      competencyCodes: ['C1'],
      etag: '"a1"',
    };
    expect(errorsOf(activityToValues(saved))).toEqual({});
    expect(activityToValues(saved)).toMatchObject({ content: 'Regardez', offsetDays: '2', dueOffsetDays: '4', durationMinutes: '12' });
  });
});
