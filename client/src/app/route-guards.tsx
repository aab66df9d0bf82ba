import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { canAccess, homePathFor, safeReturnTo, type Role } from '@/lib/auth/roles';
import { useSession } from '@/lib/auth/session-context';
import { ForbiddenPage, NotFoundPage } from './status-pages';

/** Signed-in users only; others go to sign-in with `returnTo` so they come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (session.status === 'loading') return <LoadingState label={t('app.loadingSession')} />;
  if (session.status === 'error') return <ErrorState error={session.error} onRetry={session.retry} />;
  if (session.status === 'anonymous') {
    if (session.signedOut) return <Navigate to="/sign-in" replace />;
    const returnTo = `${location.pathname}${location.search}`;
    const search = new URLSearchParams({ returnTo });
    return <Navigate to={`/sign-in?${search.toString()}`} replace />;
  }
  return children;
}

/** Pages for some roles only: others see an honest "access denied" page (the URL stays). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  if (!canAccess(session.roles, roles)) return <ForbiddenPage />;
  return children;
}

/** Sign-in and register: a signed-in user goes on to `returnTo`, or to their home. */
export function PublicOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  if (session.status === 'loading') return <LoadingState label={t('app.loadingSession')} />;
  if (session.status === 'authenticated') {
    return <Navigate to={safeReturnTo(params.get('returnTo')) ?? homePathFor(session.roles)} replace />;
  }
  return children;
}

/** `/`: each role has its own home. */
export function HomeRedirect() {
  const session = useSession();
  return <Navigate to={homePathFor(session.roles)} replace />;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in addresses are GUIDs: anything else is a page that does not exist, not a call to the API. */
export function RequireGuid({ param, children }: { param: string; children: ReactNode }) {
  const params = useParams();
  if (!GUID.test(params[param] ?? '')) return <NotFoundPage />;
  return children;
}
