/**
 * Languages: English, Japanese and French, each complete (i18n/messages.spec.ts fails on a missing key).
 * The first visit follows the browser's languages; a choice in the header is remembered. Messages are ICU
 * (react-intl); dates, times and numbers are formatted by Intl for the chosen locale.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { IntlProvider, useIntl } from 'react-intl';
import { setApiLanguage } from '../api/client';
import { en, type MessageId } from './messages/en';
import { ja } from './messages/ja';
import { fr } from './messages/fr';

export const LOCALES = { en, ja, fr } as const;
export type Locale = keyof typeof LOCALES;
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ja: '日本語', fr: 'Français' };

const STORAGE_KEY = 'accord.locale';

export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base && base in LOCALES) return base as Locale;
  }
  return 'en';
}

function initialLocale(): Locale {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (saved && saved in LOCALES) return saved as Locale;
  return pickLocale(navigator.languages ?? [navigator.language]);
}

const LocaleContext = createContext<{ locale: Locale; setLocale(l: Locale): void } | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    setApiLanguage(l);
    return l;
  });
  const setLocale = useCallback(
    (l: Locale) => {
      window.localStorage.setItem(STORAGE_KEY, l);
      setApiLanguage(l);
      setLocaleState(l);
      // Names come from the API in the language asked: ask again.
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={LOCALES[locale]} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale() {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

type Values = Record<string, string | number | boolean | null | undefined | Date>;

/** `t('inbox.title')`: a message of the current locale (ids are checked against the English catalogue). */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: Values) => intl.formatMessage({ id }, values as never), [intl]);
}

/** The two capitals whose calendars the roadmap's deadlines follow. */
export const CAPITAL_ZONES = { JP: 'Asia/Tokyo', CA: 'America/Toronto' } as const;

/** Formats an ISO time for the current locale, optionally in a time zone. */
export function useDates() {
  const intl = useIntl();
  return useMemo(
    () => ({
      dateTime: (iso: string | null | undefined, timeZone?: string) =>
        iso
          ? intl.formatDate(iso, {
              year: 'numeric',
              month: 'short',
              day: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
              // The capital's name labels the zone (DueDate), so no zone abbreviation is needed.
              ...(timeZone ? { timeZone } : {}),
            })
          : '—',
      date: (iso: string | null | undefined) =>
        iso ? intl.formatDate(iso, { year: 'numeric', month: 'short', day: 'numeric' }) : '—',
      number: (n: number) => intl.formatNumber(n),
    }),
    [intl],
  );
}
