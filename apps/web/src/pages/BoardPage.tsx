/**
 * The coordinators' board: stuck processes with the reason and who could act (each acted on in place),
 * the summary, the roll-up per roadmap pillar as charts, and bulk actions that show the dry run's list
 * before the confirmation.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { StuckItem, StuckReason } from '../../../../libs/monitoring/src/types';
import { api } from '../api/client';
import { useStuck, useSummary } from '../api/queries';
import { CoordinatorActions } from '../components/CoordinatorActions';
import { Field } from '../components/Field';
import { useFieldErrors } from '../components/field-errors';
import { ErrorNotice, Loading } from '../components/Notices';
import { useDates, useT } from '../i18n/locale';
import { RoleNames } from '../components/RoleNames';

const PillarCharts = lazy(() => import('../components/PillarCharts'));

type BulkAction = 'nudge' | 'extend' | 'reassign' | 'cancel';
interface BulkAnswer {
  action: BulkAction;
  dryRun: boolean;
  matched: Array<{
    processId: string;
    title: string;
    stepId: string | null;
    reason: string | null;
    since: string | null;
  }>;
  results: Array<{ processId: string; stepId: string | null; ok: boolean; error?: string }>;
  truncated: boolean;
  confirmToken?: string;
}

export function BoardPage() {
  const t = useT();
  const d = useDates();
  const stuck = useStuck();
  const summary = useSummary();
  const [reason, setReason] = useState<StuckReason | ''>('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [acting, setActing] = useState<string | null>(null);
  const items = (stuck.data?.items ?? []).filter((i) => !reason || i.reason === reason);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      <h1>{t('board.title')}</h1>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('board.summary')}</h2>
        {summary.isPending && <Loading />}
        {summary.error && <ErrorNotice error={summary.error} />}
        {summary.data && (
          <>
            <dl className="stats">
              <div>
                <dt>{t('board.running')}</dt>
                <dd>{d.number(summary.data.byStatus.running ?? 0)}</dd>
              </div>
              <div>
                <dt>{t('board.overdue')}</dt>
                <dd>{d.number(summary.data.overdue)}</dd>
              </div>
              <div>
                <dt>{t('board.idle')}</dt>
                <dd>{d.number(summary.data.idle)}</dd>
              </div>
              <div>
                <dt>{t('board.awaitingJP')}</dt>
                <dd>{d.number(summary.data.byAwaitedParty.JP ?? 0)}</dd>
              </div>
              <div>
                <dt>{t('board.awaitingCA')}</dt>
                <dd>{d.number(summary.data.byAwaitedParty.CA ?? 0)}</dd>
              </div>
              <div>
                <dt>{t('board.completed')}</dt>
                <dd>{d.number(summary.data.byStatus.completed ?? 0)}</dd>
              </div>
            </dl>
            <Suspense fallback={<Loading />}>
              <PillarCharts summary={summary.data} />
            </Suspense>
          </>
        )}
      </section>

      <section aria-labelledby="stuck-heading">
        <h2 id="stuck-heading">{t('board.stuck')}</h2>
        <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('board.filters')}>
          <label>
            <span>{t('board.reason')}</span>
            <select value={reason} onChange={(e) => setReason(e.target.value as StuckReason | '')}>
              <option value="">{t('common.all')}</option>
              {(['overdue', 'idle', 'failing'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`stuck.${r}`)}
                </option>
              ))}
            </select>
          </label>
        </form>
        {stuck.isPending && <Loading />}
        {stuck.error && <ErrorNotice error={stuck.error} />}
        {stuck.data && items.length === 0 && <p>{t('board.noneStuck')}</p>}
        {items.length > 0 && (
          <table className="table stuck-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('board.select')}</span>
                </th>
                <th scope="col">{t('board.process')}</th>
                <th scope="col">{t('board.reason')}</th>
                <th scope="col">{t('board.since')}</th>
                <th scope="col">{t('board.whoCouldAct')}</th>
                <th scope="col">{t('board.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => {
                const key = `${i.processId}/${i.stepId ?? ''}/${i.reason}/${i.waitingOn.party ?? ''}`;
                return (
                  <tr key={key} data-process={i.processId}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('board.selectOne', { title: i.title })}
                        checked={selected.has(i.processId)}
                        onChange={() => toggle(i.processId)}
                      />
                    </td>
                    <th scope="row">
                      <Link to={`/processes/${encodeURIComponent(i.processId)}`} translate="no">
                        {i.title}
                      </Link>
                      {i.stepTitle && (
                        <div className="muted" translate="no">
                          {i.stepTitle}
                        </div>
                      )}
                    </th>
                    <td>
                      <span className={`badge badge-${i.reason}`}>{t(`stuck.${i.reason}`)}</span>
                    </td>
                    <td>{d.dateTime(i.since)}</td>
                    <td>
                      {i.waitingOn.party && t(`party.short.${i.waitingOn.party}`)}{' '}
                      {i.waitingOn.users.length > 0 ? (
                        <span translate="no">{i.waitingOn.users.map((u) => u.name).join(', ')}</span>
                      ) : (
                        <RoleNames ids={i.waitingOn.roles} />
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button-secondary"
                        aria-expanded={acting === key}
                        onClick={() => setActing(acting === key ? null : key)}
                      >
                        {t('board.act')}
                      </button>
                      {acting === key && i.stepId && (
                        <CoordinatorActions
                          processId={i.processId}
                          step={{ id: i.stepId, title: i.stepTitle ?? i.stepId, type: 'approval' }}
                          onDone={() => setActing(null)}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <BulkPanel
        selected={[...selected]}
        reason={reason}
        known={stuck.data?.items ?? []}
        onDone={() => setSelected(new Set())}
      />
    </>
  );
}

function BulkPanel({
  selected,
  reason,
  known,
  onDone,
}: {
  selected: string[];
  reason: StuckReason | '';
  /** The board's stuck items: they name the processes and steps a dry run lists by id. */
  known: StuckItem[];
  onDone: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<BulkAction>('nudge');
  const [why, setWhy] = useState('');
  const [extendBy, setExtendBy] = useState('7d');
  const [dry, setDry] = useState<BulkAnswer | null>(null);
  const filter = selected.length ? { processIds: selected } : reason ? { reason } : null;
  const body = () => ({
    action,
    filter,
    params: { ...(why.trim() ? { reason: why } : {}), ...(action === 'extend' ? { extendBy } : {}) },
  });
  const dryRun = useMutation({
    mutationFn: () =>
      api<BulkAnswer>('/monitoring/bulk', { method: 'POST', body: { ...body(), dryRun: true } }),
    onSuccess: setDry,
  });
  const run = useMutation({
    mutationFn: () =>
      api<BulkAnswer>('/monitoring/bulk', {
        method: 'POST',
        body: { ...body(), dryRun: false, ...(dry?.confirmToken ? { confirmToken: dry.confirmToken } : {}) },
      }),
    onSuccess: async () => {
      setDry(null);
      await queryClient.invalidateQueries();
      onDone();
    },
  });
  const errors = { ...useFieldErrors(dryRun.error), ...useFieldErrors(run.error) };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDry(null);
    dryRun.mutate();
  };
  return (
    <section aria-labelledby="bulk-heading" className="panel">
      <h2 id="bulk-heading">{t('bulk.title')}</h2>
      <p>
        {filter
          ? selected.length
            ? t('bulk.selected', { count: selected.length })
            : t('bulk.byReason', { reason: t(`stuck.${reason as StuckReason}`) })
          : t('bulk.nothing')}
      </p>
      <form onSubmit={submit} noValidate className="form-inline">
        <Field label={t('coord.action')}>
          <select value={action} onChange={(e) => (setAction(e.target.value as BulkAction), setDry(null))}>
            {(['nudge', 'extend', 'cancel'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`coord.${a}`)}
              </option>
            ))}
          </select>
        </Field>
        {action === 'extend' && (
          <Field label={t('bulk.extendBy')} hint={t('bulk.extendByHint')} error={errors['params.extendBy']}>
            <input
              type="text"
              value={extendBy}
              onChange={(e) => (setExtendBy(e.target.value), setDry(null))}
            />
          </Field>
        )}
        <Field label={t('coord.reason')} error={errors['params.reason']} required={action !== 'nudge'}>
          <input type="text" value={why} onChange={(e) => (setWhy(e.target.value), setDry(null))} />
        </Field>
        <button type="submit" className="button-secondary" disabled={!filter || dryRun.isPending}>
          {t('bulk.dryRun')}
        </button>
      </form>
      {dryRun.error && !Object.keys(errors).length && <ErrorNotice error={dryRun.error} />}
      {dry && (
        <div className="dry-run" role="region" aria-label={t('bulk.wouldTouch')}>
          <h3>{t('bulk.wouldTouch')}</h3>
          <ul>
            {dry.matched.map((m) => (
              <li key={`${m.processId}/${m.stepId}`} translate="no">
                {nameOf(known, m)}
              </li>
            ))}
          </ul>
          {dry.matched.length > 0 && (
            <button
              type="button"
              className={action === 'cancel' ? 'button-danger' : 'button-primary'}
              disabled={run.isPending}
              onClick={() => run.mutate()}
            >
              {t('bulk.confirm', { count: dry.matched.length })}
            </button>
          )}
        </div>
      )}
      {run.error && <ErrorNotice error={run.error} />}
      {run.data && (
        <p role="status" className="notice notice-success">
          {t('bulk.done', {
            ok: run.data.results.filter((r) => r.ok).length,
            count: run.data.results.length,
          })}
        </p>
      )}
    </section>
  );
}

/**
 * A dry run's row by name: the API lists processes chosen by id under their id, so the board's own stuck
 * items give the title and the step's name where it knows them.
 */
function nameOf(known: StuckItem[], m: { processId: string; title: string; stepId: string | null }): string {
  const item = known.find((i) => i.processId === m.processId);
  const title = m.title !== m.processId ? m.title : (item?.title ?? m.title);
  const step = m.stepId
    ? (known.find((i) => i.processId === m.processId && i.stepId === m.stepId)?.stepTitle ?? m.stepId)
    : null;
  return step ? `${title} · ${step}` : title;
}
