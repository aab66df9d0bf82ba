import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n/i18n';
import { impactMessage } from './deletion-impact';

const fr = i18n.getFixedT('fr', 'courses');
const en = i18n.getFixedT('en', 'courses');

describe('the deletion confirmation says what goes with it', () => {
  beforeAll(() => i18n.loadLanguages('en'));

  it('counts a section’s activities and its learners’ completions, with plurals', () => {
    expect(impactMessage(fr, 'section', 'Semaine 1', { activities: 3, completions: 12, learners: 5 })).toBe(
      'Supprimer la section « Semaine 1 » supprime aussi 3 activités et 12 validations d’activités (5 apprenants).',
    );
    expect(impactMessage(en, 'section', 'Week 1', { activities: 1, completions: 1, learners: 1 })).toBe(
      'Deleting the section “Week 1” also deletes 1 activity and 1 learner completion (1 learner).',
    );
  });

  it('says when nobody has completed anything yet, and when a section is empty', () => {
    expect(impactMessage(fr, 'section', 'Vide', { activities: 0, completions: 0, learners: 0 })).toBe(
      'La section « Vide » est vide : rien d’autre ne sera supprimé.',
    );
    expect(impactMessage(fr, 'section', 'Semaine 2', { activities: 2, completions: 0, learners: 0 })).toBe(
      'Supprimer la section « Semaine 2 » supprime aussi 2 activités ; aucun apprenant n’en a encore terminé.',
    );
    expect(impactMessage(fr, 'activity', 'Le cadrage', { activities: 1, completions: 0, learners: 0 })).toBe(
      'Supprimer « Le cadrage » : aucun apprenant ne l’a encore terminée.',
    );
  });

  it('counts one activity’s completions', () => {
    expect(impactMessage(fr, 'activity', 'Le cadrage', { activities: 1, completions: 2, learners: 2 })).toBe(
      'Supprimer « Le cadrage » efface 2 validations d’activités (2 apprenants).',
    );
  });
});
