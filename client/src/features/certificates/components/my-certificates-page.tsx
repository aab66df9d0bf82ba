import { Anchor, Badge, Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import { type HeldCertificate, useDownloadCertificate, useMyCertificates } from '@/features/certificates/api/certificates';

/** "Mes certificats": each certificate the caller holds, its files, and the link that lets anyone check it. */
export function MyCertificatesPage() {
  const { t } = useTranslation('certificates');
  const [page, setPage] = useState(1);
  const certificates = useMyCertificates(page);
  return (
    <Stack>
      <PageTitle>{t('mine.title')}</PageTitle>
      {certificates.isPending ? (
        <LoadingState />
      ) : certificates.isError ? (
        <ErrorState error={certificates.error} onRetry={() => void certificates.refetch()} />
      ) : certificates.data.totalCount === 0 ? (
        <EmptyState title={t('mine.emptyTitle')} message={t('mine.empty')} />
      ) : (
        <>
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {certificates.data.items.map((certificate) => (
              <CertificateCard key={certificate.id} certificate={certificate} />
            ))}
          </Stack>
          <Pager page={page} pageSize={certificates.data.pageSize} totalCount={certificates.data.totalCount} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

function CertificateCard({ certificate }: { certificate: HeldCertificate }) {
  const { t } = useTranslation('certificates');
  const format = useFormatters();
  const download = useDownloadCertificate();
  const revoked = certificate.status === 'Revoked';
  const titleId = `certificate-${certificate.id}`;
  return (
    <Card component="li" withBorder padding="lg" radius="md" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id={titleId}>
            {certificate.courseTitle}
          </Title>
          <Badge color={revoked ? 'red' : 'green'} variant={revoked ? 'filled' : 'light'} size="lg" data-testid="certificate-status">
            {revoked && certificate.revokedOn ? t('status.revokedOn', { date: format.day(certificate.revokedOn) }) : t(`status.${certificate.status}`)}
          </Badge>
        </Group>
        <Text>{certificate.cohortTitle}</Text>
        <Text size="sm" c="dimmed">
          {certificate.organizationNames.join(' · ')}
        </Text>
        <Text size="sm">{t('issuedOn', { date: format.day(certificate.issuedOn) })}</Text>
        <Text size="sm">
          {t('code')} <Text span ff="monospace" fw={600} data-testid="certificate-code">{certificate.shortCode}</Text>
        </Text>
        {revoked && (
          <Text size="sm" c="red.8">
            {t('revokedExplain')}
          </Text>
        )}
        <Group gap="sm" mt="xs">
          <Button onClick={() => download.mutate({ certificate, file: 'pdf' })} loading={download.isPending && download.variables.file === 'pdf'}>
            {t('downloadPdf')}
          </Button>
          <Button variant="default" onClick={() => download.mutate({ certificate, file: 'credential' })} loading={download.isPending && download.variables.file === 'credential'}>
            {t('downloadCredential')}
          </Button>
          <CopyButton value={certificate.verifyUrl}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy} aria-live="polite">
                {copied ? t('copied') : t('copyLink')}
              </Button>
            )}
          </CopyButton>
          <Anchor href={certificate.verifyUrl} target="_blank" rel="noopener noreferrer">
            {t('openVerification')}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed">
          {t('credentialExplain')}
        </Text>
        {download.isError && <ProblemAlert error={download.error} />}
      </Stack>
    </Card>
  );
}
