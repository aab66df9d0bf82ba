import { ActionIcon, Alert, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { useFormatters } from '@/lib/i18n/format';
import { useGradebookPolicy, useUpdateGradebookPolicy, type GradebookPolicy, type GradebookPolicyUpdate } from '@/features/assessment/api/gradebook';
import { weightTotal } from './gradebook-math';

function PolicyForm({ cohortId, policy, reload }: { cohortId: string; policy: GradebookPolicy; reload: () => void }) {
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const [body, setBody] = useState<GradebookPolicyUpdate>(() => ({ categories: policy.categories, passMark: policy.passMark, missingCountsAsZero: policy.missingCountsAsZero }));
  const update = useUpdateGradebookPolicy(cohortId);
  const [saved, setSaved] = useState(false);
  const total = weightTotal(body.categories);
  const balanced = body.categories.length === 0 || total === 100;
  const names = body.categories.map((c) => c.name.trim().toLowerCase());
  const namesOk = names.every((name, i) => name.length > 0 && names.indexOf(name) === i);
  const stale = isApiError(update.error) && update.error.status === 412;
  const setCategory = (index: number, change: Partial<GradebookPolicyUpdate['categories'][number]>) =>
    setBody((current) => ({ ...current, categories: current.categories.map((c, i) => (i === index ? { ...c, ...change } : c)) }));

  return (
    <Stack
      component="form"
      maw={760}
      onSubmit={(event) => {
        event.preventDefault();
        if (!balanced || !namesOk) return;
        setSaved(false);
        update.mutate(
          { body: { ...body, categories: body.categories.map((c) => ({ ...c, name: c.name.trim() })) }, etag: policy.etag },
          { onSuccess: () => setSaved(true) },
        );
      }}
    >
      {update.isError &&
        (stale ? (
          <Alert color="orange" role="alert" title={t('gradebook.policy.stale')}>
            <Button mt="xs" size="xs" variant="default" onClick={reload}>
              {t('editor.reload')}
            </Button>
          </Alert>
        ) : (
          <ProblemAlert error={update.error} />
        ))}
      {saved && (
        <Alert color="green" role="status">
          {t('gradebook.policy.saved')}
        </Alert>
      )}
      <Paper withBorder p="md" component="fieldset">
        <Text component="legend" fw={600}>
          {t('gradebook.policy.categories')}
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          {t('gradebook.policy.categoriesHint')}
        </Text>
        <Stack gap="sm">
          {body.categories.map((category, index) => (
            <Group key={index} align="flex-end" wrap="wrap">
              <TextInput
                label={t('gradebook.policy.name', { number: index + 1 })}
                value={category.name}
                maxLength={50}
                required
                onChange={(event) => setCategory(index, { name: event.currentTarget.value })}
              />
              <NumberInput label={t('gradebook.policy.weight')} min={0} max={100} decimalScale={2} w={120} suffix=" %" value={category.weight} onChange={(value) => setCategory(index, { weight: Number(value) || 0 })} />
              <NumberInput label={t('gradebook.policy.dropLowest')} min={0} max={50} allowDecimal={false} w={160} value={category.dropLowest} onChange={(value) => setCategory(index, { dropLowest: Number(value) || 0 })} />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={t('gradebook.policy.remove', { number: index + 1 })}
                onClick={() => setBody((current) => ({ ...current, categories: current.categories.filter((_, i) => i !== index) }))}
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button
              variant="default"
              size="xs"
              disabled={body.categories.length >= 20}
              onClick={() => setBody((current) => ({ ...current, categories: [...current.categories, { name: '', weight: 0, dropLowest: 0 }] }))}
            >
              {t('gradebook.policy.add')}
            </Button>
            {body.categories.length > 0 && (
              <Text role="status" aria-live="polite" fw={600} c={balanced ? undefined : 'red.9'} data-testid="weight-total">
                {balanced ? '✓ ' : '✗ '}
                {t('gradebook.policy.total', { total: format.number(total) })}
                {!balanced && ` ${t('gradebook.policy.mustBe100')}`}
              </Text>
            )}
          </Group>
          {!namesOk && (
            <Text size="sm" c="red.9">
              {t('gradebook.policy.namesRule')}
            </Text>
          )}
        </Stack>
      </Paper>
      <NumberInput
        label={t('gradebook.policy.passMark')}
        min={0}
        max={100}
        decimalScale={2}
        w={220}
        suffix=" %"
        value={body.passMark ?? 50}
        onChange={(value) => setBody((current) => ({ ...current, passMark: value === '' ? 50 : Number(value) }))}
      />
      <Checkbox
        label={t('gradebook.policy.missingCountsAsZero')}
        description={t('gradebook.policy.missingHint')}
        checked={body.missingCountsAsZero}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          setBody((current) => ({ ...current, missingCountsAsZero: checked }));
        }}
      />
      <Group>
        <Button type="submit" loading={update.isPending} disabled={!balanced || !namesOk}>
          {t('editor.save')}
        </Button>
        <Button component={Link} to={`/cohorts/${cohortId}/gradebook`} variant="subtle">
          {t('gradebook.policy.back')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The cohort's gradebook policy: weighted categories (adding up to 100), drop-lowest, pass mark, missing work as 0. */
export function GradebookPolicyPage() {
  const { cohortId = '' } = useParams();
  const { t } = useTranslation(['assessment', 'common']);
  const policy = useGradebookPolicy(cohortId);
  const [generation, setGeneration] = useState(0);
  if (policy.isPending) return <LoadingState />;
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />;
  return (
    <Stack>
      <PageTitle>{t('gradebook.policy.title')}</PageTitle>
      {/* A reload after a 412 starts the form again from the policy as it now is (a save keeps the form and its new ETag). */}
      <PolicyForm key={generation} cohortId={cohortId} policy={policy.data} reload={() => void policy.refetch().then(() => setGeneration((g) => g + 1))} />
    </Stack>
  );
}
