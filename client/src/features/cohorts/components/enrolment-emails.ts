import { z } from 'zod';

/** A pasted list of emails (one a line, or separated by commas, semicolons or spaces), deduplicated. */
export function parseEmails(text: string): string[] {
  const seen = new Set<string>();
  const emails: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const email = raw.trim();
    if (!email) continue;
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    emails.push(email);
  }
  return emails;
}

const emailSchema = z.email();

/** The entries that are not email addresses. */
export function invalidEmails(emails: readonly string[]): string[] {
  return emails.filter((email) => !emailSchema.safeParse(email).success);
}

/** The API takes at most 200 emails at once (a cohort's largest capacity). */
export const MAX_EMAILS = 200;
