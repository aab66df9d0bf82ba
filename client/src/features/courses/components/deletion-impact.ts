import type { TFunction } from 'i18next';

/** What GET .../impact answers: what a deletion takes away. */
export type DeletionImpact = { activities: number; completions: number; learners: number };

/** The confirmation's sentence: what deleting this section or activity takes with it, in the reader's language. */
export function impactMessage(t: TFunction<'courses'>, kind: 'section' | 'activity', title: string, impact: DeletionImpact): string {
  const completions = t('editor.impact.completions', { count: impact.completions });
  const learners = t('editor.impact.learners', { count: impact.learners });
  if (kind === 'activity') {
    return impact.completions === 0 ? t('editor.impact.activityNoCompletion', { title }) : t('editor.impact.activity', { title, completions, learners });
  }
  if (impact.activities === 0) return t('editor.impact.sectionEmpty', { title });
  const activities = t('editor.impact.activities', { count: impact.activities });
  return impact.completions === 0
    ? t('editor.impact.sectionNoCompletion', { title, activities })
    : t('editor.impact.section', { title, activities, completions, learners });
}
