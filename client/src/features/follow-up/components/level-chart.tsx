import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LearnerFollowUp, RiskLevel } from '@/features/follow-up/api/follow-up';
import { levelColors } from './reason-text';

/** The learners per level as bars (the figures are also in the header's text: nothing is chart-only, ADR 0034). */
export function LevelChart({ counts }: { counts: Record<RiskLevel, number> }) {
  const { t } = useTranslation('followUp');
  const data = (['AtRisk', 'Watch', 'OnTrack'] as const).map((level) => ({ level, name: t(`level.${level}`), count: counts[level] }));
  return (
    <figure style={{ margin: 0, height: 180, minWidth: 0 }} aria-label={t('counts.chart')}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 180 }}>
        <BarChart data={data} accessibilityLayer margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" name={t('counts.title')} isAnimationActive={false}>
            {data.map((d) => <Cell key={d.level} fill={levelColors[d.level]} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The page's learners: activities done against those expected by now on their own schedule (the cards say it in words). */
export function ProgressChart({ rows }: { rows: LearnerFollowUp[] }) {
  const { t } = useTranslation('followUp');
  const data = rows.map((r) => ({ name: r.displayName, done: r.signals.activitiesDone, expected: r.signals.activitiesExpected }));
  return (
    <figure style={{ margin: 0, height: 180, minWidth: 0 }} aria-label={t('counts.progressChart')}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 180 }}>
        <BarChart data={data} accessibilityLayer margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" hide />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="expected" name={t('counts.expected')} fill="#adb5bd" isAnimationActive={false} />
          <Bar dataKey="done" name={t('counts.done')} fill="#1c7ed6" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
