import type { Dataset } from '../dataset';
import type { Lang, Translate } from '../i18n';
import { entityShortName, formatDate, formatNumber, formatTime } from '../i18n/format';
import type { CohortMember, Comparison, FigureRef, Flag, PlatformPresence, Presence } from './types';

/**
 * Words for a comparison, shared by the popup, the command line and the exports so that they
 * all say the same thing. The maths stays in compare.ts.
 */

function namesOf(comparison: Comparison, ids: readonly string[], lang: Lang): string {
  const byId = new Map(comparison.cohort.map((m) => [m.entity, m]));
  return ids
    .map((id) => {
      const member = byId.get(id);
      return member ? entityShortName({ name: member.name, shortName: member.shortName ?? undefined }, lang) : id;
    })
    .join(', ');
}

/** One sentence per honesty flag, in the order the engine gave them. */
export function describeFlags(comparison: Comparison, t: Translate, lang: Lang): string[] {
  return comparison.flags.map((flag) => describeFlag(comparison, flag, t, lang));
}

function describeFlag(comparison: Comparison, flag: Flag, t: Translate, lang: Lang): string {
  const names = 'entities' in flag ? namesOf(comparison, flag.entities, lang) : '';
  const since = (date: string | null) => (date ? t('since', { date: formatDate(date, lang) }) : '');
  switch (flag.code) {
    case 'stale':
      return t('flag.stale', { names, oldest: formatDate(flag.oldest, lang) });
    case 'dates-differ':
      return t('flag.dates-differ', {
        oldest: formatDate(flag.oldest, lang),
        newest: formatDate(flag.newest, lang),
        days: formatNumber(flag.spanDays, lang),
      });
    case 'account-closed':
    case 'account-unused':
      return t(`flag.${flag.code}`, { since: since(flag.since) });
    case 'population-vintages-differ':
      return t('flag.population-vintages-differ', { vintages: flag.vintages.join(', ') });
    default:
      return t(`flag.${flag.code}`, { names });
  }
}

type FigureLike = Pick<FigureRef, 'origin' | 'date' | 'at' | 'onOrBefore'>;

/** Where a figure comes from, in words: "sur la page, lu à 14:32", "jeu de données, 16 janvier 2025". */
export function describeOrigin(figure: FigureLike, t: Translate, lang: Lang, timeZone?: string): string {
  if (figure.origin === 'page' && figure.at) return t('origin.page', { time: formatTime(figure.at, lang, timeZone) });
  if (figure.origin === 'observed' && figure.date) return t('origin.observed', { date: formatDate(figure.date, lang) });
  if (figure.origin === 'refreshed' && figure.date)
    return t('origin.refreshed', { date: formatDate(figure.date, lang) });
  const date = figure.date
    ? figure.onOrBefore
      ? t('origin.onOrBefore', { date: formatDate(figure.date, lang) })
      : formatDate(figure.date, lang)
    : t('origin.undated');
  return t('origin.dataset', { date });
}

/** The source title of a dataset figure, or null for readings made in the browser. */
export function sourceTitle(dataset: Dataset, sourceId: string | null): string | null {
  return sourceId ? (dataset.sources[sourceId]?.title ?? sourceId) : null;
}

/** A member's ranked figure as a FigureRef-like view, or null when it has none. */
export function memberFigure(member: CohortMember): FigureLike | null {
  return member.value === null || member.origin === null
    ? null
    : { origin: member.origin, date: member.date, at: member.at, onOrBefore: member.onOrBefore };
}

/** The institution's own state on a platform: yes, no as of a dated reading, closed, or unknown. */
export function describePresence(p: PlatformPresence, lang: Lang, t: Translate): string {
  if (p.state === 'present') return t('popup.presence.yes');
  if (p.state === 'unknown') return t('popup.presence.unknown');
  if (p.absence?.reason === 'checked' && p.absence.date)
    return t('popup.presence.absent', { date: formatDate(p.absence.date, lang) });
  return t('popup.presence.closed');
}

/** "7 sur 9 pairs connus": shares count only the peers whose state is known. */
export function describePeers(p: PlatformPresence, t: Translate): string {
  return p.peersKnown === 0
    ? t('popup.presence.noPeerKnown')
    : t('popup.presence.peersKnown', { n: p.peersWith, known: p.peersKnown });
}

/** Platforms used, how many are known, and the group median over the members known everywhere. */
export function describePresenceSummary(presence: Presence, lang: Lang, t: Translate): string {
  return t('popup.presence.summary', {
    used: presence.used,
    known: presence.known,
    median: presence.cohortMedian === null ? '—' : formatNumber(presence.cohortMedian, lang, 1),
    membersKnown: presence.membersKnown,
    members: presence.members,
  });
}
