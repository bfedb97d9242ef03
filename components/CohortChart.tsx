import { useState } from 'preact/hooks';
import type { CohortMember, Comparison } from '@/lib/compare';
import { describeOrigin, memberFigure } from '@/lib/compare/describe';
import type { Lang, Translate } from '@/lib/i18n';
import { entityShortName, formatNumber } from '@/lib/i18n/format';
import { platformLabel } from '@/lib/platforms/labels';
import type { CohortChoice } from '@/lib/settings/preferences';

export interface CohortChartProps {
  comparison: Comparison;
  lang: Lang;
  t: Translate;
  cohort: CohortChoice;
  onCohort(choice: CohortChoice): void;
  /** Per 1,000 inhabitants instead of raw figures (cities and regions). */
  perInhabitant: boolean;
  onPerInhabitant(on: boolean): void;
}

type View = 'raw' | 'perThousand';

const nameOf = (m: CohortMember, lang: Lang) =>
  entityShortName({ name: m.name, shortName: m.shortName ?? undefined }, lang);

/**
 * The cohort on the account's platform as a bar strip, the account highlighted. Every bar is
 * focusable and carries its value, date and origin, so keyboard and screen-reader users get
 * what a mouse user gets on hover.
 */
export function CohortChart({
  comparison,
  lang,
  t,
  cohort,
  onCohort,
  perInhabitant,
  onPerInhabitant,
}: CohortChartProps) {
  const view: View = perInhabitant ? 'perThousand' : 'raw';
  const perCapita = comparison.perInhabitant !== null;
  const shown: View = perCapita ? view : 'raw';
  const figureOf = (m: CohortMember) => (shown === 'raw' ? m.value : m.perThousand);
  const ranked = comparison.cohort
    .filter((m) => figureOf(m) !== null)
    .sort((a, b) => (figureOf(b) ?? 0) - (figureOf(a) ?? 0));
  const without = comparison.cohort.filter((m) => figureOf(m) === null);
  const max = Math.max(1, ...ranked.map((m) => figureOf(m) ?? 0));
  const median = shown === 'raw' ? comparison.median : (comparison.perInhabitant?.median ?? null);
  const platform = platformLabel(comparison.platform);
  const studyGroup = comparison.group === 'city' || comparison.group === 'region';
  const digits = shown === 'raw' ? 0 : 1;
  const metric = t(`metric.${comparison.metric}`);
  const [selected, setSelected] = useState<CohortMember | undefined>(undefined);
  const shownMember =
    (selected && ranked.includes(selected) ? selected : undefined) ?? ranked.find((m) => m.self) ?? ranked[0];
  /** The member under the pointer or the keyboard focus, in words: value, precision, date and origin. */
  const details = (m: CohortMember) =>
    [
      `${nameOf(m, lang)}${m.self ? ` (${t('popup.chart.you')})` : ''}`,
      `${formatNumber(figureOf(m) ?? 0, lang, digits)} ${shown === 'raw' ? metric : t('popup.chart.perThousand').toLowerCase()}`,
      m.precision && m.precision !== 'exact' ? t(`precision.${m.precision}`) : null,
      memberFigure(m) ? describeOrigin(memberFigure(m) as NonNullable<ReturnType<typeof memberFigure>>, t, lang) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <section class="chart" aria-labelledby="chart-title">
      <h2 id="chart-title">
        {t('popup.chart.title', { group: capitalise(t(`groups.${comparison.group}`)), platform })}
      </h2>
      {studyGroup && (
        <fieldset class="switch">
          <legend>{t('popup.cohort.label')}</legend>
          <label>
            <input type="radio" name="cohort" checked={cohort === 'study'} onChange={() => onCohort('study')} />
            {t('popup.cohort.study')}
          </label>
          <label>
            <input
              type="radio"
              name="cohort"
              checked={cohort === 'all'}
              onChange={() => onCohort('all')}
              data-testid="cohort-all"
            />
            {t('popup.cohort.all')}
          </label>
        </fieldset>
      )}
      {perCapita && (
        <fieldset class="switch">
          <legend>{t('popup.chart.view')}</legend>
          <label>
            <input type="radio" name="view" checked={shown === 'raw'} onChange={() => onPerInhabitant(false)} />
            {t('popup.chart.raw')}
          </label>
          <label>
            <input
              type="radio"
              name="view"
              checked={shown === 'perThousand'}
              onChange={() => onPerInhabitant(true)}
              data-testid="view-per-thousand"
            />
            {t('popup.chart.perThousand')}
          </label>
        </fieldset>
      )}
      <ol class="bars" data-testid="cohort-bars">
        {ranked.map((m) => {
          const value = figureOf(m) ?? 0;
          return (
            <li
              key={m.entity}
              class={m.self ? 'bar self' : 'bar'}
              data-entity={m.entity}
              data-value={value}
              data-date={m.date ?? undefined}
              data-origin={m.origin ?? undefined}
            >
              <button
                type="button"
                class="bar-button"
                aria-describedby="bar-details"
                aria-pressed={selected?.entity === m.entity}
                onFocus={() => setSelected(m)}
                onMouseEnter={() => setSelected(m)}
                onClick={() => setSelected(m)}
              >
                <span class="bar-name">{nameOf(m, lang)}</span>
                <span class="bar-track" aria-hidden="true">
                  <span class="bar-fill" style={{ width: `${Math.max(1, (value / max) * 100)}%` }} />
                  {median !== null && <span class="bar-median" style={{ left: `${(median / max) * 100}%` }} />}
                </span>
                <span class="bar-value">
                  {formatNumber(value, lang, digits)}
                  {m.precision === 'rounded' || m.precision === 'lower-bound' ? '*' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {shownMember && (
        <p id="bar-details" class="bar-details" aria-live="polite" data-testid="bar-details">
          {details(shownMember)}
        </p>
      )}
      {median !== null && ranked.length > 1 && (
        <p class="small legend">
          <span class="median-key" aria-hidden="true" />{' '}
          {t('popup.median', { value: formatNumber(median, lang, digits) })}
          {ranked.some((m) => m.precision === 'rounded' || m.precision === 'lower-bound') &&
            ` · ${t('popup.chart.starNote')}`}
        </p>
      )}
      {without.length > 0 && (
        <p class="small without" data-testid="without-figure">
          {t('popup.chart.withoutFigure', { names: without.map((m) => nameOf(m, lang)).join(', ') })}
        </p>
      )}
    </section>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
