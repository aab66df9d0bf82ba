import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/i18n/format';
import type { CompletionPoint } from './progress';

const WIDTH = 280;
const HEIGHT = 80;
const PAD = 6;

/** A tiny SVG step line of completions over time (no chart library), with a spoken summary. */
export function CompletionChart({ points, total }: { points: CompletionPoint[]; total: number }) {
  const { t } = useTranslation(['courses', 'common']);
  const format = useFormatters();
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) {
    return (
      <Text size="sm" c="dimmed">
        {t('learn.chartEmpty')}
      </Text>
    );
  }
  const start = new Date(`${first.day}T00:00:00Z`).getTime();
  const end = new Date(`${last.day}T00:00:00Z`).getTime();
  const span = Math.max(1, end - start);
  const max = Math.max(1, total, last.cumulative);
  const x = (day: string) => PAD + ((new Date(`${day}T00:00:00Z`).getTime() - start) / span) * (WIDTH - 2 * PAD);
  const y = (value: number) => HEIGHT - PAD - (value / max) * (HEIGHT - 2 * PAD);
  const path = points.length === 1
    ? `M ${PAD} ${y(0)} L ${WIDTH - PAD} ${y(first.cumulative)}`
    : points.reduce(
        (d, point, index) => {
          const previous = points[index - 1]?.cumulative ?? 0;
          return `${d} L ${x(point.day)} ${y(previous)} L ${x(point.day)} ${y(point.cumulative)}`;
        },
        `M ${PAD} ${y(0)}`,
      );
  const label = t('learn.chartLabel', {
    count: last.cumulative,
    done: format.number(last.cumulative),
    total: format.number(total),
    from: format.day(first.day),
    to: format.day(last.day),
  });
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={label} data-testid="completion-chart">
      <title>{label}</title>
      <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} stroke="var(--mantine-color-gray-5)" />
      <path d={path} fill="none" stroke="var(--mantine-primary-color-filled)" strokeWidth={2} />
      {points.map((point) => (
        <circle key={point.day} cx={points.length === 1 ? WIDTH - PAD : x(point.day)} cy={y(point.cumulative)} r={3} fill="var(--mantine-primary-color-filled)" />
      ))}
    </svg>
  );
}
