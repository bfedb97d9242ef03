import { dayString } from '@/lib/compare/dates';
import { chartGeometry } from '@/lib/dashboard/chart-geometry';
import type { HistoryPoint, PointOrigin } from '@/lib/dashboard/history-series';
import type { Lang, Translate } from '@/lib/i18n';
import { formatDate, formatNumber } from '@/lib/i18n/format';

const BOX = { width: 720, height: 260, left: 78, right: 20, top: 14, bottom: 30 };

export interface HistoryChartProps {
  points: HistoryPoint[];
  title: string;
  lang: Lang;
  t: Translate;
}

/** One marker shape per origin, so that origin never rests on colour alone. */
function Marker({ x, y, origin, hollow }: { x: number; y: number; origin: PointOrigin; hollow: boolean }) {
  const cls = `marker marker-${origin}${hollow ? ' hollow' : ''}`;
  if (origin === 'visit') return <rect class={cls} x={x - 5} y={y - 5} width={10} height={10} />;
  if (origin === 'refreshed')
    return <path class={cls} d={`M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`} />;
  if (origin === 'study-2012') return <path class={cls} d={`M${x} ${y - 7}L${x + 7} ${y + 5}L${x - 7} ${y + 5}Z`} />;
  return <circle class={cls} cx={x} cy={y} r={5} />;
}

export const ORIGINS: readonly PointOrigin[] = ['dataset', 'study-2012', 'visit', 'refreshed'];

/**
 * The figures over time as an SVG line chart (drawn by hand: no chart library). The y axis starts
 * at zero. The SVG is one image for screen readers, summarised in its label; the table that
 * follows carries every point.
 */
export function HistoryChart({ points, title, lang, t }: HistoryChartProps) {
  const g = chartGeometry(
    points,
    (p) => p.day,
    (p) => p.value,
    BOX,
  );
  const first = points[0] as HistoryPoint;
  const last = points[points.length - 1] as HistoryPoint;
  const summary = t('dash.chart.summary', {
    title,
    n: points.length,
    from: formatDate(first.date, lang),
    to: formatDate(last.date, lang),
    first: formatNumber(first.value, lang),
    last: formatNumber(last.value, lang),
  });
  const line = g.placed.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join('');
  const used = ORIGINS.filter((o) => points.some((p) => p.origin === o));
  return (
    <figure class="history-chart" data-testid="history-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary}>
        {g.yTicks.map((tick) => (
          <g key={tick.value}>
            <line class="grid" x1={BOX.left} x2={BOX.width - BOX.right} y1={tick.y} y2={tick.y} />
            <text class="axis" x={BOX.left - 6} y={tick.y + 4} text-anchor="end">
              {formatNumber(tick.value, lang)}
            </text>
          </g>
        ))}
        {g.xTicks.map((tick) => (
          <text key={tick.day} class="axis" x={tick.x} y={BOX.height - 8} text-anchor="middle">
            {dayString(tick.day).slice(0, 4)}
          </text>
        ))}
        <path class="line" d={line} />
        {g.placed.map((p) => (
          <g key={`${p.item.origin}-${p.item.at ?? p.item.date}-${p.item.value}`} data-testid="chart-point">
            <Marker x={p.x} y={p.y} origin={p.item.origin} hollow={p.item.precision !== 'exact'} />
            <title>
              {formatDate(p.item.date, lang)} · {formatNumber(p.item.value, lang)} · {t(`dash.origin.${p.item.origin}`)}
            </title>
          </g>
        ))}
      </svg>
      <figcaption class="small">
        <ul class="chart-legend">
          {used.map((o) => (
            <li key={o}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                <Marker x={8} y={8} origin={o} hollow={false} />
              </svg>{' '}
              {t(`dash.origin.${o}`)}
            </li>
          ))}
          {points.some((p) => p.precision !== 'exact') && (
            <li>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                <circle class="marker hollow" cx={8} cy={8} r={5} />
              </svg>{' '}
              {t('dash.chart.hollow')}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
