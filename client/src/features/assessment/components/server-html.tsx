import { Typography } from '@mantine/core';

/** Trusted HTML only: the server renders Markdown and sanitizes it (Markdig + HtmlSanitizer) before serving it. */
export function ServerHtml({ html, testId }: { html: string; testId?: string }) {
  return (
    <Typography>
      <div data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
