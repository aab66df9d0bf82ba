import { createContext, useContext } from 'react';
import type { Me, Role } from './roles';

export const meQueryKey = ['me'] as const;

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated' | 'error';

export interface Session {
  status: SessionStatus;
  user: Me | null;
  roles: Role[];
  /** True after the refresh token was refused: sign-in shows "your session has expired". */
  expired: boolean;
  /** True right after the user signed out on purpose: no `returnTo` then. */
  signedOut: boolean;
  /** Why /me could not be loaded when status is 'error'. */
  error: Error | null;
  retry(): void;
  signIn(credentials: { email: string; password: string }): Promise<Me>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
