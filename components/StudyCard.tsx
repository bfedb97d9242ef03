import type { Comparison } from '@/lib/compare';
import type { Lang, Translate } from '@/lib/i18n';
import { formatDate, formatNumber } from '@/lib/i18n/format';

export interface StudyCardProps {
  comparison: Comparison;
  lang: Lang;
  t: Translate;
}

/** What the 2012 study said about this group, and this institution's 2012 figure if it had one. */
export function StudyCard({ comparison, lang, t }: StudyCardProps) {
  const study = comparison.study2012;
  if (study.findings.length === 0 && !study.figure) return null;
  const figure = study.figure;
  const change = study.change;
  return (
    <details class="study" data-testid="study-2012">
      <summary>
        <h2>{t('popup.study.title')}</h2>
      </summary>
      <ul>
        {study.findings.map((f) => (
          <li key={f.fr}>{f[lang]}</li>
        ))}
      </ul>
      {figure && (
        <p data-testid="study-figure">
          {t('popup.study.figure', {
            value: formatNumber(figure.value, lang),
            metric: figure.metric ? t(`metric.${figure.metric}`) : '',
            date: figure.date ? formatDate(figure.date, lang) : t('origin.undated'),
          })}
          {change && (
            <>
              {' '}
              {t('popup.study.change', {
                sign: change.absolute >= 0 ? '+' : '−',
                absolute: formatNumber(Math.abs(change.absolute), lang),
                factor: change.factor === null ? '—' : formatNumber(change.factor, lang, 1),
              })}
            </>
          )}
        </p>
      )}
      {change?.metricsDiffer && <p class="small">{t('popup.study.metricsDiffer')}</p>}
    </details>
  );
}
