/**
 * The signed-in session: the bearer token (kept in sessionStorage, so it dies with the tab), who it is
 * (GET /me) and when it expires. An API 401 or the expiry time ends the session and the sign-in page
 * says why.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { api, configureApi } from '../api/client';

const STORAGE_KEY = 'accord.session';

export type SignOutReason = 'expired' | 'signed-out';

interface Stored {
  token: string;
  expiresAt: string | null;
  me: Principal;
}

interface SessionValue {
  session: Stored | null;
  /** Why the last session ended, shown on the sign-in page. */
  endedBecause: SignOutReason | null;
  signIn(token: string, expiresAt: string | null): Promise<void>;
  signOut(reason: SignOutReason): void;
}

const SessionContext = createContext<SessionValue | null>(null);

function load(): Stored | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

let currentToken: string | null = null;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Stored | null>(() => load());
  const [endedBecause, setEndedBecause] = useState<SignOutReason | null>(null);
  currentToken = session?.token ?? null;

  const signOut = useCallback(
    (reason: SignOutReason) => {
      window.sessionStorage.removeItem(STORAGE_KEY);
      currentToken = null;
      queryClient.clear();
      setEndedBecause(reason);
      setSession(null);
    },
    [queryClient],
  );

  useEffect(() => {
    configureApi(
      () => currentToken,
      () => signOut('expired'),
    );
  }, [signOut]);

  useEffect(() => {
    if (!session?.expiresAt) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(() => signOut('expired'), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const signIn = useCallback(async (token: string, expiresAt: string | null) => {
    currentToken = token;
    const me = await api<Principal>('/me');
    const stored = { token, expiresAt, me };
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    setEndedBecause(null);
    setSession(stored);
  }, []);

  const value = useMemo(
    () => ({ session, endedBecause, signIn, signOut }),
    [session, endedBecause, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in principal (only used under the signed-in layout). */
export function useMe(): Principal {
  const { session } = useSession();
  if (!session) throw new Error('useMe without a session');
  return session.me;
}
