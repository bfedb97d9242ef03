import type { Comparison } from '@/lib/compare';
import { headline } from '@/lib/compare/headline';
import type { Lang, Translate } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/format';

export interface HeadlineProps {
  comparison: Comparison;
  lang: Lang;
  t: Translate;
}

/** The comparison in words: "2e sur 10 villes sur X · top 20 % · 3,1 × la médiane". */
export function Headline({ comparison, lang, t }: HeadlineProps) {
  const text = headline(comparison, lang);
  const notes = comparison.cohortNotes.map((note) => {
    if (note.code === 'outside-study') return t('popup.cohort.outside', { name: comparison.name.fr });
    if (note.code === 'not-current') {
      const until = note.validTo ? t('popup.until', { date: formatDate(note.validTo, lang) }) : '';
      return t('popup.cohort.notCurrent', { until });
    }
    return null;
  });
  return (
    <section class="headline" aria-label={text.rank}>
      <p class="rank" data-testid="headline-rank">
        {text.rank}
      </p>
      {(text.top || text.ratio) && (
        <p class="chips">
          {text.top && (
            <span class="chip" data-testid="headline-top">
              {text.top}
            </span>
          )}
          {text.ratio && (
            <span class="chip" data-testid="headline-ratio">
              {text.ratio}
            </span>
          )}
        </p>
      )}
      {notes.filter(Boolean).map((n) => (
        <p class="small" key={n}>
          {n}
        </p>
      ))}
    </section>
  );
}
