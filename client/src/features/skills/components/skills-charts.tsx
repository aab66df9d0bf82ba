// Recharts for the skills screens (ADR 0034): only imported by lazy-loaded pages. Each chart is decorative next to the
// table holding the same figures, so it is hidden from assistive technologies.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface DistributionDatum {
  code: string;
  acquired: number;
  inProgress: number;
  notStarted: number;
}

export interface ProgressDatum {
  week: string;
  acquired: number;
  completion: number;
}

export function DistributionChart({ data, labels }: { data: DistributionDatum[]; labels: { acquired: string; inProgress: string; notStarted: string } }) {
  return (
    <div aria-hidden data-testid="distribution-chart" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="code" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="acquired" name={labels.acquired} stackId="status" fill="var(--mantine-color-green-6)" />
          <Bar dataKey="inProgress" name={labels.inProgress} stackId="status" fill="var(--mantine-color-yellow-5)" />
          <Bar dataKey="notStarted" name={labels.notStarted} stackId="status" fill="var(--mantine-color-gray-4)" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ProgressChart({ data, labels }: { data: ProgressDatum[]; labels: { acquired: string; completion: string } }) {
  return (
    <div aria-hidden data-testid="progress-chart" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" />
          <YAxis domain={[0, 100]} unit=" %" />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="acquired" name={labels.acquired} stroke="var(--mantine-color-green-7)" strokeWidth={2} />
          <Line type="monotone" dataKey="completion" name={labels.completion} stroke="var(--mantine-color-blue-7)" strokeWidth={2} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
