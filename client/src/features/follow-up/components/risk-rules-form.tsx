import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { useFormatters } from '@/lib/i18n/format';
import { type RiskRule, type RiskRuleKind, type RiskRules, useUpdateRiskRules } from '@/features/follow-up/api/follow-up';
import { type DraftRule, ruleError, thresholdOf } from './rule-error';

/**
 * The cohort's risk rules: each a switch and its two thresholds with their unit. Staff save them (conditional on the ETag
 * read: someone else's save meanwhile is a 412, shown as such with a way to reload); mentors read them.
 */
export function RiskRulesForm({ rules, etag, readOnly, onReload }: { rules: RiskRules; etag?: string; readOnly: boolean; onReload: () => void }) {
  const { t } = useTranslation('followUp');
  const format = useFormatters();
  const update = useUpdateRiskRules(rules.cohortId);
  const [draft, setDraft] = useState<DraftRule[]>(() =>
    rules.rules.map((r) => ({ kind: r.kind, enabled: r.enabled, watchFrom: r.watchFrom ?? '', atRiskFrom: r.atRiskFrom ?? '' })),
  );
  const errors = draft.map(ruleError);
  const stale = isApiError(update.error) && update.error.status === 412;
  const change = (kind: RiskRuleKind, patch: Partial<DraftRule>) => setDraft((d) => d.map((r) => (r.kind === kind ? { ...r, ...patch } : r)));
  const save = () => {
    const body: RiskRule[] = draft.map((r) => ({ kind: r.kind, enabled: r.enabled, watchFrom: thresholdOf(r.watchFrom), atRiskFrom: thresholdOf(r.atRiskFrom) }));
    update.mutate({ rules: body, etag });
  };

  return (
    <Stack maw={720}>
      <Text size="sm" c="dimmed">{t('rules.intro')}</Text>
      <Text size="sm">{rules.updatedAt ? t('rules.updatedAt', { date: format.dateTime(rules.updatedAt) }) : t('rules.defaults')}</Text>
      {readOnly && <Text size="sm" c="dimmed">{t('rules.readOnly')}</Text>}
      {draft.map((rule, i) => {
        const below = rule.kind === 'GradeBelow';
        const unit = t(`rules.unit.${rule.kind}`);
        const error = errors[i];
        return (
          <Paper key={rule.kind} withBorder p="sm" component="fieldset" aria-label={t(`rules.kind.${rule.kind}`)} style={{ margin: 0 }}>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Title order={3} size="h5">{t(`rules.kind.${rule.kind}`)}</Title>
              <Switch label={t('rules.enabled')} checked={rule.enabled} disabled={readOnly} onChange={(e) => change(rule.kind, { enabled: e.currentTarget.checked })} />
            </Group>
            <Group grow wrap="wrap" mt="xs" align="flex-start">
              <NumberInput
                label={`${t(below ? 'rules.watchBelow' : 'rules.watchFrom')} (${unit})`}
                min={0} max={1000} decimalScale={2} disabled={readOnly || !rule.enabled}
                value={rule.watchFrom} onChange={(v) => change(rule.kind, { watchFrom: v })}
              />
              <NumberInput
                label={`${t(below ? 'rules.atRiskBelow' : 'rules.atRiskFrom')} (${unit})`}
                min={0} max={1000} decimalScale={2} disabled={readOnly || !rule.enabled}
                value={rule.atRiskFrom} onChange={(v) => change(rule.kind, { atRiskFrom: v })}
              />
            </Group>
            {error && <Text c="red" size="sm" mt={4} role="alert">{t(`rules.errors.${error}`)}</Text>}
          </Paper>
        );
      })}
      {update.isError && (stale ? (
        <Paper withBorder p="sm" role="alert">
          <Text c="red">{t('rules.stale')}</Text>
          <Button mt="xs" variant="light" onClick={onReload}>{t('rules.reload')}</Button>
        </Paper>
      ) : <ProblemAlert error={update.error} />)}
      {update.isSuccess && <Text role="status" c="teal">{t('rules.saved')}</Text>}
      {!readOnly && (
        <Button style={{ alignSelf: 'flex-start' }} loading={update.isPending} disabled={errors.some(Boolean)} onClick={save}>
          {t('rules.save')}
        </Button>
      )}
    </Stack>
  );
}
