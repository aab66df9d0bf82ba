import { Anchor, Code, List, Text, Typography } from '@mantine/core';
import type { ReactNode } from 'react';

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_|`(.+?)`|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** Bold, italic, code and http(s) links of one line, as React elements: nothing is ever inserted as HTML. */
function inline(line: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of line.matchAll(INLINE)) {
    nodes.push(line.slice(last, match.index));
    const [, bold, italic, underscored, code, label, href] = match;
    const key = match.index;
    if (bold) nodes.push(<strong key={key}>{bold}</strong>);
    else if (italic ?? underscored) nodes.push(<em key={key}>{italic ?? underscored}</em>);
    else if (code) nodes.push(<Code key={key}>{code}</Code>);
    else nodes.push(<Anchor key={key} href={href} target="_blank" rel="noopener noreferrer nofollow">{label}</Anchor>);
    last = match.index + match[0].length;
  }
  nodes.push(line.slice(last));
  return nodes;
}

/**
 * A short Markdown text the API keeps as written (a rubric criterion's comment has no server rendering): paragraphs, bulleted
 * and numbered lists, bold, italic, code and links, built as elements, so the author's text can never inject markup.
 */
export function MarkdownText({ text }: { text: string }) {
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <Typography>
      {blocks.map((block, index) => {
        const lines = block.split('\n');
        const bullets = lines.every((line) => /^\s*[-*]\s+/.test(line));
        const numbered = lines.every((line) => /^\s*\d+[.)]\s+/.test(line));
        if (bullets || numbered)
          return (
            <List key={index} type={numbered ? 'ordered' : 'unordered'} size="sm">
              {lines.map((line, i) => (
                <List.Item key={i}>{inline(line.replace(/^\s*([-*]|\d+[.)])\s+/, ''))}</List.Item>
              ))}
            </List>
          );
        return (
          <Text key={index} size="sm">
            {lines.flatMap((line, i) => (i === 0 ? inline(line) : [<br key={`br${i}`} />, ...inline(line)]))}
          </Text>
        );
      })}
    </Typography>
  );
}
