import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { json } from '@/testing/fake-api';
import { learnerMe } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import { MarkdownEditor, type MentionSpace } from './markdown-editor';

const cohortId = 'c1';

function Harness({ mentions, initial = '' }: { mentions?: MentionSpace; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <MarkdownEditor label="Votre réponse" value={value} onChange={setValue} mentions={mentions} />
      <output data-testid="value">{value}</output>
    </>
  );
}

const people = [
  { userId: 'u1', displayName: 'Léa Bernard' },
  { userId: 'u2', displayName: 'Léon Martin' },
];

describe('MarkdownEditor', () => {
  it('previews through the server, which renders and sanitises as it would publish', async () => {
    const api = signedInApi(learnerMe, {
      'POST /api/v1/markdown/preview': async (request) => {
        const { body } = (await request.json()) as { body: string };
        return json({ html: body === '**Gras** <script>x</script>' ? '<p><strong>Gras</strong> &lt;script&gt;x&lt;/script&gt;</p>' : '' });
      },
    });
    const { user } = renderWithProviders(<Harness initial="**Gras** <script>x</script>" />);

    expect(screen.getByRole('textbox', { name: 'Votre réponse' })).toBeInTheDocument();
    expect(api.sent('POST /api/v1/markdown/preview')).toHaveLength(0);
    await user.click(screen.getByRole('tab', { name: 'Aperçu' }));

    const region = await screen.findByRole('region', { name: 'Aperçu : Votre réponse' });
    await waitFor(() => expect(region.querySelector('strong')?.textContent).toBe('Gras'));
    expect(region.querySelector('script')).toBeNull();
    expect(region).toHaveTextContent('<script>x</script>');
    expect(api.sent('POST /api/v1/markdown/preview')).toHaveLength(1);

    await user.click(screen.getByRole('tab', { name: 'Écrire' }));
    expect(screen.getByRole('textbox', { name: 'Votre réponse' })).toHaveValue('**Gras** <script>x</script>');
  }, 15_000);

  it('suggests who can read the space after "@" and a letter, picked with the arrows and Enter, closed with Escape', async () => {
    const api = signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}/forum/mentionable`]: () => json(people),
    });
    const { user } = renderWithProviders(<Harness mentions={{ cohortId, groupId: 'g1' }} />);
    const box = screen.getByRole('textbox', { name: 'Votre réponse' });

    await user.type(box, 'Merci @');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.type(box, 'Lé');
    const list = await screen.findByRole('listbox', { name: 'Membres à mentionner' });
    expect(list).toBeInTheDocument();
    const query = new URL(api.sent(`GET /api/v1/cohorts/${cohortId}/forum/mentionable`).at(-1)!.url).searchParams;
    expect([query.get('q'), query.get('groupId')]).toEqual(['Lé', 'g1']);
    expect(screen.getByRole('option', { name: '@Léa Bernard' })).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: '@Léon Martin' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: '@Léa Bernard' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('Merci @Léon Martin');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();

    await user.type(box, 'et @L');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value').textContent).toBe('Merci @Léon Martin et @L\n');
  }, 15_000);

  it('picks a name typed in the middle of the text and goes on typing right after it', async () => {
    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}/forum/mentionable`]: () => json(people),
    });
    const { user } = renderWithProviders(<Harness mentions={{ cohortId }} />);
    const box = screen.getByRole('textbox', { name: 'Votre réponse' });

    await user.type(box, 'Merci !');
    await user.type(box, '@Lé', { initialSelectionStart: 6, initialSelectionEnd: 6 });
    await screen.findByRole('listbox', { name: 'Membres à mentionner' });
    await user.keyboard('{Enter}et ');
    expect(screen.getByTestId('value').textContent).toBe('Merci @Léa Bernard et !');
  }, 15_000);

  it('suggests nobody where mentions do not apply (private messages), and an address is not a mention', async () => {
    const api = signedInApi(learnerMe, {});
    const { user } = renderWithProviders(<Harness />);
    await user.type(screen.getByRole('textbox', { name: 'Votre réponse' }), 'Écrivez à lea@exemple.fr ou @Léa');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(api.requests.filter((r) => r.url.includes('mentionable'))).toHaveLength(0);
  }, 15_000);
});
