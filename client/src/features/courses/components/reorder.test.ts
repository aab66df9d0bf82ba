import { describe, expect, it } from 'vitest';
import { byPosition, moveItem, targetIndex } from './reorder';

describe('reordering sections and activities', () => {
  it('moves up and down within bounds, and refuses to leave the list', () => {
    expect(targetIndex(1, 'up', 3)).toBe(0);
    expect(targetIndex(1, 'down', 3)).toBe(2);
    expect(targetIndex(0, 'up', 3)).toBeNull();
    expect(targetIndex(2, 'down', 3)).toBeNull();
    expect(targetIndex(0, 'down', 1)).toBeNull();
    expect(targetIndex(5, 'up', 3)).toBeNull();
  });

  it('moves an item to its new index, the others keeping their order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveItem(['a', 'b'], 1, 0)).toEqual(['b', 'a']);
    const original = ['a', 'b'];
    moveItem(original, 0, 1);
    expect(original).toEqual(['a', 'b']);
  });

  it('sorts by position and keeps ties in their given order', () => {
    const items = [
      { id: 'x', position: 2 },
      { id: 'y', position: 0 },
      { id: 'z', position: 2 },
      { id: 'w', position: 1 },
    ];
    expect(byPosition(items).map((i) => i.id)).toEqual(['y', 'w', 'x', 'z']);
  });
});
