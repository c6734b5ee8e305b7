/**
 * One process: what it waits for now (and my part in it, acted on in place), the definition drawn with a
 * lane per party, the timeline beside it, the forecast as a chart, every step in words, and for
 * coordinators their actions on each current step.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import type { ProcessDefinition } from '../../../../libs/contracts/src/definition';
import { COORDINATOR_ROLE } from '../../../../libs/contracts/src/principal';
import type { StepView } from '../../../../libs/contracts/src/process-view';
import { api } from '../api/client';
import { useInbox, useProcess } from '../api/queries';
import { useMe } from '../auth/session';
import { ActionPanel } from '../components/ActionPanel';
import { CoordinatorActions } from '../components/CoordinatorActions';
import { DueDate } from '../components/DueDate';
import { ErrorNotice, Loading } from '../components/Notices';
import { PartyStatusBadge, ProcessStatusBadge, StepStatusBadge } from '../components/StatusBadge';
import { Timeline } from '../components/Timeline';
import { ProcessDiagram } from '../diagram/ProcessDiagram';
import { useDates, useT } from '../i18n/locale';
import { RoleNames } from '../components/RoleNames';

const ForecastChart = lazy(() => import('../components/ForecastChart'));

export function ProcessPage() {
  const { id = '' } = useParams();
  const t = useT();
  const d = useDates();
  const me = useMe();
  const process = useProcess(id);
  const inbox = useInbox();
  const view = process.data;
  const definition = useQuery({
    queryKey: ['definition', view?.definitionId, view?.definitionVersion],
    queryFn: () =>
      api<ProcessDefinition>(
        `/definitions/${encodeURIComponent(view!.definitionId)}?version=${view!.definitionVersion}`,
      ),
    enabled: !!view,
    staleTime: Infinity,
  });
  if (process.isPending) return <Loading />;
  if (process.error || !view) return <ErrorNotice error={process.error} />;
  const mine = (inbox.data?.items ?? []).filter((i) => i.processId === id);
  const active = view.steps.filter((s) => s.status === 'active');
  const coordinator = me.roles.includes(COORDINATOR_ROLE) && view.status === 'running';
  return (
    <>
      <p className="eyebrow" translate="no">
        {view.definitionTitle}
      </p>
      <h1 translate="no">{view.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t('process.status')}</dt>
          <dd>
            <ProcessStatusBadge status={view.status} />
          </dd>
        </div>
        {view.businessKey && (
          <div>
            <dt>{t('process.businessKey')}</dt>
            <dd translate="no">{view.businessKey}</dd>
          </div>
        )}
        <div>
          <dt>{t('process.initiator')}</dt>
          <dd translate="no">{view.initiator.name}</dd>
        </div>
        <div>
          <dt>{t('process.started')}</dt>
          <dd>{d.dateTime(view.startedAt)}</dd>
        </div>
        {view.closedAt && (
          <div>
            <dt>{t('process.closed')}</dt>
            <dd>{d.dateTime(view.closedAt)}</dd>
          </div>
        )}
      </dl>
      {view.outcome?.reason && (
        <p className="notice">
          {t('process.outcome')} <span translate="no">{view.outcome.reason}</span>
        </p>
      )}

      {mine.length > 0 && (
        <section aria-labelledby="mine-heading" className="panel panel-highlight">
          <h2 id="mine-heading">{t('process.yourPart')}</h2>
          {mine.map((item) => {
            const step = view.steps.find((s) => s.id === item.stepId);
            return step ? (
              <div key={item.stepId + (item.onBehalfOf?.sub ?? '')}>
                <h3 translate="no">{step.title}</h3>
                <ActionPanel processId={id} step={step} />
              </div>
            ) : null;
          })}
        </section>
      )}

      <section aria-labelledby="now-heading">
        <h2 id="now-heading">{t('process.now')}</h2>
        {active.length === 0 && <p>{t('process.nothingActive')}</p>}
        <ul className="now-list">
          {active.map((s) => (
            <li key={s.id}>
              <strong translate="no">{s.title}</strong> <StepStatusBadge status={s.status} />{' '}
              <DueDate
                iso={s.dueAt}
                overdue={!!s.dueAt && Date.parse(s.dueAt) < Date.now()}
                projected={s.dueProjected}
              />
              <PartiesLine step={s} />
              {coordinator && <CoordinatorActions processId={id} step={s} />}
            </li>
          ))}
        </ul>
      </section>

      <div className="process-grid">
        <section aria-labelledby="diagram-heading" className="process-diagram">
          <h2 id="diagram-heading">{t('process.diagram')}</h2>
          {definition.data ? <ProcessDiagram definition={definition.data} steps={view.steps} /> : <Loading />}
        </section>
        <aside aria-labelledby="timeline-heading" className="process-timeline">
          <h2 id="timeline-heading">{t('process.timeline')}</h2>
          <Timeline processId={id} steps={view.steps} />
        </aside>
      </div>

      {view.forecast && (
        <section aria-labelledby="forecast-heading">
          <h2 id="forecast-heading">{t('process.forecast')}</h2>
          <p>
            {t('forecast.completion', { date: d.date(view.forecast.projectedCompletion) })}
            {view.forecast.projectedEntryIntoForce &&
              ` ${t('forecast.entryIntoForce', { date: d.date(view.forecast.projectedEntryIntoForce) })}`}
          </p>
          <Suspense fallback={<Loading />}>
            <ForecastChart forecast={view.forecast} steps={view.steps} />
          </Suspense>
        </section>
      )}

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t('process.steps')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('process.step')}</th>
              <th scope="col">{t('process.status')}</th>
              <th scope="col">{t('process.parties')}</th>
              <th scope="col">{t('process.due')}</th>
              <th scope="col">{t('process.finished')}</th>
            </tr>
          </thead>
          <tbody>
            {view.steps.map((s) => (
              <tr key={s.id} className={`row-${s.status}`}>
                <th scope="row" translate="no">
                  {s.title}
                </th>
                <td>
                  <StepStatusBadge status={s.status} />
                </td>
                <td>
                  <PartiesLine step={s} />
                </td>
                <td>{s.dueAt ? d.dateTime(s.dueAt) : '—'}</td>
                <td>{s.completedAt ? d.dateTime(s.completedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function PartiesLine({ step }: { step: StepView }) {
  const t = useT();
  const entries = Object.entries(step.parties);
  if (!entries.length) return null;
  return (
    <span className="parties-line">
      {entries.map(([party, p]) => {
        const deciders = p!.decisions.filter((x) => x.round === step.round).map((x) => x.byName);
        return (
          <span key={party} className="party-status">
            {t(`party.short.${party as 'JP' | 'CA'}`)}{' '}
            {(step.status === 'active' || step.status === 'completed') && (
              <PartyStatusBadge status={p!.status} />
            )}
            {deciders.length > 0 && <span translate="no"> {deciders.join(', ')}</span>}
            {step.status === 'active' && p!.holders && p!.holders.length > 0 ? (
              <span className="muted">
                {' '}
                {t('process.canAct')}{' '}
                <span translate="no">
                  {p!.holders
                    .map((h) => (h.onBehalfOf ? `${h.name} (${h.onBehalfOf.name})` : h.name))
                    .join(', ')}
                </span>
              </span>
            ) : (
              p!.status === 'pending' &&
              step.status !== 'skipped' &&
              step.status !== 'not-applicable' &&
              p!.roles.length > 0 && (
                <span className="muted">
                  {' '}
                  (<RoleNames ids={p!.roles} />)
                </span>
              )
            )}
          </span>
        );
      })}
    </span>
  );
}
