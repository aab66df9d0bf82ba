import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json } from '@/testing/fake-api';
import { fakeLive } from '@/testing/fake-live';
import { learnerMe, paged } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import { LiveContext } from '@/lib/live/live-context';
import type { Message } from '@/features/notifications/api/notifications';
import { ConversationPage } from './conversation-page';
import { NotificationBell } from './notification-bell';

const conversationId = '0192f0c1-0000-7000-8000-00000000c001';

const message = (id: string, body: string, mine: boolean): Message => ({
  id, authorId: mine ? learnerMe.id : 'mentor', authorName: mine ? 'Léa Bernard' : 'Chloé Moreau', body, bodyHtml: `<p>${body}</p>`,
  sentAt: '2027-01-16T08:00:00Z', mine,
});

describe('Live notifications', () => {
  it("the bell's count follows the hub's notificationsChanged without a poll", async () => {
    let unread = 1;
    signedInApi(learnerMe, { 'GET /api/v1/me/notifications/unread-count': () => json({ unread }) });
    const hub = fakeLive();
    renderRoute('/', { '/': <LiveContext.Provider value={hub.live}><NotificationBell /></LiveContext.Provider> });
    expect(await screen.findByRole('button', { name: 'Notifications : 1 non lue' })).toBeInTheDocument();

    unread = 2;
    act(() => hub.push('notificationsChanged'));
    expect(await screen.findByRole('button', { name: 'Notifications : 2 non lues' })).toBeInTheDocument();
  });

  it('an open conversation shows the reply when the hub says the feed changed', async () => {
    const messages = [message('m1', 'Puis-je rendre vendredi ?', true)];
    signedInApi(learnerMe, {
      [`GET /api/v1/conversations/${conversationId}`]: () =>
        json({ id: conversationId, cohortId: 'c1', learnerId: learnerMe.id, learnerName: 'Léa Bernard', createdAt: '2027-01-16T08:00:00Z', unreadCount: 0 }),
      // Newest first, as the API answers.
      [`GET /api/v1/conversations/${conversationId}/messages`]: () => json(paged([...messages].reverse(), 100)),
      [`POST /api/v1/conversations/${conversationId}/read`]: () => new Response(null, { status: 204 }),
    });
    const hub = fakeLive();
    renderRoute(`/conversations/${conversationId}`, {
      '/conversations/:conversationId': <LiveContext.Provider value={hub.live}><ConversationPage /></LiveContext.Provider>,
    });
    await screen.findByText('Puis-je rendre vendredi ?');

    messages.push(message('m2', 'Oui, vendredi convient.', false));
    act(() => hub.push('notificationsChanged'));
    expect(await screen.findByText('Oui, vendredi convient.')).toBeInTheDocument();
  });
});
