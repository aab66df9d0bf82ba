import { describe, expect, it } from 'vitest';
import { byPosition, moveActivity, moveItem, moveSection, orderOf, sameOrder, sectionOf, type OutlineOrder } from './reorder';

const order: OutlineOrder = [
  { id: 's1', activityIds: ['a', 'b', 'c'] },
  { id: 's2', activityIds: ['d'] },
  { id: 's3', activityIds: [] },
];

describe('reordering sections and activities', () => {
  it('moves an item to its new index, the others keeping their order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
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

  it('reads the order of an outline by positions', () => {
    expect(
      orderOf([
        { id: 's2', position: 1, activities: [{ id: 'd', position: 0 }] },
        { id: 's1', position: 0, activities: [{ id: 'b', position: 1 }, { id: 'a', position: 0 }] },
      ]),
    ).toEqual([
      { id: 's1', activityIds: ['a', 'b'] },
      { id: 's2', activityIds: ['d'] },
    ]);
  });

  it('finds the section of a section or an activity', () => {
    expect(sectionOf(order, 'c')).toBe('s1');
    expect(sectionOf(order, 's3')).toBe('s3');
    expect(sectionOf(order, 'zz')).toBeUndefined();
  });

  it('moves a section onto another one, activities following', () => {
    expect(moveSection(order, 's3', 's1').map((s) => s.id)).toEqual(['s3', 's1', 's2']);
    expect(moveSection(order, 's1', 's2')[1]).toEqual({ id: 's1', activityIds: ['a', 'b', 'c'] });
    expect(moveSection(order, 'a', 's2')).toBe(order);
  });

  it('moves an activity within its section, to another section, or to the end of an empty one', () => {
    expect(moveActivity(order, 'a', 'c')[0]!.activityIds).toEqual(['b', 'c', 'a']);
    const across = moveActivity(order, 'b', 'd');
    expect(across[0]!.activityIds).toEqual(['a', 'c']);
    expect(across[1]!.activityIds).toEqual(['b', 'd']);
    expect(moveActivity(order, 'd', 's3')[2]!.activityIds).toEqual(['d']);
    expect(moveActivity(order, 'd', 's3')[1]!.activityIds).toEqual([]);
  });

  it('leaves the order alone when nothing moves', () => {
    expect(moveActivity(order, 'a', 'a')).toBe(order);
    expect(moveActivity(order, 'a', 's1')).toBe(order);
    expect(moveActivity(order, 's1', 'b')).toBe(order);
    expect(sameOrder(order, orderOf([]))).toBe(false);
    expect(sameOrder(order, structuredClone(order))).toBe(true);
  });
});
