import { describe, expect, it } from 'vitest';
import { cellAt, nextCell, startColumn, type GridShape } from './grid-navigation';
import { scrollHint } from './scroll-hint';

// A progress matrix in small: a band row (two empty corners, a section over 3 columns, one over 2), the titles row, two learners.
const matrix: GridShape = [
  [1, 1, 3, 2],
  [1, 1, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 1, 1, 1],
];

describe('grid keyboard navigation', () => {
  it('moves one cell with the arrows and stays put at the edges', () => {
    expect(nextCell('ArrowRight', { row: 2, index: 3 }, matrix)).toEqual({ row: 2, index: 4 });
    expect(nextCell('ArrowLeft', { row: 2, index: 3 }, matrix)).toEqual({ row: 2, index: 2 });
    expect(nextCell('ArrowDown', { row: 2, index: 3 }, matrix)).toEqual({ row: 3, index: 3 });
    expect(nextCell('ArrowUp', { row: 2, index: 3 }, matrix)).toEqual({ row: 1, index: 3 });
    expect(nextCell('ArrowLeft', { row: 2, index: 0 }, matrix)).toEqual({ row: 2, index: 0 });
    expect(nextCell('ArrowRight', { row: 2, index: 6 }, matrix)).toEqual({ row: 2, index: 6 });
    expect(nextCell('ArrowDown', { row: 3, index: 1 }, matrix)).toEqual({ row: 3, index: 1 });
    expect(nextCell('ArrowUp', { row: 0, index: 1 }, matrix)).toEqual({ row: 0, index: 1 });
  });

  it('keeps the column across rows whose cells span several columns', () => {
    // Column 5 (the fourth activity) lies under the second section band.
    expect(nextCell('ArrowUp', { row: 1, index: 5 }, matrix)).toEqual({ row: 0, index: 3 });
    expect(nextCell('ArrowUp', { row: 1, index: 4 }, matrix)).toEqual({ row: 0, index: 2 });
    // Down from a band lands on its first column.
    expect(nextCell('ArrowDown', { row: 0, index: 3 }, matrix)).toEqual({ row: 1, index: 5 });
    expect(startColumn(matrix, { row: 0, index: 3 })).toBe(5);
    expect(cellAt(matrix, 0, 6)).toEqual({ row: 0, index: 3 });
    expect(cellAt(matrix, 0, 99)).toEqual({ row: 0, index: 3 });
  });

  it('goes to the row ends with Home and End, and to the grid corners with Ctrl', () => {
    expect(nextCell('Home', { row: 2, index: 4 }, matrix)).toEqual({ row: 2, index: 0 });
    expect(nextCell('End', { row: 2, index: 4 }, matrix)).toEqual({ row: 2, index: 6 });
    expect(nextCell('Home', { row: 2, index: 4 }, matrix, { ctrl: true })).toEqual({ row: 0, index: 0 });
    expect(nextCell('End', { row: 1, index: 1 }, matrix, { ctrl: true })).toEqual({ row: 3, index: 6 });
  });

  it('pages by rows, clamped to the grid', () => {
    expect(nextCell('PageDown', { row: 1, index: 2 }, matrix, { pageSize: 2 })).toEqual({ row: 3, index: 2 });
    expect(nextCell('PageDown', { row: 1, index: 2 }, matrix)).toEqual({ row: 3, index: 2 });
    expect(nextCell('PageUp', { row: 3, index: 2 }, matrix)).toEqual({ row: 0, index: 2 });
  });

  it('leaves every other key to the browser', () => {
    expect(nextCell('Tab', { row: 1, index: 1 }, matrix)).toBeNull();
    expect(nextCell('Enter', { row: 1, index: 1 }, matrix)).toBeNull();
    expect(nextCell('a', { row: 1, index: 1 }, matrix)).toBeNull();
  });
});

describe('horizontal scroll hint', () => {
  it('says nothing when the table fits, a pixel of rounding included', () => {
    expect(scrollHint({ scrollLeft: 0, scrollWidth: 800, clientWidth: 800 })).toEqual({ overflows: false, moreBefore: false, moreAfter: false });
    expect(scrollHint({ scrollLeft: 0, scrollWidth: 801, clientWidth: 800 })).toEqual({ overflows: false, moreBefore: false, moreAfter: false });
  });

  it('shades the right edge at the start, both in the middle, the left one at the end', () => {
    expect(scrollHint({ scrollLeft: 0, scrollWidth: 2000, clientWidth: 400 })).toEqual({ overflows: true, moreBefore: false, moreAfter: true });
    expect(scrollHint({ scrollLeft: 600, scrollWidth: 2000, clientWidth: 400 })).toEqual({ overflows: true, moreBefore: true, moreAfter: true });
    expect(scrollHint({ scrollLeft: 1600, scrollWidth: 2000, clientWidth: 400 })).toEqual({ overflows: true, moreBefore: true, moreAfter: false });
    expect(scrollHint({ scrollLeft: 1599.5, scrollWidth: 2000, clientWidth: 400 })).toEqual({ overflows: true, moreBefore: true, moreAfter: false });
  });
});
