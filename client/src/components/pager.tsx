import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  page: number;
  pageSize: number;
  totalCount: number;
  onChange: (page: number) => void;
}

/** Page links for a paged API list ({items, page, pageSize, totalCount}); hidden when one page is enough. */
export function Pager({ page, pageSize, totalCount, onChange }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  if (pages <= 1) return null;
  return (
    <Group component="nav" aria-label={t('states.pagination')} gap="md">
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        getItemProps={(item) => ({ 'aria-label': t('states.goToPage', { page: item }) })}
        getControlProps={(control) =>
          control === 'previous'
            ? { 'aria-label': t('states.previousPage') }
            : control === 'next'
              ? { 'aria-label': t('states.nextPage') }
              : {}
        }
        withEdges={false}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('states.pageOf', { page, pages })}
      </Text>
    </Group>
  );
}
