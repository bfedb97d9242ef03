import type { Growth, HistoryPoint } from '@/lib/dashboard/history-series';
import type { Dataset } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import { formatDate, formatNumber, formatTime } from '@/lib/i18n/format';
import { ScrollRegion } from './ScrollRegion';

export interface HistoryTableProps {
  points: HistoryPoint[];
  growth: Growth[];
  dataset: Dataset;
  lang: Lang;
  t: Translate;
}

function signed(value: number, lang: Lang): string {
  const text = formatNumber(Math.abs(value), lang);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** The chart's data, point by point: date, figure, precision, origin, source, growth per month since the previous point. */
export function HistoryTable({ points, growth, dataset, lang, t }: HistoryTableProps) {
  return (
    <ScrollRegion labelledBy="history-table-caption">
      <table class="history-table" data-testid="history-table">
        <caption id="history-table-caption">{t('dash.history.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.history.col.date')}</th>
            <th scope="col" class="num">
              {t('dash.history.col.value')}
            </th>
            <th scope="col">{t('dash.history.col.precision')}</th>
            <th scope="col">{t('dash.history.col.origin')}</th>
            <th scope="col">{t('dash.history.col.source')}</th>
            <th scope="col" class="num">
              {t('dash.history.col.growth')}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => {
            const g = growth.find((x) => x.to === p);
            const source = p.source ? dataset.sources[p.source] : undefined;
            const mark = p.precision === 'rounded' ? '≈ ' : p.precision === 'lower-bound' ? '> ' : '';
            return (
              <tr key={`${p.origin}-${p.at ?? p.date}-${p.value}`} data-origin={p.origin}>
                <td>
                  {p.onOrBefore ? t('origin.onOrBefore', { date: formatDate(p.date, lang) }) : formatDate(p.date, lang)}
                  {p.at && <span class="small"> {formatTime(p.at, lang)}</span>}
                </td>
                <td class="num">
                  {mark}
                  {formatNumber(p.value, lang)}
                </td>
                <td>{t(`precision.${p.precision}`)}</td>
                <td>{t(`dash.origin.${p.origin}`)}</td>
                <td class="source">
                  {source ? (
                    source.url ? (
                      <a href={source.url} target="_blank" rel="noreferrer">
                        {source.title}
                      </a>
                    ) : (
                      source.title
                    )
                  ) : p.url ? (
                    <a href={p.url} target="_blank" rel="noreferrer">
                      {t('dash.history.page')}
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
                <td class="num" data-testid="growth">
                  {!g ? (
                    '—'
                  ) : g.perMonth === null ? (
                    t('dash.history.sameDay')
                  ) : (
                    <>
                      {g.approximate ? '≈ ' : ''}
                      {t('dash.history.perMonth', { value: signed(Math.round(g.perMonth), lang) })}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
