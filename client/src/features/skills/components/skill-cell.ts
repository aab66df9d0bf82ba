import type { SkillCell } from '@/features/skills/api/skills';

/** The heat colour of a cell: its mastery from red (0 %) to green (100 %); grey without any assessment. */
export function skillColour(cell: SkillCell): string | undefined {
  if (cell.mastery === null || cell.mastery === undefined) return cell.status === 'NotStarted' ? undefined : 'var(--mantine-color-gray-1)';
  const hue = Math.round(Math.min(100, Math.max(0, cell.mastery)) * 1.2);
  return `hsl(${hue} 70% 85%)`;
}
