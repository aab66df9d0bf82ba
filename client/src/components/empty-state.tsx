import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  /** Says honestly what will appear here, and when. */
  message: string;
  action?: ReactNode;
  headingLevel?: 2 | 3;
}

export function EmptyState({ title, message, action, headingLevel = 2 }: EmptyStateProps) {
  return (
    <Paper withBorder p="lg" radius="md" component="section">
      <Stack gap="xs">
        <Title order={headingLevel} size="h4">
          {title}
        </Title>
        <Text c="dimmed">{message}</Text>
        {action}
      </Stack>
    </Paper>
  );
}
