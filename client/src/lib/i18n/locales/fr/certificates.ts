/** Certificates: the learner's own ("Mes certificats"). */
export const certificates = {
  mine: {
    title: 'Mes certificats',
    emptyTitle: 'Pas encore de certificat',
    empty:
      'Un certificat est délivré par l’équipe pédagogique d’une cohorte quand vous remplissez ses conditions (note finale, activités terminées, présence aux séances, devoirs réussis, compétences acquises, selon la formation). Il apparaîtra ici, avec son PDF et son badge numérique à partager.',
  },
  status: { Valid: 'Valide', Revoked: 'Révoqué', revokedOn: 'Révoqué le {{date}}' },
  issuedOn: 'Délivré le {{date}}',
  code: 'Code de vérification :',
  revokedExplain: 'Ce certificat a été révoqué : il n’atteste plus rien, et la page de vérification l’indique à qui la consulte.',
  downloadPdf: 'Télécharger le PDF',
  downloadCredential: 'Télécharger le badge numérique',
  credentialExplain:
    'Le badge numérique (Open Badges 3.0, signé par l’organisme) s’ajoute à un portefeuille de badges ou se joint à une candidature ; le lien de partage ouvre la page publique qui confirme sa validité.',
  copyLink: 'Copier le lien de partage',
  copied: 'Lien copié',
  openVerification: 'Ouvrir la page de vérification',
};
