import { Button, CopyButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { publicCohortUrl } from '@/features/cohorts/api/public-cohort';

/** "Copier le lien public": the address of the cohort's public page, to share with people who have no account yet. */
export function CopyPublicLink({ cohortId, title }: { cohortId: string; title?: string }) {
  const { t } = useTranslation('cohorts');
  return (
    <CopyButton value={publicCohortUrl(cohortId)}>
      {({ copied, copy }) => (
        <Button
          variant="default"
          size="sm"
          onClick={copy}
          aria-label={title ? t('publicPage.copyLinkOf', { title }) : undefined}
          data-public-link={publicCohortUrl(cohortId)}
        >
          {copied ? t('publicPage.copied') : t('publicPage.copyLink')}
        </Button>
      )}
    </CopyButton>
  );
}
