/** A cell of a table grid: its row, and its index among that row's cells (not its column: a cell may span several). */
export interface GridCell {
  row: number;
  index: number;
}

/** Rows of rows' cells' column spans: `[[1, 1, 3], [1, 1, 1, 1, 1]]` is a band row over a five-column row. */
export type GridShape = readonly (readonly number[])[];

/** The first column a cell covers. */
export function startColumn(shape: GridShape, cell: GridCell): number {
  let column = 0;
  for (let i = 0; i < cell.index; i++) column += shape[cell.row]?.[i] ?? 1;
  return column;
}

/** The cell of `row` that covers `column` (its last cell when the row is shorter). */
export function cellAt(shape: GridShape, row: number, column: number): GridCell {
  const spans = shape[row] ?? [];
  let start = 0;
  for (let index = 0; index < spans.length; index++) {
    start += spans[index] ?? 1;
    if (column < start) return { row, index };
  }
  return { row, index: Math.max(0, spans.length - 1) };
}

/**
 * Where a key moves the focus in a grid (WAI-ARIA grid pattern): arrows by one cell, keeping the column when moving
 * between rows whose cells span differently; Home/End to the row's ends (with Ctrl, the grid's); PageUp/PageDown by
 * `pageSize` rows. `null` when the key is not the grid's, so the browser keeps it; the same cell at an edge.
 */
export function nextCell(key: string, from: GridCell, shape: GridShape, options: { ctrl?: boolean; pageSize?: number } = {}): GridCell | null {
  const lastRow = shape.length - 1;
  const lastIndex = (row: number) => Math.max(0, (shape[row]?.length ?? 1) - 1);
  const toRow = (row: number) => cellAt(shape, Math.min(lastRow, Math.max(0, row)), startColumn(shape, from));
  const pageSize = options.pageSize ?? 10;
  switch (key) {
    case 'ArrowLeft':
      return { row: from.row, index: Math.max(0, from.index - 1) };
    case 'ArrowRight':
      return { row: from.row, index: Math.min(lastIndex(from.row), from.index + 1) };
    case 'ArrowUp':
      return toRow(from.row - 1);
    case 'ArrowDown':
      return toRow(from.row + 1);
    case 'PageUp':
      return toRow(from.row - pageSize);
    case 'PageDown':
      return toRow(from.row + pageSize);
    case 'Home':
      return options.ctrl ? { row: 0, index: 0 } : { row: from.row, index: 0 };
    case 'End':
      return options.ctrl ? { row: lastRow, index: lastIndex(lastRow) } : { row: from.row, index: lastIndex(from.row) };
    default:
      return null;
  }
}
