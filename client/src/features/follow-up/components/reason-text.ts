import type { TFunction } from 'i18next';
import type { RiskReason } from '@/features/follow-up/api/follow-up';

/** A reason as a sentence: "3 activités de retard (seuil : 3)", "absent 2 fois (seuil : 2)", "moyenne 41 % (< 50 %)". */
export function reasonText(reason: RiskReason, t: TFunction<'followUp'>, number: (value: number) => string): string {
  const threshold = number(reason.threshold);
  return reason.rule === 'GradeBelow'
    ? t('reason.GradeBelow', { value: number(reason.value), threshold })
    : t(`reason.${reason.rule}`, { count: reason.value, threshold });
}
