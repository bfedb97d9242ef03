import type { MessageKey, Translate } from '../i18n';
import type { JobSummary } from './summary';
import type { UnreadableReason } from './types';

/**
 * Words for a refresh, shared by the popup (and the dashboard later). Pure: the translator is
 * given. One/other forms are picked here because French and English agree on them (1 vs 2+).
 */

const plural = (t: Translate, base: string, n: number) =>
  t(`${base}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n });

const REASONS: readonly UnreadableReason[] = [
  'login-wall',
  'rate-limited',
  'unavailable',
  'no-figure',
  'not-account',
  'timeout',
];

/** « 14 chiffres relus, 1 page illisible (connexion demandée), 1 sans compte connu ». */
export function describeSummary(s: JobSummary, t: Translate): string {
  const parts: string[] = [];
  if (s.read > 0 || s.done > 0) parts.push(plural(t, 'refresh.sum.read', s.read));
  if (s.unreadableTotal > 0) {
    const present = REASONS.filter((r) => (s.unreadable[r] ?? 0) > 0);
    const reasons = present
      .map((r) => {
        const word = t(`refresh.reason.${r}` as MessageKey);
        return present.length > 1 ? t('refresh.reasonCount', { reason: word, n: s.unreadable[r] ?? 0 }) : word;
      })
      .join(', ');
    parts.push(
      t(`refresh.sum.unreadable.${s.unreadableTotal === 1 ? 'one' : 'other'}`, { n: s.unreadableTotal, reasons }),
    );
  }
  if (s.otherAccount > 0) parts.push(plural(t, 'refresh.sum.otherAccount', s.otherAccount));
  if (s.noAccount > 0) parts.push(plural(t, 'refresh.sum.noAccount', s.noAccount));
  if (s.closed > 0) parts.push(plural(t, 'refresh.sum.closed', s.closed));
  if (s.notLoaded > 0) parts.push(plural(t, 'refresh.sum.notLoaded', s.notLoaded));
  return parts.length > 0 ? parts.join(', ') : t('refresh.sum.none');
}

/** Measured cost of one page besides the delay (load, reading, report): see README, "Group refresh". */
export const PAGE_OVERHEAD_MS = 1_000;

/** How long a refresh of `pages` pages should take, in words (« 40 s », « 3 min »). */
export function describeDuration(pages: number, delayMs: number, t: Translate): string {
  const seconds = Math.ceil((pages * PAGE_OVERHEAD_MS + Math.max(0, pages - 1) * delayMs) / 1000);
  if (seconds < 90) return t('refresh.seconds', { n: Math.max(5, Math.ceil(seconds / 5) * 5) });
  return t('refresh.minutes', { n: Math.ceil(seconds / 60) });
}
