import { Badge, Button, Group, List, Paper, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { type CertificateVerification, useVerification } from '@/features/verification/api/verification';
import { isPlausibleCode, normalizeCode } from '@/features/verification/verification-code';

const look = {
  Valid: { color: 'green', mark: '✓' },
  Revoked: { color: 'red', mark: '✕' },
  Unknown: { color: 'gray', mark: '?' },
} as const;

/**
 * /verify/:code, the page the certificate's QR code opens, and /verify to type the printed code: anyone, signed in or
 * not, sees at a glance whether the certificate is valid, revoked (since when) or unknown, and what it attests.
 */
export function VerifyPage() {
  const { t } = useTranslation('verify');
  const { code } = useParams();
  return (
    <Stack>
      <PageTitle>{t('title')}</PageTitle>
      {code ? <Verification code={code} /> : <Text>{t('intro')}</Text>}
      <CodeForm key={code ?? ''} />
    </Stack>
  );
}

function Verification({ code }: { code: string }) {
  const verification = useVerification(code);
  if (verification.isPending) return <LoadingState />;
  if (verification.isError) return <ErrorState error={verification.error} onRetry={() => void verification.refetch()} />;
  return <Result result={verification.data} />;
}

function Result({ result }: { result: CertificateVerification }) {
  const { t } = useTranslation('verify');
  const format = useFormatters();
  const { color, mark } = look[result.status];
  return (
    <Paper withBorder shadow="sm" p="xl" component="section" aria-labelledby="verification-status" style={{ borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 3 }}>
      <Stack>
        <Group wrap="nowrap" role="status">
          <ThemeIcon color={color} size={64} radius="xl" aria-hidden>
            <Text fz={36} fw={700} c="white">
              {mark}
            </Text>
          </ThemeIcon>
          <Stack gap={0}>
            <Title order={2} id="verification-status" c={`${color}.8`}>
              {t(`status.${result.status}`)}
            </Title>
            <Text c="dimmed">
              {result.status === 'Revoked' && result.revokedOn
                ? t('revokedOn', { date: format.day(result.revokedOn) })
                : t(`explain.${result.status}`)}
            </Text>
          </Stack>
        </Group>
        {result.status !== 'Unknown' && (
          <dl style={{ margin: 0 }}>
            <Field label={t('holder')} value={result.holderName} strong />
            <Field label={t('course')} value={result.courseTitle} />
            <Field label={t('cohort')} value={result.cohortTitle} />
            <Field label={t('organizations', { count: result.organizationNames?.length ?? 1 })} value={result.organizationNames?.join(', ')} />
            <Field label={t('issuedOn')} value={result.issuedOn ? format.day(result.issuedOn) : null} />
            {result.competencies && result.competencies.length > 0 && (
              <>
                <Text component="dt" size="sm" c="dimmed" mt="sm">
                  {t('competencies')}
                </Text>
                <Text component="dd" m={0}>
                  <List spacing={4}>
                    {result.competencies.map((c) => (
                      <List.Item key={c.code}>
                        <Badge variant="light" mr="xs">
                          {c.code}
                        </Badge>
                        {c.title}
                      </List.Item>
                    ))}
                  </List>
                </Text>
              </>
            )}
          </dl>
        )}
      </Stack>
    </Paper>
  );
}

function Field({ label, value, strong }: { label: string; value?: string | null; strong?: boolean }) {
  if (!value) return null;
  return (
    <>
      <Text component="dt" size="sm" c="dimmed" mt="sm">
        {label}
      </Text>
      <Text component="dd" m={0} fw={strong ? 700 : undefined} fz={strong ? 'xl' : undefined}>
        {value}
      </Text>
    </>
  );
}

function CodeForm() {
  const { t } = useTranslation('verify');
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!isPlausibleCode(typed)) {
          setInvalid(true);
          return;
        }
        void navigate(`/verify/${normalizeCode(typed)}`);
      }}
    >
      <Group align="flex-end">
        <TextInput
          label={t('code')}
          description={t('codeHint')}
          value={typed}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            setInvalid(false);
          }}
          error={invalid ? t('codeInvalid') : undefined}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.1em' } }}
          style={{ flex: 1 }}
        />
        <Button type="submit">{t('check')}</Button>
      </Group>
    </form>
  );
}
