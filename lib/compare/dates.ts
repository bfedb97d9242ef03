/**
 * Date arithmetic for the comparison, on whole UTC days. Pure: never reads the clock.
 *
 * A partial date counts as the first day of its period ("2024-05" → 1 May 2024): the figure may
 * be from any day of May, and taking the first day makes it look older, never younger, so age
 * warnings err on the side of warning.
 */

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or datetime; undefined if unreadable. */
export function dayNumber(text: string | null | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  if (text.includes('T')) {
    // A datetime may carry an offset: the instant decides the UTC day.
    const ms = Date.parse(text);
    return Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : undefined;
  }
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  // Reject 2024-02-31 and the like rather than rolling over into March.
  if (new Date(ms).getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same calendar day one year earlier (29 February → 1 March). */
export function oneYearBefore(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY;
}

/**
 * Whether a validity interval (`validFrom`/`validTo`, inclusive, any ISO precision) contains
 * `today`. A bound is compared at its own precision: validTo "2025-10" still holds on 2025-10-31.
 */
export function isValidOn(validFrom: string | undefined, validTo: string | undefined, today: string): boolean {
  const day = today.slice(0, 10);
  if (validTo && day.slice(0, validTo.length) > validTo) return false;
  if (validFrom && day.slice(0, validFrom.length) < validFrom) return false;
  return true;
}
