import { CAPITAL_ZONES, useDates, useT } from '../i18n/locale';

/** A due time in both capitals' time zones (the roadmap's deadlines follow Tokyo's and Ottawa's calendars). */
export function DueDate({
  iso,
  overdue,
  projected,
}: {
  iso: string | null;
  overdue?: boolean;
  /** Counted beyond published calendar data: said next to the date. */
  projected?: boolean;
}) {
  const t = useT();
  const d = useDates();
  if (!iso) return <span className="muted">{t('due.none')}</span>;
  return (
    <span className="due">
      {overdue && <strong className="badge badge-overdue">{t('due.overdue')}</strong>}
      {projected && (
        <span className="badge" title={t('due.projectedHint')}>
          {t('due.projected')}
        </span>
      )}
      <time dateTime={iso}>
        <span className="due-zone">
          {t('due.tokyo')} {d.dateTime(iso, CAPITAL_ZONES.JP)}
        </span>
        <span className="due-zone">
          {t('due.ottawa')} {d.dateTime(iso, CAPITAL_ZONES.CA)}
        </span>
      </time>
    </span>
  );
}
