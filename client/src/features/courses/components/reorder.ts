/** The outline's order as the editor drags it: sections in order, each with its activity ids (what PUT .../outline/order takes). */

export type OutlineOrder = { id: string; activityIds: string[] }[];

/** A copy of `items` with the item at `from` moved to `to` (the others keep their order). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [moved] = copy.splice(from, 1);
  if (moved === undefined) return copy;
  copy.splice(to, 0, moved);
  return copy;
}

/** Items sorted by their `position`, ties kept in their given order. */
export function byPosition<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}

/** The order of an outline as the server sent it. */
export function orderOf(sections: readonly { id: string; position: number; activities: readonly { id: string; position: number }[] }[]): OutlineOrder {
  return byPosition(sections).map((section) => ({ id: section.id, activityIds: byPosition(section.activities).map((a) => a.id) }));
}

/** The section holding `id`: the section itself when `id` is a section's, or the one whose activities include it. */
export function sectionOf(order: OutlineOrder, id: string): string | undefined {
  return order.find((section) => section.id === id || section.activityIds.includes(id))?.id;
}

/** Sections moved: `active` takes the place of `over`. Unchanged when either is not a section. */
export function moveSection(order: OutlineOrder, active: string, over: string): OutlineOrder {
  const from = order.findIndex((s) => s.id === active);
  const to = order.findIndex((s) => s.id === over);
  return from < 0 || to < 0 || from === to ? order : moveItem(order, from, to);
}

/**
 * An activity moved onto `over`: another activity (it takes that one's place, in that one's section) or a section
 * (it goes last there, e.g. into an empty section). Unchanged when `active` is no activity or `over` is unknown.
 */
export function moveActivity(order: OutlineOrder, active: string, over: string): OutlineOrder {
  const fromSection = order.find((s) => s.activityIds.includes(active));
  const toSectionId = sectionOf(order, over);
  if (!fromSection || !toSectionId || active === over) return order;
  if (fromSection.id === toSectionId) {
    if (over === toSectionId) return order;
    const ids = fromSection.activityIds;
    return order.map((s) => (s.id === toSectionId ? { ...s, activityIds: moveItem(ids, ids.indexOf(active), ids.indexOf(over)) } : s));
  }
  return order.map((s) => {
    if (s.id === fromSection.id) return { ...s, activityIds: s.activityIds.filter((id) => id !== active) };
    if (s.id !== toSectionId) return s;
    const at = over === toSectionId ? s.activityIds.length : s.activityIds.indexOf(over);
    return { ...s, activityIds: [...s.activityIds.slice(0, at), active, ...s.activityIds.slice(at)] };
  });
}

/** Whether two orders differ (nothing to send when a drag ends where it began). */
export function sameOrder(a: OutlineOrder, b: OutlineOrder): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
