/** /auth/callback: the identity provider sends the browser back here with the authorization code. */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { AuthConfig } from '../../../../libs/contracts/src/auth';
import { api } from '../api/client';
import { completeOidcSignIn, type OidcAuthConfig } from '../auth/oidc';
import { useSession } from '../auth/session';
import { ErrorNotice, Loading } from '../components/Notices';
import { useT } from '../i18n/locale';

export function CallbackPage() {
  const t = useT();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const done = useQuery({
    queryKey: ['oidc-callback'],
    queryFn: async () => {
      const config = await api<AuthConfig>('/auth/config', { anonymous: true });
      if (config.mode !== 'oidc') throw new Error('This Accord does not sign in with OpenID Connect');
      const { token, expiresAt } = await completeOidcSignIn(config as OidcAuthConfig);
      signIn(token, expiresAt ?? new Date(Date.now() + 3600_000).toISOString(), 'oidc');
      return true;
    },
    retry: false,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (done.data) navigate('/', { replace: true });
  }, [done.data, navigate]);
  return (
    <main id="main" className="signin">
      <h1>{t('signin.title')}</h1>
      {done.isPending && <Loading />}
      {done.error && (
        <>
          <ErrorNotice error={done.error} />
          <Link to="/signin">{t('signin.again')}</Link>
        </>
      )}
    </main>
  );
}
