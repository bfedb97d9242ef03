import type { PlatformId } from '../platforms/types';
import type { PageSignals } from './messages';

/**
 * Where a platform says an account is suspended or missing instead of showing its header
 * (PLATFORMS.md: X shows `emptyState` for both). Platforms not listed answer with an HTTP 404.
 */
const UNAVAILABLE: Partial<Record<PlatformId, string>> = {
  x: '[data-testid="emptyState"]',
};

/**
 * Cheap signs the page gives about itself, for the group refresh to stop at the first sign of a
 * login wall or rate limit. Never throws; a field is present only when seen.
 */
export function pageSignals(doc: Document, platform: PlatformId): PageSignals {
  const signals: PageSignals = {};
  try {
    if (doc.querySelector('input[type="password"]')) signals.loginWall = true;
    const selector = UNAVAILABLE[platform];
    if (selector && doc.querySelector(selector)) signals.unavailable = true;
    const nav = performance.getEntriesByType?.('navigation')[0] as { responseStatus?: number } | undefined;
    if (typeof nav?.responseStatus === 'number' && nav.responseStatus > 0) signals.httpStatus = nav.responseStatus;
  } catch {
    // A page that breaks these checks gives no signal.
  }
  return signals;
}
