import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n/i18n';
import { pacingSchema, pacingToValues, toPacingBody } from './pacing-schema';

const t = i18n.getFixedT('fr', ['courses', 'common'] as const);

describe('pacing form', () => {
  it('reads the stored pacing: the shift without an activity is "every activity", the Markdown is kept', () => {
    const values = pacingToValues({
      shifts: [
        { activityId: null, days: 2 },
        { activityId: 'a3', days: 3 },
      ],
      extraResources: [{ title: 'Guide', url: 'https://guide.example', content: 'Lire **tout**' }],
    });
    expect(values).toEqual({
      shiftAll: '2',
      shifts: [{ activityId: 'a3', days: '3' }],
      extras: [{ title: 'Guide', url: 'https://guide.example', content: 'Lire **tout**' }],
    });
  });

  it('sends a null activity for "every activity", drops zero shifts and empty optional fields', () => {
    expect(
      toPacingBody({
        shiftAll: '2',
        shifts: [
          { activityId: 'a3', days: '3' },
          { activityId: 'a4', days: '0' },
        ],
        extras: [{ title: ' Guide ', url: '', content: '' }],
      }),
    ).toEqual({
      shifts: [
        { activityId: null, days: 2 },
        { activityId: 'a3', days: 3 },
      ],
      extraResources: [{ title: 'Guide', url: null, content: null }],
    });
    expect(toPacingBody({ shiftAll: '0', shifts: [], extras: [] })).toEqual({ shifts: [], extraResources: [] });
  });

  it('keeps shifts between -60 and 365 days, one per activity, and extra resources titled', () => {
    const schema = pacingSchema(t);
    const result = schema.safeParse({
      shiftAll: '400',
      shifts: [
        { activityId: 'a1', days: '1' },
        { activityId: 'a1', days: '-61' },
      ],
      extras: [{ title: '', url: 'notaurl', content: '' }],
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toMatchObject({
      shiftAll: 'Saisissez un nombre entier entre -60 et 365.',
      'shifts.1.days': 'Saisissez un nombre entier entre -60 et 365.',
      'shifts.1.activityId': 'Cette activité est déjà décalée plus haut.',
      'extras.0.title': 'Ce champ est obligatoire.',
      'extras.0.url': 'Saisissez une adresse web complète (https://…).',
    });
  });
});
