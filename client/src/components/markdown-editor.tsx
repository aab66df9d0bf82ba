import { Loader, Paper, Tabs, Text, Textarea, Typography, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';

/** Where @mentions are suggested from: the cohort's forum, or one group's space (its learners and the staff). */
export type MentionSpace = { cohortId: string; groupId?: string | null };

type Props = {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  /** Suggest the people who can read this space after "@" and a letter; no suggestions without it (private messages). */
  mentions?: MentionSpace;
  minRows?: number;
  maxLength?: number;
  required?: boolean;
};

/** "@" then letters right before the caret, not glued to a word (an e-mail address is not a mention). */
function mentionBefore(text: string, caret: number) {
  const query = /(?:^|[^\p{L}\p{N}])@([\p{L}\p{N}][\p{L}\p{N}'-]*)$/u.exec(text.slice(0, caret))?.[1];
  return query ? { start: caret - query.length - 1, query } : null;
}

/** The server renders the preview with the posts' own pipeline (Markdig + sanitiser, ADR 0007): it is what will be published. */
function usePreview(body: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['markdown-preview', body],
    queryFn: ({ signal }) => unwrap(api.POST('/api/v1/markdown/preview', { body: { body }, signal })),
    enabled: enabled && body.trim() !== '',
    staleTime: Infinity,
  });
}

function useMentionable(space: MentionSpace | undefined, q: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['forum', 'mentionable', space?.cohortId, space?.groupId ?? null, q],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/forum/mentionable', {
        params: { path: { cohortId: space?.cohortId ?? '' }, query: { q: q ?? '', groupId: space?.groupId ?? undefined } },
        signal,
      })),
    enabled: space !== undefined && q !== null,
    staleTime: 60_000,
  });
}

/**
 * Every Markdown field of the forum and the conversations: "Écrire" (with @mention suggestions, ↑ ↓ Enter to pick, Esc
 * to close) and "Aperçu", the HTML the server would publish.
 */
export function MarkdownEditor({ label, description, value, onChange, mentions, minRows = 3, maxLength = 20_000, required }: Props) {
  const { t } = useTranslation('forum');
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [tab, setTab] = useState<string | null>('write');
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  // The caret to put right after a picked name once its new value is on screen: a later tick could land after the next keystroke.
  const caretAfterPick = useRef<number | null>(null);
  const preview = usePreview(value, tab === 'preview');
  const people = useMentionable(mentions, mention?.query ?? null);
  const options = mention ? (people.data ?? []) : [];
  const open = options.length > 0;

  const type = (text: string, caret: number) => {
    onChange(text);
    setMention(mentions ? mentionBefore(text, caret) : null);
    setActive(0);
  };

  const choose = (name: string | undefined) => {
    if (!mention || name === undefined) return;
    const inserted = `@${name} `;
    caretAfterPick.current = mention.start + inserted.length;
    onChange(value.slice(0, mention.start) + inserted + value.slice(mention.start + 1 + mention.query.length));
    setMention(null);
  };

  useLayoutEffect(() => {
    const caret = caretAfterPick.current;
    if (caret === null) return;
    caretAfterPick.current = null;
    area.current?.setSelectionRange(caret, caret);
  }, [value]);

  const keys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    const moves: Record<string, () => void> = {
      ArrowDown: () => setActive((active + 1) % options.length),
      ArrowUp: () => setActive((active - 1 + options.length) % options.length),
      Enter: () => choose(options[active]?.displayName),
      Escape: () => setMention(null),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  };

  return (
    <Tabs value={tab} onChange={setTab} variant="outline">
      <Tabs.List>
        <Tabs.Tab value="write">{t('editor.write')}</Tabs.Tab>
        <Tabs.Tab value="preview">{t('editor.preview')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs" pos="relative">
        <Textarea
          ref={area}
          label={label}
          description={description ?? (mentions ? t('post.markdownHint') : t('editor.plainHint'))}
          value={value}
          required={required}
          maxLength={maxLength}
          autosize
          minRows={minRows}
          onChange={(e) => type(e.currentTarget.value, e.currentTarget.selectionStart)}
          onKeyDown={keys}
          onBlur={() => setMention(null)}
          aria-autocomplete={mentions ? 'list' : undefined}
          aria-controls={open ? `${id}-mentions` : undefined}
          aria-activedescendant={open ? `${id}-mention-${active}` : undefined}
        />
        {open && (
          <Paper withBorder shadow="sm" p={4} role="listbox" id={`${id}-mentions`} aria-label={t('editor.mentions')} pos="absolute" style={{ zIndex: 10 }}>
            {options.map((person, index) => (
              <UnstyledButton
                key={person.userId}
                id={`${id}-mention-${index}`}
                role="option"
                aria-selected={index === active}
                display="block"
                w="100%"
                px="xs"
                py={4}
                bg={index === active ? 'var(--mantine-color-blue-light)' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(person.displayName)}
              >
                @{person.displayName}
              </UnstyledButton>
            ))}
          </Paper>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Paper withBorder p="sm" mih={80} aria-label={t('editor.previewOf', { label })} role="region" aria-busy={preview.isFetching}>
          {value.trim() === '' ? (
            <Text c="dimmed">{t('editor.nothing')}</Text>
          ) : preview.isPending ? (
            <Loader size="sm" aria-label={t('editor.rendering')} />
          ) : preview.isError ? (
            <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
          ) : (
            <Typography>
              <div dangerouslySetInnerHTML={{ __html: preview.data.html }} />
            </Typography>
          )}
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}
