/**
 * Sign-in. Directory mode (a laptop or test run on the API's own secret): pick a seeded person. OpenID
 * Connect mode (production): go to the identity provider. Tells why a previous session ended.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { AuthConfig, DirectoryTokenResponse, DirectoryUser } from '../../../../libs/contracts/src/auth';
import { api } from '../api/client';
import { startOidcSignIn } from '../auth/oidc';
import { useSession } from '../auth/session';
import { LanguageSelect } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notices';
import { useT } from '../i18n/locale';

export function SignInPage() {
  const t = useT();
  const { session, endedBecause } = useSession();
  const location = useLocation();
  const config = useQuery({
    queryKey: ['auth-config'],
    queryFn: () => api<AuthConfig>('/auth/config', { anonymous: true }),
  });
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session) return <Navigate to={from} replace />;
  return (
    <>
      <header className="site-header">
        <div className="brand">
          <span className="brand-name" translate="no">
            Accord
          </span>
          <span className="brand-sub">{t('app.tagline')}</span>
        </div>
        <div className="who">
          <LanguageSelect />
        </div>
      </header>
      <main id="main" className="signin">
        <h1>{t('signin.title')}</h1>
        {endedBecause === 'expired' && (
          <div className="notice notice-warning" role="alert">
            {t('signin.expired')}
          </div>
        )}
        {endedBecause === 'signed-out' && (
          <div className="notice" role="status">
            {t('signin.signedOut')}
          </div>
        )}
        {config.isPending && <Loading />}
        {config.error && <ErrorNotice error={config.error} />}
        {config.data?.mode === 'oidc' && (
          <p>
            <button
              type="button"
              className="button-primary"
              onClick={() => void startOidcSignIn(config.data as never)}
            >
              {t('signin.oidc')}
            </button>
          </p>
        )}
        {config.data?.mode === 'directory' && <DirectoryPicker from={from} />}
      </main>
    </>
  );
}

function DirectoryPicker({ from }: { from: string }) {
  const t = useT();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const users = useQuery({
    queryKey: ['directory-users'],
    queryFn: () => api<DirectoryUser[]>('/auth/directory/users', { anonymous: true }),
  });
  const choose = useMutation({
    mutationFn: async (userId: string) => {
      const answer = await api<DirectoryTokenResponse>('/auth/directory/token', {
        method: 'POST',
        body: { userId },
        anonymous: true,
      });
      signIn(answer.token, answer.expiresAt, 'directory');
    },
    onSuccess: () => navigate(from, { replace: true }),
  });
  if (users.isPending) return <Loading />;
  if (users.error) return <ErrorNotice error={users.error} />;
  return (
    <section aria-labelledby="directory-heading">
      <h2 id="directory-heading">{t('signin.directory')}</h2>
      <p>{t('signin.directoryHelp')}</p>
      {choose.error && <ErrorNotice error={choose.error} />}
      <table className="table">
        <caption className="visually-hidden">{t('signin.directory')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('signin.name')}</th>
            <th scope="col">{t('signin.party')}</th>
            <th scope="col">{t('signin.org')}</th>
            <th scope="col">{t('signin.roles')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('signin.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.data.map((u) => (
            <tr key={u.id}>
              <th scope="row" translate="no">
                {u.name}
              </th>
              <td>{t(`party.${u.party}`)}</td>
              <td translate="no">{u.org}</td>
              <td translate="no">{u.roles.join(', ')}</td>
              <td>
                <button
                  type="button"
                  className="button-primary"
                  data-user={u.id}
                  disabled={choose.isPending}
                  onClick={() => choose.mutate(u.id)}
                >
                  {t('signin.as', { name: u.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
