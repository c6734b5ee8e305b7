import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { COORDINATOR_ROLE } from '../../../../libs/contracts/src/principal';
import { useMe, useSession } from '../auth/session';
import { LOCALE_NAMES, LOCALES, useLocale, useT, type Locale } from '../i18n/locale';

export function LanguageSelect() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <label className="lang">
      <span>{t('nav.language')}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {(Object.keys(LOCALES) as Locale[]).map((l) => (
          <option key={l} value={l} lang={l} translate="no">
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useMe();
  const { signOut } = useSession();
  const coordinator = me.roles.includes(COORDINATOR_ROLE);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="brand">
          <span className="brand-name" translate="no">
            Accord
          </span>
          <span className="brand-sub">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.inbox')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/start">{t('nav.start')}</NavLink>
            </li>
            {coordinator && (
              <li>
                <NavLink to="/board">{t('nav.board')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/delegations">{t('nav.delegations')}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="who">
          <span translate="no">{me.name}</span>{' '}
          <span className="party-tag" data-party={me.party}>
            {t(`party.${me.party}`)}
          </span>
          <LanguageSelect />
          <button type="button" className="button-secondary" onClick={() => signOut('signed-out')}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
