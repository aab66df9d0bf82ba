import type { Translation } from '@/lib/i18n/fr';

export const verify: Translation['verify'] = {
  title: 'Verify a certificate',
  intro: 'Type the code printed on the certificate, or scan its QR code.',
  status: { Valid: 'Valid certificate', Revoked: 'Revoked certificate', Unknown: 'Unknown certificate' },
  explain: {
    Valid: 'This certificate was issued and has not been revoked.',
    Unknown: 'No certificate has this code. Check what you typed.',
    Revoked: 'This certificate has been revoked.',
  },
  revokedOn: 'Revoked on {{date}}: it no longer attests anything.',
  holder: 'Holder',
  course: 'Course',
  cohort: 'Session',
  organizations_one: 'Organisation',
  organizations_other: 'Organisations',
  issuedOn: 'Issued on',
  competencies: 'Competencies achieved',
  code: 'Certificate code',
  codeHint: '12 characters (e.g. K7QD-2M9X-PT4R) or the full code of the address',
  codeInvalid: 'This is not a certificate code: 12 or 26 letters and digits.',
  check: 'Verify',
};
