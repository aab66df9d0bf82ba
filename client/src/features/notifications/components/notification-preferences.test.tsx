import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json } from '@/testing/fake-api';
import { trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import { NotificationPreferences } from './notification-preferences';

describe('Notification preferences', () => {
  it('lists the weekly follow-up summary with its label, beside the other kinds', async () => {
    signedInApi(trainerMe, {
      'GET /api/v1/me/notification-preferences': () =>
        json({
          dailyDigest: false, etag: '"v1"',
          channels: [
            { kind: 'CertificateIssued', channel: 'Both', essential: true },
            { kind: 'FollowUpSummary', channel: 'Email', essential: false },
            { kind: 'WebhookDisabled', channel: 'Both', essential: true },
          ],
        }),
    });
    renderRoute('/me', { '/me': <NotificationPreferences /> });
    expect(await screen.findByRole('combobox', { name: 'Résumé hebdomadaire du suivi' })).toHaveValue('Email');
    expect(screen.getByRole('combobox', { name: 'Certificats délivrés' })).toHaveValue('Both');
    expect(screen.getByRole('combobox', { name: 'Webhooks désactivés' })).toHaveValue('Both');
  });
});
