import { dayNumber, dayString } from '../compare/dates';
import type { Account, Entity } from '../dataset';
import type { Observation } from '../history/observation';
import type { Metric, Precision } from '../platforms/types';

/**
 * Where a point of an account's history comes from: the bundled dataset (its 2012 study figures
 * apart), a page the user visited, or a page a group refresh opened.
 */
export type PointOrigin = 'dataset' | 'study-2012' | 'visit' | 'refreshed';

export interface HistoryPoint {
  /** As precise as known: `YYYY-MM-DD` for readings, `YYYY[-MM[-DD]]` for dataset figures. */
  date: string;
  /** Readings: the ISO datetime. */
  at: string | null;
  /** Days since 1970-01-01 (a partial date counts as its first day, as in the comparison). */
  day: number;
  value: number;
  metric: Metric;
  precision: Precision;
  onOrBefore: boolean;
  origin: PointOrigin;
  /** Dataset source id. */
  source: string | null;
  /** Page the reading was made on. */
  url: string | null;
}

export interface AccountHistory {
  /** Dated points, oldest first, every metric. */
  points: HistoryPoint[];
  /** Dataset figures without a date: they cannot be placed on a time axis. */
  undated: number;
  /** Metrics present, the one with the most points first. */
  metrics: Metric[];
}

/** Everything known of an account over time: bundled figures and this browser's readings. Pure. */
export function accountHistory(
  entity: Pick<Entity, 'id'>,
  account: Pick<Account, 'platform' | 'key' | 'figures'>,
  observations: readonly Observation[],
): AccountHistory {
  const points: HistoryPoint[] = [];
  let undated = 0;
  for (const f of account.figures ?? []) {
    const day = dayNumber(f.date);
    if (!f.date || day === undefined) {
      undated++;
      continue;
    }
    points.push({
      date: f.date,
      at: null,
      day,
      value: f.value,
      metric: f.metric,
      precision: f.precision,
      onOrBefore: f.onOrBefore === true,
      origin: f.edition === '2012' ? 'study-2012' : 'dataset',
      source: f.source,
      url: null,
    });
  }
  for (const o of observations) {
    if (o.entityId !== entity.id || o.platform !== account.platform || o.key !== account.key) continue;
    const day = dayNumber(o.at);
    if (day === undefined) continue;
    points.push({
      date: dayString(day),
      at: o.at,
      day,
      value: o.value,
      metric: o.metric,
      precision: o.precision,
      onOrBefore: false,
      origin: o.origin === 'refreshed' ? 'refreshed' : 'visit',
      source: null,
      url: o.url,
    });
  }
  // Same day: the dataset's figure first, then the readings in time order.
  points.sort((a, b) => a.day - b.day || (a.at ?? '').localeCompare(b.at ?? ''));
  const count = (m: Metric) => points.filter((p) => p.metric === m).length;
  const metrics = [...new Set(points.map((p) => p.metric))].sort((a, b) => count(b) - count(a));
  return { points, undated, metrics };
}

/** The average month, in days (365.2425 ÷ 12). */
export const DAYS_PER_MONTH = 30.436875;

export interface Growth {
  from: HistoryPoint;
  to: HistoryPoint;
  days: number;
  /** (to − from) ÷ months between them; null on the same day. */
  perMonth: number | null;
  /** A figure is rounded, a minimum, "on or before" or its date is not a full day: the rate is indicative. */
  approximate: boolean;
}

const isApproximate = (p: HistoryPoint) => p.precision !== 'exact' || p.onOrBefore || p.date.length < 10;

/**
 * Growth per month between consecutive points of one metric (points of another metric count
 * something else and are never differenced). Pure.
 */
export function growthPerMonth(points: readonly HistoryPoint[]): Growth[] {
  const out: Growth[] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1] as HistoryPoint;
    const to = points[i] as HistoryPoint;
    if (from.metric !== to.metric) continue;
    const days = to.day - from.day;
    out.push({
      from,
      to,
      days,
      perMonth: days > 0 ? ((to.value - from.value) * DAYS_PER_MONTH) / days : null,
      approximate: isApproximate(from) || isApproximate(to),
    });
  }
  return out;
}
