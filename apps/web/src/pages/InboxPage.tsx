/**
 * The inbox: steps awaiting me (mine and delegated to me), soonest due first, overdue marked; filters by
 * process kind, party and words of the title (a busy official looks for the one process a caller names); paged. Polls (TanStack Query refetchInterval) so items change when others act.
 * Each item says what I am asked and where the other party stands, and can be acted on in place. Items that
 * left the inbox because someone asked for changes before I decided are listed below it, with who and why,
 * so an official is not left wondering where a step went.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { PARTIES, type Party } from '../../../../libs/contracts/src/definition';
import type { InboxItem, InboxWithdrawnNotice } from '../../../../libs/contracts/src/http';
import { useDefinitions, useInbox, useProcess, useWithdrawn } from '../api/queries';
import { ActionPanel } from '../components/ActionPanel';
import { DueDate } from '../components/DueDate';
import { ErrorNotice, Loading } from '../components/Notices';
import { PartyStatusBadge } from '../components/StatusBadge';
import { useDates, useT } from '../i18n/locale';
import { RoleNames } from '../components/RoleNames';

const PAGE_SIZE = 10;

export function InboxPage() {
  const t = useT();
  const inbox = useInbox();
  const definitions = useDefinitions();
  const [kind, setKind] = useState('');
  const [party, setParty] = useState<Party | ''>('');
  const [words, setWords] = useState('');
  const [page, setPage] = useState(0);
  const items = useMemo(() => {
    const wanted = words.trim().toLocaleLowerCase();
    return (inbox.data?.items ?? []).filter(
      (i) =>
        (!kind || i.definitionId === kind) &&
        (!party || i.party === party) &&
        (!wanted || i.processTitle.toLocaleLowerCase().includes(wanted)),
    );
  }, [inbox.data, kind, party, words]);
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = items.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const kinds = [...new Set((inbox.data?.items ?? []).map((i) => i.definitionId))];
  const titleOf = (id: string) => definitions.data?.find((d) => d.id === id)?.title ?? id;

  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p className="lead">{t('inbox.lead')}</p>
      <form
        className="filters"
        role="search"
        aria-label={t('inbox.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          <span>{t('inbox.kind')}</span>
          <select value={kind} onChange={(e) => (setKind(e.target.value), setPage(0))}>
            <option value="">{t('common.all')}</option>
            {kinds.map((k) => (
              <option key={k} value={k} translate="no">
                {titleOf(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('inbox.party')}</span>
          <select value={party} onChange={(e) => (setParty(e.target.value as Party | ''), setPage(0))}>
            <option value="">{t('common.all')}</option>
            {PARTIES.map((p) => (
              <option key={p} value={p}>
                {t(`party.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('inbox.search')}</span>
          <input type="search" value={words} onChange={(e) => (setWords(e.target.value), setPage(0))} />
        </label>
      </form>
      {inbox.isPending && <Loading />}
      {inbox.error && <ErrorNotice error={inbox.error} />}
      {inbox.data?.truncated && (
        <p className="notice notice-warning" role="status">
          {t('inbox.truncated')}
        </p>
      )}
      <p className="count" aria-live="polite">
        {t('inbox.count', { count: items.length })}
      </p>
      {inbox.data && items.length === 0 && <p>{t('inbox.empty')}</p>}
      <ol className="inbox-list">
        {shown.map((item) => (
          <InboxRow key={`${item.processId}/${item.stepId}/${item.onBehalfOf?.sub ?? ''}`} item={item} />
        ))}
      </ol>
      {pages > 1 && (
        <nav className="pager" aria-label={t('pager.label')}>
          <button
            type="button"
            className="button-secondary"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t('pager.previous')}
          </button>
          <span>{t('pager.page', { page: current + 1, pages })}</span>
          <button
            type="button"
            className="button-secondary"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('pager.next')}
          </button>
        </nav>
      )}
      <WithdrawnNotices />
    </>
  );
}

/** GET /inbox/withdrawn, shown only when there is something to say. */
function WithdrawnNotices() {
  const t = useT();
  const d = useDates();
  const withdrawn = useWithdrawn();
  const notices = withdrawn.data ?? [];
  if (!notices.length) return null;
  return (
    <section className="withdrawn" aria-labelledby="withdrawn-heading">
      <h2 id="withdrawn-heading">{t('inbox.withdrawn.title')}</h2>
      <p className="muted">{t('inbox.withdrawn.lead')}</p>
      <ul className="withdrawn-list">
        {notices.map((n: InboxWithdrawnNotice) => (
          <li key={`${n.processId}/${n.stepId}/${n.changeRequest.round}`} className="notice">
            <p>
              <Link to={`/processes/${encodeURIComponent(n.processId)}`} translate="no">
                {n.processTitle}
              </Link>{' '}
              · <span translate="no">{n.stepTitle}</span>
            </p>
            <p>
              {t('inbox.withdrawn.asked', {
                date: d.date(n.withdrawnAt),
                name: n.changeRequest.by.name,
                party: n.changeRequest.party ? t(`party.${n.changeRequest.party}`) : '',
              })}{' '}
              {n.changeRequest.fromStepId !== n.stepId && (
                <>
                  {t('inbox.withdrawn.onStep')} <span translate="no">{n.changeRequest.fromStepTitle}</span>
                </>
              )}
              {n.changeRequest.comment && (
                <>
                  {' '}
                  <q translate="no">{n.changeRequest.comment}</q>
                </>
              )}
            </p>
            <p className="muted">{t('inbox.withdrawn.back', { round: n.changeRequest.round })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function InboxRow({ item }: { item: InboxItem }) {
  const t = useT();
  const d = useDates();
  const [open, setOpen] = useState(false);
  const process = useProcess(item.processId);
  const step = process.data?.steps.find((s) => s.id === item.stepId);
  const other: Party = item.party === 'JP' ? 'CA' : 'JP';
  const otherView = step?.parties[other];
  const headingId = `item-${item.processId}-${item.stepId}`;
  return (
    <li className={`inbox-item${item.overdue ? ' is-overdue' : ''}`} aria-labelledby={headingId}>
      <div className="inbox-main">
        <h2 id={headingId} className="inbox-title">
          <Link to={`/processes/${encodeURIComponent(item.processId)}`} translate="no">
            {item.processTitle}
          </Link>
        </h2>
        <p className="inbox-step">
          <span translate="no">{item.stepTitle}</span>
          {item.round > 1 && <span className="badge">{t('inbox.round', { round: item.round })}</span>}
        </p>
        <p className="inbox-ask">
          <strong>{t(item.type === 'approval' ? 'inbox.askApproval' : 'inbox.askTask')}</strong>{' '}
          {t('inbox.asRoles')} <RoleNames ids={item.roles} />
          {item.onBehalfOf && (
            <>
              {' '}
              · {t('inbox.onBehalfOf')} <span translate="no">{item.onBehalfOf.name}</span>
            </>
          )}
        </p>
        {item.latestChangeRequest && (
          <div className="notice">
            {t('inbox.changesRequested', { name: item.latestChangeRequest.by.name })}{' '}
            {item.latestChangeRequest.comment && <q translate="no">{item.latestChangeRequest.comment}</q>}
          </div>
        )}
        {item.references?.length > 0 && (
          <p className="muted">
            {t('inbox.references')}{' '}
            {item.references.map((r) => (
              <span key={`${r.stepId}.${r.name}`} translate="no" className="reference">
                {r.value}
              </span>
            ))}
          </p>
        )}
        <dl className="inbox-facts">
          <div>
            <dt>{t('inbox.due')}</dt>
            <dd>
              <DueDate iso={item.dueAt} overdue={item.overdue} projected={item.dueProjected} />
            </dd>
          </div>
          <div>
            <dt>{t('inbox.otherParty', { party: t(`party.${other}`) })}</dt>
            <dd>
              {otherView ? (
                <PartyStatusBadge status={otherView.status} />
              ) : (
                <span className="muted">{t('inbox.notInvolved')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('inbox.since')}</dt>
            <dd>{d.dateTime(item.activeSince)}</dd>
          </div>
        </dl>
      </div>
      <div className="inbox-actions">
        <button type="button" className="button-primary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('inbox.close') : t(item.type === 'approval' ? 'inbox.decide' : 'inbox.record')}
        </button>
      </div>
      {open && step && <ActionPanel processId={item.processId} step={step} onDone={() => setOpen(false)} />}
      {open && !step && <Loading />}
    </li>
  );
}
