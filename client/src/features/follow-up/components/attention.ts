/** Where a learner stands against their own plan, from "activities due by now and not done" (negative: ahead). */
export type PlanStanding = { key: 'ahead' | 'onPlan' | 'behind'; count: number };

export function planStanding(behindBy: number): PlanStanding {
  if (behindBy > 0) return { key: 'behind', count: behindBy };
  if (behindBy < 0) return { key: 'ahead', count: -behindBy };
  return { key: 'onPlan', count: 0 };
}

/** An action's due day (YYYY-MM-DD) is past when it comes before today's date where the reader is. */
export function isOverdue(dueOn: string, today: Date): boolean {
  const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return dueOn < local;
}
