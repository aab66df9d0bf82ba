// The codes of a certificate as people type them: the 26-character verification code of the QR code and URL, or the
// 12-character short code printed on the certificate, both in Crockford's base32.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** As the API looks it up: upper case, without spaces or hyphens, I and L read as 1, O as 0. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** Whether a typed code can be a certificate's at all (the API answers `Unknown` to anything else, but only after a request). */
export function isPlausibleCode(typed: string): boolean {
  const code = normalizeCode(typed);
  return (code.length === 12 || code.length === 26) && [...code].every((c) => ALPHABET.includes(c));
}
