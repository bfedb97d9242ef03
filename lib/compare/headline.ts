import type { Group } from '../dataset';
import type { Lang } from '../i18n';
import { PLATFORM_LABELS } from '../platforms/labels';
import type { Comparison } from './types';

/** One-line summary of a comparison, in words. The maths stays in compare.ts. */
export interface HeadlineText {
  /** "2e sur 10 villes sur X" / "2nd of 10 cities on X"; or why there is no rank. */
  rank: string;
  /** "top 20 %" — only with at least 4 ranked members and in the top half. */
  top: string | null;
  /** "3,1 × la médiane" / "3.1 × the median" — only with at least 2 ranked members. */
  ratio: string | null;
  /** "2 villes sans chiffre" / "2 cities without a figure". */
  missing: string | null;
}

/** French nouns carry a gender, which the ordinal "1er"/"1re" agrees with. */
const NOUNS: Record<Lang, Record<Group, { one: string; other: string; feminine?: boolean }>> = {
  fr: {
    city: { one: 'ville', other: 'villes', feminine: true },
    region: { one: 'région', other: 'régions', feminine: true },
    ministry: { one: 'ministère', other: 'ministères' },
    minister: { one: 'ministre', other: 'ministres' },
    executive: { one: 'compte de l’exécutif', other: 'comptes de l’exécutif' },
  },
  en: {
    city: { one: 'city', other: 'cities' },
    region: { one: 'region', other: 'regions' },
    ministry: { one: 'ministry', other: 'ministries' },
    minister: { one: 'minister', other: 'ministers' },
    executive: { one: 'executive account', other: 'executive accounts' },
  },
};

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const EN_ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

function noun(lang: Lang, group: Group, count: number): string {
  const forms = NOUNS[lang][group];
  return new Intl.PluralRules(LOCALES[lang]).select(count) === 'one' ? forms.one : forms.other;
}

function ordinal(lang: Lang, group: Group, n: number): string {
  const digits = new Intl.NumberFormat(LOCALES[lang]).format(n);
  if (lang === 'fr') return n === 1 ? (NOUNS.fr[group].feminine ? '1re' : '1er') : `${digits}e`;
  return `${digits}${EN_ORDINAL_SUFFIX[new Intl.PluralRules('en', { type: 'ordinal' }).select(n)] ?? 'th'}`;
}

/** Ratios of 1 and more need one decimal; smaller ones two significant digits, so 0.04 does not read as 0. */
function formatRatio(lang: Lang, ratio: number): string {
  const options: Intl.NumberFormatOptions = ratio >= 1 ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 };
  return new Intl.NumberFormat(LOCALES[lang], options).format(ratio);
}

export function headline(comparison: Comparison, lang: Lang): HeadlineText {
  const { group, platform, headline: data, withoutFigure } = comparison;
  const label = PLATFORM_LABELS[platform];
  const fmt = new Intl.NumberFormat(LOCALES[lang]);
  const missing =
    withoutFigure.length > 0
      ? lang === 'fr'
        ? `${fmt.format(withoutFigure.length)} ${noun(lang, group, withoutFigure.length)} sans chiffre`
        : `${fmt.format(withoutFigure.length)} ${noun(lang, group, withoutFigure.length)} without a figure`
      : null;

  if (!data) {
    const closed = comparison.account?.status === 'closed';
    const rank =
      lang === 'fr'
        ? closed
          ? `Compte fermé sur ${label} : non classé`
          : `Pas de chiffre pour ce compte sur ${label}`
        : closed
          ? `Closed account on ${label}: not ranked`
          : `No figure for this account on ${label}`;
    return { rank, top: null, ratio: null, missing };
  }

  const place = ordinal(lang, group, data.rank);
  const of = `${fmt.format(data.of)} ${noun(lang, group, data.of)}`;
  const rank =
    lang === 'fr'
      ? `${place}${data.tied ? ' ex aequo' : ''} sur ${of} sur ${label}`
      : `${data.tied ? 'joint ' : ''}${place} of ${of} on ${label}`;
  const top =
    data.of >= 4 && data.topPercent <= 50
      ? `top ${new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(data.topPercent / 100)}`
      : null;
  const ratio =
    data.of >= 2 && data.ratioToMedian !== null
      ? lang === 'fr'
        ? `${formatRatio(lang, data.ratioToMedian)} × la médiane`
        : `${formatRatio(lang, data.ratioToMedian)} × the median`
      : null;
  return { rank, top, ratio, missing };
}
