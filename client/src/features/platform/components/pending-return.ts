import { safeReturnTo } from '@/lib/auth/roles';

const KEY = 'spoc.pendingReturnTo';

/**
 * Where a person who registered from a page (a cohort's public page: its application form) goes once their address is
 * verified. The mailed link carries only the token, so the page is remembered in this browser between registration
 * and the verification link; only an in-app path is kept (`safeReturnTo`).
 */
export function rememberReturnTo(returnTo: string | null): void {
  const safe = safeReturnTo(returnTo);
  try {
    if (safe) localStorage.setItem(KEY, safe);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the person lands on their home instead.
  }
}

/** The remembered page; each registration replaces it (or clears it), so an old one never outlives the next sign-up. */
export function readReturnTo(): string | null {
  try {
    return safeReturnTo(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

/** `/sign-in`, with `returnTo` when there is one. */
export function signInPath(returnTo: string | null): string {
  const safe = safeReturnTo(returnTo);
  return safe ? `/sign-in?${new URLSearchParams({ returnTo: safe }).toString()}` : '/sign-in';
}
