/**
 * The signed-in session: a WebSession (libs/contracts/src/auth.ts) in localStorage under
 * WEB_SESSION_STORAGE_KEY, who it is (GET /me) and when it expires. An API 401 or the expiry time ends
 * the session and the sign-in page says why.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  WEB_SESSION_STORAGE_KEY,
  type AuthConfig,
  type WebSession,
} from '../../../../libs/contracts/src/auth';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { api, configureApi } from '../api/client';

export type SignOutReason = 'expired' | 'signed-out';

interface SessionValue {
  session: WebSession | null;
  /** Why the last session ended, shown on the sign-in page. */
  endedBecause: SignOutReason | null;
  signIn(token: string, expiresAt: string, mode: AuthConfig['mode']): void;
  signOut(reason: SignOutReason): void;
}

const SessionContext = createContext<SessionValue | null>(null);

function load(): WebSession | null {
  try {
    const raw = window.localStorage.getItem(WEB_SESSION_STORAGE_KEY);
    const stored = raw ? (JSON.parse(raw) as WebSession) : null;
    return stored?.token && !(stored.expiresAt && Date.parse(stored.expiresAt) <= Date.now()) ? stored : null;
  } catch {
    return null;
  }
}

// The API client reads the token and reports a 401 through these, wired before any component asks anything
// (child components fetch before a parent's effects would run).
let currentToken: string | null = null;
let endSession: (reason: SignOutReason) => void = () => undefined;
configureApi(
  () => currentToken,
  () => endSession('expired'),
);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<WebSession | null>(() => load());
  const [endedBecause, setEndedBecause] = useState<SignOutReason | null>(() =>
    !load() && window.localStorage.getItem(WEB_SESSION_STORAGE_KEY) ? 'expired' : null,
  );
  currentToken = session?.token ?? null;

  const signOut = useCallback(
    (reason: SignOutReason) => {
      window.localStorage.removeItem(WEB_SESSION_STORAGE_KEY);
      currentToken = null;
      queryClient.clear();
      setEndedBecause(reason);
      setSession(null);
    },
    [queryClient],
  );

  endSession = signOut;

  useEffect(() => {
    if (!session?.expiresAt) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(() => signOut('expired'), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const signIn = useCallback((token: string, expiresAt: string, mode: AuthConfig['mode']) => {
    const stored: WebSession = { token, expiresAt, mode };
    window.localStorage.setItem(WEB_SESSION_STORAGE_KEY, JSON.stringify(stored));
    currentToken = token;
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

/** Who the session is (GET /me); the signed-in layout waits for it before showing any page. */
export function useMeQuery() {
  const { session } = useSession();
  return useQuery({
    queryKey: ['me', session?.token],
    queryFn: () => api<Principal>('/me'),
    enabled: !!session,
    staleTime: Infinity,
  });
}

/** The signed-in principal (only used under the signed-in layout, once /me has answered). */
export function useMe(): Principal {
  const me = useMeQuery();
  if (!me.data) throw new Error('useMe before /me answered');
  return me.data;
}
