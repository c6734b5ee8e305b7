/**
 * The process drawn from its definition (layout.ts) and coloured by its state: current steps highlighted,
 * finished ones with who decided and when, skipped ones greyed, timers with their due dates. The SVG is
 * an image with a text alternative: the step table beside it says the same in words.
 */
import { useMemo } from 'react';
import type { ProcessDefinition } from '../../../../libs/contracts/src/definition';
import type { StepView } from '../../../../libs/contracts/src/process-view';
import { useDates, useT } from '../i18n/locale';
import { layoutDefinition, type DiagramNode } from './layout';
import { wrapTitle } from './wrap';

function whoDecided(step: StepView): string | null {
  const names = Object.values(step.parties)
    .flatMap((p) => p?.decisions ?? [])
    .filter((d) => d.round === step.round)
    .map((d) => d.byName);
  return names.length ? [...new Set(names)].join(', ') : null;
}

function clip(text: string, width: number): string {
  return wrapTitle(text, width, 1)[0] ?? '';
}

export function ProcessDiagram({ definition, steps }: { definition: ProcessDefinition; steps: StepView[] }) {
  const t = useT();
  const d = useDates();
  const layout = useMemo(() => layoutDefinition(definition.steps, definition.parties), [definition]);
  const byId = new Map(steps.map((s) => [s.id, s]));
  const label = (n: DiagramNode) => {
    const s = byId.get(n.id);
    if (!s) return null;
    const status = t(`stepStatus.${s.status}`);
    let detail = '';
    if (s.status === 'completed') {
      const who = whoDecided(s);
      detail = who ? `${who} · ${d.date(s.completedAt)}` : d.date(s.completedAt);
    } else if (s.status === 'active' && s.dueAt) detail = t('diagram.due', { date: d.dateTime(s.dueAt) });
    else if (s.type === 'timer' && s.dueAt) detail = t('diagram.fires', { date: d.date(s.dueAt) });
    return { s, status, detail };
  };
  return (
    <figure className="diagram">
      <div className="diagram-scroll" tabIndex={0} role="region" aria-label={t('diagram.label')}>
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          // Scales down with its column on a narrow screen (the viewBox keeps the proportions).
          style={{ maxWidth: '100%', height: 'auto' }}
          role="img"
          aria-label={t('diagram.alt', { title: definition.title })}
        >
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" className="diagram-arrow" />
            </marker>
          </defs>
          {layout.lanes.map((lane) => (
            <g key={lane.party} className={`lane lane-${lane.party}`}>
              <rect x={lane.x} y={lane.y} width={lane.w} height={lane.h} />
              <text x={lane.x + 14} y={lane.y + 24} className="lane-label">
                {t(`party.short.${lane.party}`)}
              </text>
            </g>
          ))}
          {layout.edges.map((e) => (
            <polyline
              key={`${e.from}-${e.to}`}
              points={e.points.map((p) => `${p.x},${p.y}`).join(' ')}
              className="diagram-edge"
              markerEnd="url(#arrow)"
            />
          ))}
          {layout.nodes.map((n) => {
            if (n.kind !== 'step') {
              return <rect key={n.id} x={n.x} y={n.y} width={n.w} height={n.h} className="diagram-bar" />;
            }
            const info = label(n);
            const status = info?.s.status ?? 'waiting';
            const title = info?.s.title ?? n.id;
            const titleLines = wrapTitle(title, n.w - 20);
            // The status follows the title's last line (one or two).
            const statusY = n.y + 18 + titleLines.length * 15 + 6;
            return (
              <g
                key={n.id}
                className={`node node-${status}${info?.s.type === 'timer' ? ' node-timer' : ''}`}
                data-step={n.id}
              >
                <title>{`${title} — ${info?.status ?? ''}${info?.detail ? ` — ${info.detail}` : ''}`}</title>
                <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={info?.s.type === 'timer' ? 24 : 6} />
                <text x={n.x + 10} y={n.y + 18} className="node-title" {...{ translate: 'no' }}>
                  {titleLines.map((line, i) => (
                    <tspan key={i} x={n.x + 10} dy={i === 0 ? 0 : 15}>
                      {line}
                    </tspan>
                  ))}
                </text>
                <text x={n.x + 10} y={statusY} className="node-status">
                  {info?.status ?? ''}
                </text>
                {info?.detail && (
                  <text x={n.x + 10} y={statusY + 18} className="node-detail">
                    {clip(info.detail, n.w - 20)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="legend">
        <span className="legend-item node-active">{t('stepStatus.active')}</span>
        <span className="legend-item node-completed">{t('stepStatus.completed')}</span>
        <span className="legend-item node-waiting">{t('stepStatus.waiting')}</span>
        <span className="legend-item node-skipped">{t('stepStatus.skipped')}</span>
      </figcaption>
    </figure>
  );
}
