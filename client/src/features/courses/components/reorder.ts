/** Up/down reordering of sections and activities (positions are 0-based indexes, as the API's). */

/** The index an item moves to, or null when it is already first (up) or last (down). */
export function targetIndex(index: number, direction: 'up' | 'down', length: number): number | null {
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || index >= length || target < 0 || target >= length) return null;
  return target;
}

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
