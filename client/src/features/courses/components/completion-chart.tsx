import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormatters } from '@/lib/i18n/format';
import type { CompletionPoint } from './progress';

/**
 * The learner's completed activities over time: a step line of the running total per day, dates on the x axis, activities
 * on the y axis up to the course's total (a dashed line). Recharts loads with this chunk only (ADR 0034); the figures are
 * also in the summary's words (its label) and in the progress panel beside it, so nothing is chart-only.
 */
export function CompletionChart({ points, total }: { points: CompletionPoint[]; total: number }) {
  const { t } = useTranslation(['courses', 'homes']);
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
  const label = t('learn.chartLabel', {
    count: last.cumulative,
    done: format.number(last.cumulative),
    total: format.number(total),
    from: format.day(first.day),
    to: format.day(last.day),
  });
  // A single day still draws a step: from nothing the day before to that day's total.
  const data = (points.length === 1 ? [{ day: previousDay(first.day), count: 0, cumulative: 0 }, first] : points).map((p) => ({ ...p, time: dayTime(p.day) }));
  return (
    <figure style={{ margin: 0, height: 200, minWidth: 0 }} aria-label={label} data-testid="completion-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 200 }}>
        <AreaChart data={data} accessibilityLayer margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(time: number) => format.day(new Date(time).toISOString())} name={t('homes:course.chartDay')} />
          <YAxis allowDecimals={false} domain={[0, Math.max(1, total)]} name={t('homes:course.chartDone')} />
          <Tooltip labelFormatter={(time) => format.day(new Date(Number(time)).toISOString())} />
          <ReferenceLine y={total} stroke="#868e96" strokeDasharray="4 4" label={{ value: t('homes:course.chartTotal'), position: 'insideTopRight', fontSize: 12 }} />
          <Area type="stepAfter" dataKey="cumulative" name={t('homes:course.chartDone')} stroke="#1c7ed6" fill="#a5d8ff" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}

const dayTime = (day: string) => new Date(`${day}T00:00:00Z`).getTime();
const previousDay = (day: string) => new Date(dayTime(day) - 86_400_000).toISOString().slice(0, 10);
