/** Public verification of a certificate (/verify): what a stranger who scans the QR code reads. */
export const verify = {
  title: 'Vérifier un certificat',
  intro: 'Saisissez le code imprimé sur le certificat, ou scannez son QR code.',
  status: { Valid: 'Certificat valide', Revoked: 'Certificat révoqué', Unknown: 'Certificat inconnu' },
  explain: {
    Valid: 'Ce certificat a bien été délivré et n’a pas été révoqué.',
    Unknown: 'Aucun certificat ne correspond à ce code. Vérifiez la saisie.',
    Revoked: 'Ce certificat a été révoqué.',
  },
  revokedOn: 'Révoqué le {{date}} : il n’atteste plus rien.',
  holder: 'Titulaire',
  course: 'Formation',
  cohort: 'Session',
  organizations_one: 'Organisme',
  organizations_other: 'Organismes',
  issuedOn: 'Délivré le',
  competencies: 'Compétences acquises',
  code: 'Code du certificat',
  codeHint: '12 caractères (par ex. K7QD-2M9X-PT4R) ou le code complet de l’adresse',
  codeInvalid: 'Ce n’est pas un code de certificat : 12 ou 26 lettres et chiffres.',
  check: 'Vérifier',
};
