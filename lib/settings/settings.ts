import { storage } from 'wxt/utils/storage';

/*
 * The settings of the dashboard's "Settings" section. Each item is read through a sanitiser, so a
 * damaged value in storage (an older version, a hand edit, a half-written import) falls back to
 * the default or to the nearest bound instead of breaking the page that reads it.
 */

/** Interface language: follow the browser, or a fixed one. */
export type LanguageChoice = 'auto' | 'fr' | 'en';
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['auto', 'fr', 'en'];

/** A numeric setting's default and bounds (inclusive). */
export interface Bounds {
  default: number;
  min: number;
  max: number;
  step: number;
}

/**
 * Readings kept per account in the local history. The default equals lib/history's
 * MAX_PER_ACCOUNT (a test keeps them equal); below 10 the history says little, above 5,000 per
 * account the storage item grows for no visible gain.
 */
export const HISTORY_LIMIT: Bounds = { default: 400, min: 10, max: 5000, step: 10 };

/**
 * Seconds between two pages opened by a group refresh. Under 1 s would look like a crawler to the
 * platforms; over 60 s a refresh of 42 cities would take most of an hour.
 */
export const REFRESH_DELAY: Bounds = { default: 2.5, min: 1, max: 60, step: 0.5 };

export const languagePreference = storage.defineItem<LanguageChoice>('local:language', {
  fallback: 'auto',
  version: 1,
});
export const badgePreference = storage.defineItem<boolean>('local:badge', { fallback: true, version: 1 });
export const historyLimitPreference = storage.defineItem<number>('local:historyLimit', {
  fallback: HISTORY_LIMIT.default,
  version: 1,
});
/** Read by the group refresh (lib/refresh) between two pages. */
export const refreshDelaySeconds = storage.defineItem<number>('local:refreshDelay', {
  fallback: REFRESH_DELAY.default,
  version: 1,
});

export function sanitizeLanguage(value: unknown): LanguageChoice {
  return LANGUAGE_CHOICES.includes(value as LanguageChoice) ? (value as LanguageChoice) : 'auto';
}

export function sanitizeBadge(value: unknown): boolean {
  // Only an explicit "off" turns the badge off: anything unreadable keeps the default.
  return value !== false;
}

/** A number within bounds: not a finite number → the default; out of bounds → the nearest bound. */
export function sanitizeNumber(value: unknown, bounds: Bounds, integer = false): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return bounds.default;
  const clamped = Math.min(bounds.max, Math.max(bounds.min, n));
  return integer ? Math.round(clamped) : clamped;
}

/** Reads an item, never throwing: storage that fails behaves as the default. */
async function read<T>(item: { getValue(): Promise<unknown> }, sanitize: (v: unknown) => T): Promise<T> {
  return sanitize(await item.getValue().catch(() => undefined));
}

export const getLanguageChoice = () => read(languagePreference, sanitizeLanguage);
export const getBadgeEnabled = () => read(badgePreference, sanitizeBadge);
export const getHistoryLimit = () => read(historyLimitPreference, (v) => sanitizeNumber(v, HISTORY_LIMIT, true));
export const getRefreshDelaySeconds = () => read(refreshDelaySeconds, (v) => sanitizeNumber(v, REFRESH_DELAY));
