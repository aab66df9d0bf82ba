import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { PageTitle } from '@/components/page-title';
import { useSession } from '@/lib/auth/session-context';
import { type WebhookCredentials, webhookName } from '@/features/integrations/api/webhooks';
import { CreateWebhookForm } from './create-webhook-form';
import { SecretOnceDialog } from './secret-once-dialog';
import { WebhookTable } from './webhook-table';

/** /organization/webhooks: the org admin subscribes other systems to the organisation's events and hands each secret over once. */
export function WebhooksPage() {
  const { t } = useTranslation(['integrations', 'common']);
  const { user } = useSession();
  const organization = user?.organizations.find((membership) => membership.role === 'OrgAdmin');
  // The one copy of a secret the API just gave: in this state only (never the query cache, never the address), until
  // the dialog is closed.
  const [credentials, setCredentials] = useState<WebhookCredentials | null>(null);

  if (!organization) {
    return (
      <>
        <PageTitle>{t('common:nav.orgWebhooks')}</PageTitle>
        <EmptyState title={t('common:nav.orgWebhooks')} message={t('common:home.orgAdmin.noOrganization')} />
      </>
    );
  }
  return (
    <Stack>
      <PageTitle>{t('webhooks.title', { name: organization.name })}</PageTitle>
      <Text>{t('webhooks.intro')}</Text>
      {credentials && (
        <SecretOnceDialog
          title={t('webhooks.secret.title', { name: webhookName(credentials.webhook) })}
          fields={[{ label: t('webhooks.secret.secret'), copyLabel: t('webhooks.secret.copy'), value: credentials.secret }]}
          onClose={() => setCredentials(null)}
        />
      )}
      {/* While a secret is shown the rest answers nothing: a second creation would replace it unseen. */}
      <Stack inert={credentials !== null}>
        <CreateWebhookForm organizationId={organization.organizationId} onCreated={setCredentials} />
        <WebhookTable organizationId={organization.organizationId} />
      </Stack>
    </Stack>
  );
}
