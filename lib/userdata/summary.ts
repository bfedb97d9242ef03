import type { Observation } from '../history/observation';
import type { Overlay } from '../overlay/types';
import type { PlatformId } from '../platforms/types';

/** Bytes a value takes as JSON in UTF-8: what storage holds, near enough for "how much is kept". */
export function storedSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** "12 KB", "1.4 MB" in the user's language. */
export function formatSize(bytes: number, lang: 'fr' | 'en'): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${number(bytes)} ${lang === 'fr' ? 'o' : 'B'}`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} ${lang === 'fr' ? 'Ko' : 'KB'}`;
  return `${number(bytes / 1024 / 1024)} ${lang === 'fr' ? 'Mo' : 'MB'}`;
}

export interface ReadingsOfAccount {
  entityId: string;
  platform: PlatformId;
  key: string;
  /** Newest first. */
  readings: Observation[];
}

/** The history grouped by account (entity, platform, key), accounts in a stable order, newest reading first. */
export function readingsByAccount(observations: readonly Observation[]): ReadingsOfAccount[] {
  const groups = new Map<string, ReadingsOfAccount>();
  for (const o of observations) {
    const id = `${o.entityId} ${o.platform} ${o.key}`;
    let group = groups.get(id);
    if (!group) {
      group = { entityId: o.entityId, platform: o.platform, key: o.key, readings: [] };
      groups.set(id, group);
    }
    group.readings.push(o);
  }
  const out = [...groups.values()];
  for (const g of out) g.readings.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return out.sort((a, b) =>
    a.entityId !== b.entityId
      ? a.entityId < b.entityId
        ? -1
        : 1
      : a.platform !== b.platform
        ? a.platform < b.platform
          ? -1
          : 1
        : a.key < b.key
          ? -1
          : 1,
  );
}

export interface UserDataSummary {
  accounts: number;
  absences: number;
  participation: number;
  overlayBytes: number;
  readings: number;
  readingAccounts: number;
  historyBytes: number;
}

export function summarise(overlay: Overlay, observations: readonly Observation[]): UserDataSummary {
  return {
    accounts: overlay.accounts.length,
    absences: overlay.absences.length,
    participation: overlay.participation?.length ?? 0,
    overlayBytes: storedSize(overlay),
    readings: observations.length,
    readingAccounts: new Set(observations.map((o) => `${o.platform} ${o.key}`)).size,
    historyBytes: storedSize(observations),
  };
}

/** The history without one reading (matched on account, metric and time). Pure. */
export function withoutObservation(observations: readonly Observation[], removed: Observation): Observation[] {
  return observations.filter(
    (o) =>
      !(
        o.platform === removed.platform &&
        o.key === removed.key &&
        o.metric === removed.metric &&
        o.at === removed.at &&
        o.entityId === removed.entityId
      ),
  );
}

/**
 * A page read, for a link's text: host without "www." and the path, so that two pages of one
 * site stay distinguishable ("nantes.fr/reseaux-sociaux") while a home page is just its site
 * ("lille.fr"). The link's href keeps the full address; text that is no URL is shown as it is.
 */
export function pageLabel(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.hostname.replace(/^www\./, '')}${path}${u.search}`;
}
