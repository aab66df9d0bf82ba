import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { ApplyBody } from '@/features/cohorts/api/applications';

/** The server's rules for an application (ApplyToCohort's validator), with messages in the UI's language. */
export function applicationSchema(t: TFunction<readonly ['cohorts', 'common']>) {
  return z.object({
    motivation: z
      .string()
      .trim()
      .min(1, { error: t('common:validation.required') })
      .max(5000, { error: t('common:validation.maxLength', { max: 5000 }) }),
    answers: z
      .array(
        z.object({
          question: z
            .string()
            .trim()
            .min(1, { error: t('common:validation.questionRequired') })
            .max(200, { error: t('common:validation.maxLength', { max: 200 }) }),
          answer: z.string().max(2000, { error: t('common:validation.maxLength', { max: 2000 }) }),
        }),
      )
      .max(20, { error: t('common:validation.answersCount') })
      .refine((answers) => new Set(answers.map((a) => a.question.trim())).size === answers.length, {
        error: t('common:validation.questionsDistinct'),
      }),
  });
}

export type ApplicationValues = z.infer<ReturnType<typeof applicationSchema>>;

/** Q/A rows become the `answers` map the API takes. */
export function toApplyBody(values: ApplicationValues): ApplyBody {
  const answers: Record<string, string> = {};
  for (const { question, answer } of values.answers) answers[question.trim()] = answer.trim();
  return { motivation: values.motivation.trim(), answers };
}
