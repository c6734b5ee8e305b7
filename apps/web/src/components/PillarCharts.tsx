/** The roll-up per roadmap pillar as charts: processes by status, and average progress. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonitoringSummary } from '../../../../libs/contracts/src/http';
import { useDates, useT } from '../i18n/locale';

/** Digital Agency design tokens (SVG presentation attributes cannot read CSS variables). */
const COLOURS = { running: '#3460fb', completed: '#1d8b56', other: '#7f7f7f', progress: '#0031d8' };

export default function PillarCharts({ summary }: { summary: MonitoringSummary }) {
  const t = useT();
  const d = useDates();
  const rows = summary.pillars.map((p) => ({
    name: t('start.pillar', { pillar: p.pillar }),
    running: p.byStatus.running ?? 0,
    completed: p.byStatus.completed ?? 0,
    other: p.processes - (p.byStatus.running ?? 0) - (p.byStatus.completed ?? 0),
    progress: p.averageProgressPct ?? 0,
    p,
  }));
  if (!rows.length) return <p>{t('board.noPillars')}</p>;
  return (
    <div className="chart-grid">
      <figure>
        <figcaption>{t('board.byPillar')}</figcaption>
        <div role="img" aria-label={t('board.byPillar')}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={rows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar
                dataKey="running"
                name={t('processStatus.running')}
                stackId="s"
                fill={COLOURS.running}
                isAnimationActive={false}
              />
              <Bar
                dataKey="completed"
                name={t('processStatus.completed')}
                stackId="s"
                fill={COLOURS.completed}
                isAnimationActive={false}
              />
              <Bar
                dataKey="other"
                name={t('board.otherStatus')}
                stackId="s"
                fill={COLOURS.other}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure>
        <figcaption>{t('board.progress')}</figcaption>
        <div role="img" aria-label={t('board.progress')}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={rows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis domain={[0, 100]} unit="%" />
              <Tooltip />
              <Bar
                dataKey="progress"
                name={t('board.progress')}
                fill={COLOURS.progress}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <table className="table">
        <caption>{t('board.pillarTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('board.pillar')}</th>
            <th scope="col">{t('board.processes')}</th>
            <th scope="col">{t('board.progress')}</th>
            <th scope="col">{t('board.projected')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.p.pillar}>
              <th scope="row">
                {r.name} <span translate="no">{r.p.pillarTitle}</span>
              </th>
              <td>{d.number(r.p.processes)}</td>
              <td>
                {r.p.averageProgressPct === null ? '—' : `${d.number(Math.round(r.p.averageProgressPct))}%`}
              </td>
              <td>{d.date(r.p.projectedCompletion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
