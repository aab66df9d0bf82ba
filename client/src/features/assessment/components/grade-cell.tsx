import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/i18n/format';
import type { GradebookCell } from '@/features/assessment/api/gradebook';

/** A sign per status, so that the state reads without colour (the legend and the hidden text say what it means). */
const marks: Record<GradebookCell['status'], string> = { Released: '', Pending: '⏳', Missing: '✗', Upcoming: '…' };

/** One gradebook cell: the points that count, or the status's sign; a dropped result is struck through and says so. */
export function GradeCell({ cell, title }: { cell: GradebookCell; title: string }) {
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const status = t(`gradebook.status.${cell.status}`);
  const score = cell.score === null || cell.score === undefined ? null : format.number(cell.score);
  return (
    <span title={`${title} : ${status}${cell.dropped ? ` (${t('gradebook.dropped')})` : ''}`} data-status={cell.status}>
      <span aria-hidden style={cell.dropped ? { textDecoration: 'line-through' } : undefined}>
        {[score, marks[cell.status]].filter(Boolean).join(' ')}
        {cell.dropped && ' ↓'}
      </span>
      <VisuallyHidden>
        {[score, status, cell.dropped ? t('gradebook.dropped') : null].filter(Boolean).join(', ')}
      </VisuallyHidden>
    </span>
  );
}

/** What the signs mean, shown above the table. */
export function GradeLegend() {
  const { t } = useTranslation(['assessment', 'common']);
  return (
    <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem', margin: 0, padding: 0, listStyle: 'none', fontSize: 'var(--mantine-font-size-sm)' }} aria-label={t('gradebook.legend')}>
      <li>{t('gradebook.legendReleased')}</li>
      {(['Pending', 'Missing', 'Upcoming'] as const).map((status) => (
        <li key={status}>
          <span aria-hidden>{marks[status]}</span> {t(`gradebook.status.${status}`)}
        </li>
      ))}
      <li>
        <span aria-hidden style={{ textDecoration: 'line-through' }}>12 ↓</span> {t('gradebook.dropped')}
      </li>
    </ul>
  );
}
