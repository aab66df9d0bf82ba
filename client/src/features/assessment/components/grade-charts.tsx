// Two small hand-written SVG charts for "mes notes" (no chart library: two shapes do not pay for recharts' ~100 KB).
// Each is an <svg role="img"> with a label, and the page shows the same numbers as text next to it.

const WIDTH = 480;
const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };
const axis = 'var(--mantine-color-gray-6)';
const line = 'var(--mantine-color-blue-7)';

export interface ResultPoint {
  /** ISO date: where the point sits on the time axis. */
  at: string;
  percent: number;
  title: string;
}

/** Released results over time, in percent of each assignment's points (x: due date, y: 0–100 %). */
export function ResultsChart({ points, label, formatDay }: { points: readonly ResultPoint[]; label: string; formatDay: (iso: string) => string }) {
  const times = points.map((p) => new Date(p.at).getTime());
  const first = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - first);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (time: number) => PAD.left + (points.length === 1 ? innerW / 2 : ((time - first) / span) * innerW);
  const y = (percent: number) => PAD.top + innerH - (Math.min(100, Math.max(0, percent)) / 100) * innerH;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(times[i] ?? first).toFixed(1)},${y(p.percent).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxWidth: WIDTH }} role="img" aria-label={label} data-testid="results-chart">
      {[0, 50, 100].map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke={axis} strokeWidth={tick === 0 ? 1 : 0.5} strokeDasharray={tick === 0 ? undefined : '4 4'} />
          <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="currentColor">
            {tick} %
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke={line} strokeWidth={2} />
      {points.map((p, i) => (
        <circle key={`${p.at}-${i}`} cx={x(times[i] ?? first)} cy={y(p.percent)} r={4} fill={line}>
          <title>{`${p.title} : ${p.percent} %`}</title>
        </circle>
      ))}
      {points[0] && (
        <text x={PAD.left} y={HEIGHT - 8} fontSize="11" fill="currentColor">
          {formatDay(points[0].at)}
        </text>
      )}
      {last && points.length > 1 && (
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} fontSize="11" textAnchor="end" fill="currentColor">
          {formatDay(last.at)}
        </text>
      )}
    </svg>
  );
}

const R = 90;
const C = 130;

/** A competency radar: one spoke per competency, its latest mastery (0–100 %) as the distance from the centre. */
export function CompetencyRadar({ values, label }: { values: readonly { code: string; percent: number }[]; label: string }) {
  const n = values.length;
  const at = (index: number, radius: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / n;
    return [C + radius * Math.cos(angle), C + radius * Math.sin(angle)] as const;
  };
  const polygon = (radius: (i: number) => number) =>
    values.map((_, i) => at(i, radius(i)).map((v) => v.toFixed(1)).join(',')).join(' ');
  return (
    <svg viewBox={`0 0 ${2 * C} ${2 * C}`} width="100%" style={{ maxWidth: 2 * C }} role="img" aria-label={label} data-testid="competency-radar">
      {[0.5, 1].map((ring) => (
        <polygon key={ring} points={polygon(() => R * ring)} fill="none" stroke={axis} strokeWidth={0.5} />
      ))}
      {values.map((v, i) => {
        const [x2, y2] = at(i, R);
        const [lx, ly] = at(i, R + 18);
        return (
          <g key={v.code}>
            <line x1={C} y1={C} x2={x2} y2={y2} stroke={axis} strokeWidth={0.5} />
            <text x={lx} y={ly + 4} fontSize="11" textAnchor="middle" fill="currentColor">
              {v.code}
            </text>
          </g>
        );
      })}
      <polygon points={polygon((i) => (R * Math.min(100, Math.max(0, values[i]?.percent ?? 0))) / 100)} fill="var(--mantine-color-blue-2)" fillOpacity={0.6} stroke={line} strokeWidth={2} />
    </svg>
  );
}
