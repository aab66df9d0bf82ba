import { Group, Text } from '@mantine/core';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nextCell, type GridCell } from './grid-navigation';
import { scrollHint, type ScrollHint } from './scroll-hint';
import { wideGridStyles } from './wide-grid-styles';

const { border } = wideGridStyles;

const edge: CSSProperties = { position: 'absolute', top: 0, bottom: 0, width: 16, pointerEvents: 'none', zIndex: 4 };

const WIDGETS = 'a[href], button, input, select, textarea';

function cellsOf(table: HTMLTableElement): HTMLTableCellElement[][] {
  return Array.from(table.rows, (row) => Array.from(row.cells));
}

/** A cell's focus target: its single control when it holds one (grid pattern), else the cell itself. */
function targetOf(cell: HTMLTableCellElement): HTMLElement {
  return cell.querySelector<HTMLElement>(WIDGETS) ?? cell;
}

/** What the detail line says of a cell: its `data-detail`, or its `title`. */
function detailOf(element: Element | null): string | null {
  const cell = element?.closest('td, th');
  return cell?.getAttribute('data-detail') ?? cell?.getAttribute('title') ?? null;
}

/**
 * A wide staff table made readable (issue 16): the `<table role="grid">` it wraps is one tab stop, its cells are reached
 * with the arrows, Home/End (Ctrl for the grid's corners) and PageUp/PageDown; the full text of the cell under the focus
 * or the pointer (`data-detail`, else `title`) shows in a line above, as column titles are cut to fit; and when the
 * table is wider than the screen, a "scroll →" cue and shaded edges say so.
 */
export function WideGrid({ label, testId, maxHeight = '70vh', children }: { label: string; testId?: string; maxHeight?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const active = useRef<GridCell>({ row: 0, index: 0 });
  const [focusDetail, setFocusDetail] = useState<string | null>(null);
  const [hoverDetail, setHoverDetail] = useState<string | null>(null);
  const [hint, setHint] = useState<ScrollHint>({ overflows: false, moreBefore: false, moreAfter: false });

  const table = () => frame.current?.querySelector('table') ?? null;

  // Roving tabindex: after every render (rows come and go with pages), only the active cell's target is tabbable.
  useLayoutEffect(() => {
    const grid = table();
    if (!grid) return;
    const cells = cellsOf(grid);
    const row = Math.min(active.current.row, cells.length - 1);
    const index = Math.min(active.current.index, (cells[row]?.length ?? 1) - 1);
    active.current = { row: Math.max(0, row), index: Math.max(0, index) };
    for (const line of cells) {
      for (const cell of line) {
        cell.tabIndex = -1;
        for (const widget of cell.querySelectorAll<HTMLElement>(WIDGETS)) widget.tabIndex = -1;
      }
    }
    const current = cells[active.current.row]?.[active.current.index];
    if (current) targetOf(current).tabIndex = 0;
  });

  const measure = useCallback(() => {
    const element = frame.current;
    if (element) setHint(scrollHint(element));
  }, []);

  useEffect(() => {
    measure();
    const element = frame.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const grid = table();
    if (grid) observer.observe(grid);
    return () => observer.disconnect();
  }, [measure]);

  const focusCell = (next: GridCell) => {
    const grid = table();
    const cell = grid ? cellsOf(grid)[next.row]?.[next.index] : undefined;
    if (!cell) return;
    const previous = grid ? cellsOf(grid)[active.current.row]?.[active.current.index] : undefined;
    if (previous) targetOf(previous).tabIndex = -1;
    active.current = next;
    const target = targetOf(cell);
    target.tabIndex = 0;
    target.focus();
    cell.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  };

  return (
    <div style={{ position: 'relative' }}>
      <Group justify="space-between" gap="xs" mih={24} mb={4} wrap="nowrap">
        {/* For sighted keyboard and pointer users; screen readers hear the cell and its headers. */}
        <Text size="sm" fw={500} truncate="end" aria-hidden data-testid={testId ? `${testId}-detail` : undefined}>
          {hoverDetail ?? focusDetail ?? ''}
        </Text>
        {hint.moreAfter && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid={testId ? `${testId}-scroll-hint` : undefined}>
            {t('wideGrid.scrollHint')}
          </Text>
        )}
      </Group>
      <div style={{ position: 'relative' }}>
      <div
        ref={frame}
        role="region"
        aria-label={label}
        data-testid={testId}
        onScroll={measure}
        onFocus={(event) => {
          const cell = event.target.closest('td, th');
          const row = cell?.parentElement;
          const grid = table();
          if (grid && cell instanceof HTMLTableCellElement && row instanceof HTMLTableRowElement) {
            active.current = { row: Array.prototype.indexOf.call(grid.rows, row), index: cell.cellIndex };
          }
          setFocusDetail(detailOf(event.target));
        }}
        onBlur={(event) => {
          if (!frame.current?.contains(event.relatedTarget as Node | null)) setFocusDetail(null);
        }}
        onMouseOver={(event) => setHoverDetail(detailOf(event.target as Element))}
        onMouseLeave={() => setHoverDetail(null)}
        onKeyDown={(event) => {
          if ((event.target as Element).matches('input, select, textarea')) return;
          const grid = table();
          if (!grid) return;
          const next = nextCell(event.key, active.current, cellsOf(grid).map((row) => row.map((cell) => cell.colSpan)), { ctrl: event.ctrlKey || event.metaKey });
          if (!next) return;
          event.preventDefault();
          focusCell(next);
        }}
        style={{
          overflow: 'auto',
          maxHeight,
          border,
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        {children}
      </div>
      {/* Shaded edges where columns are hidden: the table goes on beyond them. */}
      {hint.moreBefore && <div aria-hidden style={{ ...edge, left: 0, background: 'linear-gradient(to right, rgba(0,0,0,0.2), transparent)' }} />}
      {hint.moreAfter && <div aria-hidden data-testid={testId ? `${testId}-shadow` : undefined} style={{ ...edge, right: 0, background: 'linear-gradient(to left, rgba(0,0,0,0.2), transparent)' }} />}
      </div>
    </div>
  );
}
