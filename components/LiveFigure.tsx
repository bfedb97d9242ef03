import type { Comparison } from '@/lib/compare';
import { describeOrigin } from '@/lib/compare/describe';
import type { Dataset } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import { formatNumber, formatTime } from '@/lib/i18n/format';
import type { PopupModel } from '@/lib/popup/popup-model';
import { SourceLink } from './SourceLink';

export interface LiveFigureProps {
  model: Extract<PopupModel, { kind: 'listed' }>;
  comparison: Comparison | undefined;
  dataset: Dataset;
  lang: Lang;
  t: Translate;
}

/**
 * The figure on screen next to the newest known one, each with where and when it comes from.
 * A page that could not be read says so; it never shows a guess.
 */
export function LiveFigure({ model, comparison, dataset, lang, t }: LiveFigureProps) {
  const { reading, readAt } = model;
  const figure = comparison?.figure;
  const bundled = comparison?.cohort.find((m) => m.self)?.setAside ?? null;
  const metricWord = (metric: string) => t(`metric.${metric}` as 'metric.followers');
  return (
    <section class="figures" aria-live="polite">
      {reading?.value !== undefined && reading.metric ? (
        <p class="live" data-testid="live-figure">
          <strong data-testid="live-value">{formatNumber(reading.value, lang)}</strong> {metricWord(reading.metric)}
          {reading.precision && reading.precision !== 'exact' && ` (${t(`precision.${reading.precision}`)})`}
          <span class="origin">
            {' '}
            — {t('popup.figure.readAt', { time: formatTime(new Date(readAt ?? Date.now()).toISOString(), lang) })}
          </span>
        </p>
      ) : reading ? (
        <div class="unread" data-testid="live-unread" role="status">
          <strong>{t('popup.figure.unread')}</strong>
          <p class="small">{t('popup.figure.unreadBody')}</p>
        </div>
      ) : (
        <p class="small" data-testid="live-waiting">
          {t('popup.figure.waiting')}
        </p>
      )}
      {figure && figure.origin !== 'page' && (
        <p class="bundled" data-testid="bundled-figure">
          {t('popup.figure.bundled')} <strong>{formatNumber(figure.value, lang)}</strong> {metricWord(figure.metric)}
          {figure.precision !== 'exact' && ` (${t(`precision.${figure.precision}`)})`}
          <span class="origin"> — {describeOrigin(figure, t, lang)}</span>
          {figure.source && (
            <span class="origin small" data-testid="bundled-source">
              {' · '}
              <SourceLink dataset={dataset} id={figure.source} lang={lang} />
            </span>
          )}
        </p>
      )}
      {!figure && bundled && (
        <p class="bundled" data-testid="bundled-figure">
          {t('popup.figure.bundled')} <strong>{formatNumber(bundled.value, lang)}</strong> {metricWord(bundled.metric)}
          <span class="origin"> — {describeOrigin(bundled, t, lang)}</span>
          {bundled.source && (
            <span class="origin small">
              {' · '}
              <SourceLink dataset={dataset} id={bundled.source} lang={lang} />
            </span>
          )}
        </p>
      )}
      {!figure && !bundled && reading?.value === undefined && (
        <p class="small" data-testid="no-figure">
          {t('popup.figure.none')}
        </p>
      )}
    </section>
  );
}
