import type { Translation } from '@/lib/i18n/fr';

/** Certificates: the learner's own ("My certificates"). */
export const certificates: Translation['certificates'] = {
  mine: {
    title: 'My certificates',
    emptyTitle: 'No certificate yet',
    empty:
      'A cohort’s teaching team issues a certificate when you meet its requirements (final grade, activities completed, attendance at sessions, assignments passed, competencies achieved, depending on the course). It will appear here, with its PDF and its digital badge to share.',
  },
  status: { Valid: 'Valid', Revoked: 'Revoked', revokedOn: 'Revoked on {{date}}' },
  issuedOn: 'Issued on {{date}}',
  code: 'Verification code:',
  revokedExplain: 'This certificate was revoked: it no longer attests anything, and its verification page says so to whoever opens it.',
  downloadPdf: 'Download the PDF',
  downloadCredential: 'Download the digital badge',
  credentialExplain:
    'The digital badge (Open Badges 3.0, signed by the organisation) goes into a badge wallet or along with an application; the share link opens the public page that confirms it is valid.',
  copyLink: 'Copy the share link',
  copied: 'Link copied',
  openVerification: 'Open the verification page',
};
