import type { CSSProperties } from 'react';

const border = '1px solid var(--mantine-color-gray-3)';

/** Styles shared by the wide tables: a header row and a first column that stay put while the rest scrolls. */
export const wideGridStyles = {
  border,
  stickyTop: { position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' } satisfies CSSProperties,
  stickyStart: (width: number, left = 0): CSSProperties => ({
    position: 'sticky', left, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: width, maxWidth: width, width,
  }),
  /** A header cut to its column, its full text in `title` and in the grid's detail line. */
  truncated: (maxWidth: number): CSSProperties => ({ display: 'block', maxWidth, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  /** A column title written upwards, so that forty columns fit. */
  vertical: {
    writingMode: 'vertical-rl', transform: 'rotate(180deg)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis',
    maxHeight: '9rem', display: 'inline-block', fontWeight: 500, fontSize: 'var(--mantine-font-size-xs)',
  } satisfies CSSProperties,
};
