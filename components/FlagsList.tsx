import type { Comparison } from '@/lib/compare';
import { describeFlags } from '@/lib/compare/describe';
import type { Lang, Translate } from '@/lib/i18n';

export interface FlagsListProps {
  comparison: Comparison;
  lang: Lang;
  t: Translate;
}

/** The honesty flags: what makes this comparison less than clean, in plain words. */
export function FlagsList({ comparison, lang, t }: FlagsListProps) {
  // Peers without a figure are already named under the chart.
  const texts = describeFlags(comparison, t, lang);
  const shown = comparison.flags.map((flag, i) => ({ flag, text: texts[i] ?? '' }));
  const flags = shown.filter(({ flag }) => flag.code !== 'missing-figures');
  if (flags.length === 0) return null;
  return (
    <section class="flags" aria-labelledby="flags-title">
      <h2 id="flags-title">{t('popup.flags.title')}</h2>
      <ul data-testid="flags">
        {flags.map(({ flag, text }) => (
          <li key={flag.code} data-flag={flag.code}>
            {text}
          </li>
        ))}
      </ul>
    </section>
  );
}
