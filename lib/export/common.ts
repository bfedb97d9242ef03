import type { CohortMember, Comparison, LocalText } from '../compare/types';
import type { Dataset, Figure, Source } from '../dataset';
import type { Lang } from '../i18n';
import { platformLabel } from '../platforms/labels';
import type { Metric, PlatformId, Precision } from '../platforms/types';

/**
 * Helpers shared by the export formats. Every format reads the same Comparison the popup shows, so
 * what a member's row says (value, date, origin, source) is decided here once.
 */

export function localName(text: LocalText, lang: Lang): string {
  return (lang === 'en' ? text.en : undefined) || text.fr;
}

export { platformLabel };

/** What a member's row shows: its ranked figure, otherwise the figure set aside (closed account, other metric). */
export interface ShownFigure {
  value: number;
  metric: Metric;
  date: string | null;
  onOrBefore: boolean;
  origin: 'page' | 'observed' | 'refreshed' | 'dataset';
  precision: Precision;
  source: string | null;
  url: string | null;
  ranked: boolean;
}

export function shownFigure(member: CohortMember): ShownFigure | null {
  if (member.value !== null && member.metric && member.origin && member.precision) {
    return {
      value: member.value,
      metric: member.metric,
      date: member.date,
      onOrBefore: member.onOrBefore,
      origin: member.origin,
      precision: member.precision,
      source: member.source,
      url: member.url,
      ranked: true,
    };
  }
  const aside = member.setAside;
  if (!aside) return null;
  return { ...aside, ranked: false };
}

/** Per-1,000 figures only make sense where the comparison carries populations. */
export function hasPerInhabitant(comparison: Comparison): boolean {
  return comparison.perInhabitant !== null;
}

/**
 * Dataset sources a comparison's figures and populations rest on, in the order first met, so an
 * export lists exactly what it uses. Ids missing from the dataset are kept (title unknown) rather
 * than dropped: the figure still says where it came from.
 */
export function referencedSources(comparison: Comparison, options: { populations?: boolean } = {}): string[] {
  const ids = new Set<string>();
  for (const member of comparison.cohort) {
    const figure = shownFigure(member);
    if (figure?.source) ids.add(figure.source);
    if (options.populations !== false && member.population && member.perThousand !== null)
      ids.add(member.population.source);
  }
  return [...ids];
}

export function pickSources(dataset: Dataset, ids: Iterable<string>): Record<string, Source> {
  const out: Record<string, Source> = {};
  for (const id of ids) {
    const source = dataset.sources[id];
    if (source) out[id] = source;
  }
  return out;
}

/**
 * The newest current figure of an account: dated figures beat undated ones; partial dates compare
 * by their first day ("2024-05" is older than "2024-05-10"). Figures of the 2012 study edition are
 * never current (METHOD.md, section 3), so they are left out.
 */
export function latestFigure(figures: readonly Figure[] | undefined): Figure | null {
  let best: Figure | null = null;
  for (const figure of figures ?? []) {
    if (figure.edition === '2012') continue;
    if (!best || isNewer(figure, best)) best = figure;
  }
  return best;
}

function isNewer(a: Figure, b: Figure): boolean {
  if (!a.date) return false;
  if (!b.date) return true;
  const ka = padDate(a.date);
  const kb = padDate(b.date);
  // Same day: the more precise date wins, then the later entry in the file (newest added last).
  return ka > kb || (ka === kb && a.date.length >= b.date.length);
}

const padDate = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

export function perThousandOf(value: number, population: number | undefined): number | null {
  return population ? (value * 1000) / population : null;
}
