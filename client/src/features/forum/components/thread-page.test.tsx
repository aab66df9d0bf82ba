import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json } from '@/testing/fake-api';
import { fakeLive } from '@/testing/fake-live';
import { learnerMe, paged } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import { LiveContext } from '@/lib/live/live-context';
import type { Post, Thread } from '@/features/forum/api/forum';
import { ThreadPage } from './thread-page';

const threadId = '0192f0c1-0000-7000-8000-00000000f001';

const thread: Thread = {
  id: threadId, cohortId: 'c1', title: 'Chemin critique', authorId: learnerMe.id, authorName: 'Léa Bernard', createdAt: '2027-01-16T08:00:00Z',
  lastPostAt: '2027-01-16T08:00:00Z', isAnnouncement: false, audienceGroupIds: [], isPinned: false, isLocked: false, answeredByStaff: false,
  canReply: true, canModerate: false, canMarkAnswer: false, version: '1',
};

const post = (number: number, text: string): Post => ({
  id: `p${number}`, threadId, number, authorId: learnerMe.id, authorName: 'Léa Bernard', byStaff: false, body: text, bodyHtml: `<p>${text}</p>`,
  mentionedUserIds: [], attachments: [], createdAt: '2027-01-16T08:00:00Z', isDeleted: false, isHidden: false, isAnswer: false, reactions: [], version: '1',
});

describe('Thread page, live', () => {
  it("joins its thread and shows a post published in it without a reload, ignoring other threads' posts", async () => {
    const posts = [post(1, 'Comment le calculer ?')];
    const api = signedInApi(learnerMe, { [`GET /api/v1/threads/${threadId}`]: () => json({ thread, posts: paged([...posts]) }) });
    const hub = fakeLive();
    renderRoute(`/threads/${threadId}`, {
      '/threads/:threadId': (
        <LiveContext.Provider value={hub.live}>
          <ThreadPage />
        </LiveContext.Provider>
      ),
    });
    await screen.findByText('Comment le calculer ?');
    expect(hub.joined).toEqual([threadId]);

    posts.push(post(2, 'La plus longue suite de tâches.'));
    act(() => hub.push('postPublished', { threadId: 'another', postId: 'x' }));
    expect(api.sent(`GET /api/v1/threads/${threadId}`)).toHaveLength(1);

    act(() => hub.push('postPublished', { threadId, postId: 'p2' }));
    expect(await screen.findByText('La plus longue suite de tâches.')).toBeInTheDocument();
  });
});

describe('Thread page, rename', () => {
  it('lets its author rename the thread, conditionally on the version they saw', async () => {
    let current = thread;
    const api = signedInApi(learnerMe, {
      [`GET /api/v1/threads/${threadId}`]: () => json({ thread: current, posts: paged([post(1, 'Texte')]) }),
      [`PATCH /api/v1/threads/${threadId}`]: async (request) => {
        current = { ...current, ...((await request.json()) as { title: string }), version: '2' };
        return json(current);
      },
    });
    const { user } = renderRoute(`/threads/${threadId}`, {
      '/threads/:threadId': (
        <LiveContext.Provider value={fakeLive().live}>
          <ThreadPage />
        </LiveContext.Provider>
      ),
    });
    await user.click(await screen.findByRole('button', { name: 'Renommer' }));
    const field = screen.getByRole('textbox', { name: /Nouveau titre/ });
    await user.clear(field);
    await user.type(field, 'Chemin critique : méthode');
    await user.click(screen.getByRole('button', { name: 'Renommer' }));

    expect(await screen.findByRole('heading', { name: 'Chemin critique : méthode' })).toBeInTheDocument();
    const [patch] = api.sent(`PATCH /api/v1/threads/${threadId}`);
    expect(patch!.headers.get('If-Match')).toBe('"1"');
    expect(await patch!.json()).toEqual({ title: 'Chemin critique : méthode' });
  }, 15_000);
});
