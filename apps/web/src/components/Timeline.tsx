import type { StepView } from '../../../../libs/contracts/src/process-view';
import { useTimeline } from '../api/queries';
import { useDates, useT } from '../i18n/locale';
import { ErrorNotice, Loading } from './Notices';

/** The audit trail, newest first: what happened, who did it, on which step, with their comment. */
export function Timeline({ processId, steps }: { processId: string; steps: StepView[] }) {
  const t = useT();
  const d = useDates();
  const timeline = useTimeline(processId);
  if (timeline.isPending) return <Loading />;
  if (timeline.error) return <ErrorNotice error={timeline.error} />;
  const titleOf = (id: string | null) => (id ? (steps.find((s) => s.id === id)?.title ?? id) : null);
  return (
    <div className="timeline-scroll" tabIndex={0} role="region" aria-label={t('process.timeline')}>
      <ol className="timeline" reversed>
        {[...timeline.data].reverse().map((e, i) => (
          <li key={`${e.at}-${i}`} className={`timeline-${e.kind}`}>
            <time dateTime={e.at}>{d.dateTime(e.at)}</time>
            <p>
              <strong>{t(`timeline.${e.kind}`)}</strong>
              {e.stepId && (
                <>
                  {' · '}
                  <span translate="no">{titleOf(e.stepId)}</span>
                </>
              )}
            </p>
            {e.actor && (
              <p className="muted">
                <span translate="no">{e.actor.name}</span>
                {e.actor.onBehalfOf && (
                  <>
                    {' '}
                    ({t('inbox.onBehalfOf')} <span translate="no">{e.actor.onBehalfOf.name}</span>)
                  </>
                )}
              </p>
            )}
            {e.comment && (
              <blockquote translate="no" className="comment">
                {e.comment}
              </blockquote>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
