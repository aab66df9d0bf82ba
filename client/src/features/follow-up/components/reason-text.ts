import type { TFunction } from 'i18next';
import type { RiskLevel, RiskReason } from '@/features/follow-up/api/follow-up';

/** Each level's colour, in the chart, the cards' edge and badges (the level is always written too). */
export const levelColors: Record<RiskLevel, string> = { AtRisk: '#e03131', Watch: '#f08c00', OnTrack: '#2f9e44' };

/** A reason as a sentence: "3 activités de retard (seuil : 3)", "absent 2 fois (seuil : 2)", "moyenne 41 % (< 50 %)". */
export function reasonText(reason: RiskReason, t: TFunction<'followUp'>, number: (value: number) => string): string {
  const threshold = number(reason.threshold);
  return reason.rule === 'GradeBelow'
    ? t('reason.GradeBelow', { value: number(reason.value), threshold })
    : t(`reason.${reason.rule}`, { count: reason.value, threshold });
}
