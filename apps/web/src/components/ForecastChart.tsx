/**
 * The forecast as a chart: each remaining step as a bar from its projected start to its projected end
 * (critical-path steps marked), against today and the projected completion; the dominant steps in words.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { StepView } from '../../../../libs/contracts/src/process-view';
import type { Forecast } from '../../../../libs/forecast/src/types';
import { useDates, useT } from '../i18n/locale';

const DAY = 86_400_000;
/** Digital Agency design tokens (SVG presentation attributes cannot read CSS variables). */
const BAR = { critical: '#e25100' /* orange-700 */, normal: '#3460fb' /* blue-600 */ };

/** Step titles are data (the definition's words), not interface text: marked so nobody translates them. */
function StepTick(props: { x?: number | string; y?: number | string; payload?: { value: string } }) {
  return (
    <text
      x={props.x}
      y={props.y}
      dy={4}
      textAnchor="end"
      fontSize={12}
      fill="#1a1a1a"
      {...{ translate: 'no' }}
    >
      {props.payload?.value}
    </text>
  );
}

export default function ForecastChart({ forecast, steps }: { forecast: Forecast; steps: StepView[] }) {
  const t = useT();
  const d = useDates();
  if (!forecast.basis.length) return <p>{t('forecast.nothingLeft')}</p>;
  const origin = Math.min(Date.now(), ...forecast.basis.map((b) => Date.parse(b.start)));
  const rows = forecast.basis.map((b) => {
    const start = (Date.parse(b.start) - origin) / DAY;
    const end = (Date.parse(b.end) - origin) / DAY;
    return { name: b.title, offset: start, length: Math.max(end - start, 0.05), critical: b.critical, b };
  });
  const titleOf = (id: string) => steps.find((s) => s.id === id)?.title ?? id;
  // Over a few days (or at the tests' compressed day length) dates alone would repeat: show times too.
  const span = Math.max(...rows.map((r) => r.offset + r.length));
  const dayLabel = (v: number) => {
    const iso = new Date(origin + v * DAY).toISOString();
    return span < 3 ? d.dateTime(iso) : d.date(iso);
  };
  return (
    <>
      <div className="chart" role="img" aria-label={t('forecast.chartAlt')}>
        <ResponsiveContainer width="100%" height={Math.max(180, rows.length * 34 + 80)}>
          <BarChart data={rows} layout="vertical" margin={{ left: 16, right: 56, top: 28, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            {/* Few ticks, a gap between labels and the ends kept: long Japanese dates never run together. */}
            <XAxis
              type="number"
              tickFormatter={dayLabel}
              domain={[0, 'dataMax']}
              tickCount={4}
              minTickGap={40}
              interval="preserveStartEnd"
            />
            <YAxis type="category" dataKey="name" width={200} tick={StepTick} />
            <Tooltip
              formatter={(_v, _n, item) => {
                const b = (item.payload as (typeof rows)[number]).b;
                return [`${d.date(b.start)} → ${d.date(b.end)}`, t(`forecast.source.${b.source}`)];
              }}
            />
            <Bar dataKey="offset" stackId="a" fill="transparent" isAnimationActive={false} />
            <Bar dataKey="length" stackId="a" isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.b.stepId} fill={r.critical ? BAR.critical : BAR.normal} />
              ))}
            </Bar>
            {/* Labelled above the plot, so it never sits on a step's name. */}
            <ReferenceLine
              x={(Date.now() - origin) / DAY}
              stroke="#1a1a1a"
              label={{ value: t('forecast.today'), position: 'top', fill: '#1a1a1a', fontSize: 12 }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p>{t('forecast.dominant')}</p>
      <ol className="dominant">
        {forecast.dominant.map((id) => {
          const b = forecast.basis.find((x) => x.stepId === id);
          return (
            <li key={id}>
              <span translate="no">{titleOf(id)}</span>
              {b && ` — ${d.date(b.start)} → ${d.date(b.end)} (${t(`forecast.source.${b.source}`)})`}
            </li>
          );
        })}
      </ol>
    </>
  );
}
