import type { RiskRuleKind } from '@/features/follow-up/api/follow-up';

/** A threshold as typed: a number, or '' when left empty. */
type Threshold = number | string;

/** One rule being edited. */
export interface DraftRule {
  kind: RiskRuleKind;
  enabled: boolean;
  watchFrom: Threshold;
  atRiskFrom: Threshold;
}
export type RuleError = 'needsThreshold' | 'range' | 'percent' | 'order' | 'orderBelow';

/** What the API takes: null for an empty threshold. */
export const thresholdOf = (v: Threshold) => (v === '' ? null : Number(v));

/** The API's rules for one rule, checked before saving so the message sits beside the rule (the API answers 400 too). */
export function ruleError(rule: DraftRule): RuleError | undefined {
  const [watch, atRisk] = [thresholdOf(rule.watchFrom), thresholdOf(rule.atRiskFrom)];
  const below = rule.kind === 'GradeBelow';
  if (rule.enabled && watch === null && atRisk === null) return 'needsThreshold';
  if ([watch, atRisk].some((v) => v !== null && (v < 0 || v > 1000))) return 'range';
  if (below && [watch, atRisk].some((v) => v !== null && v > 100)) return 'percent';
  // At risk is the stronger level: beyond "to watch" in the rule's direction (below it for a low average).
  if (watch !== null && atRisk !== null && (below ? atRisk > watch : atRisk < watch)) return below ? 'orderBelow' : 'order';
  return undefined;
}
