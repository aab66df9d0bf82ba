import { describe, expect, it } from 'vitest';
import { fallbackName, fileNameOf } from './certificates';

describe('the downloaded file name', () => {
  it('prefers the UTF-8 name of Content-Disposition, then the plain one', () => {
    expect(fileNameOf(`attachment; filename=certificat-x.pdf; filename*=UTF-8''certificat-r%C3%A9seau.pdf`, 'f')).toBe('certificat-réseau.pdf');
    expect(fileNameOf('attachment; filename="certificat-gestion-ABCD-EFGH-JKMN.pdf"', 'f')).toBe('certificat-gestion-ABCD-EFGH-JKMN.pdf');
  });

  it('falls back to a name built from the short code when the server gives none', () => {
    expect(fileNameOf(null, fallbackName({ shortCode: 'ABCD-EFGH-JKMN' }, 'credential'))).toBe('certificate-ABCD-EFGH-JKMN.jwt');
    expect(fileNameOf('attachment', fallbackName({ shortCode: 'ABCD-EFGH-JKMN' }, 'pdf'))).toBe('certificate-ABCD-EFGH-JKMN.pdf');
  });
});
