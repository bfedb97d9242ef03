import type { Account, Dataset, Entity, Source } from '../dataset/schema';
import { type Lang, translator } from '../i18n';
import { hasParticipation } from './participation';
import type { Overlay, OverlayAccount, OverlaySource } from './types';

/** An overlay account that would replace a bundled one: shown in the popup until the user chooses. */
export interface OverlayConflict {
  account: OverlayAccount;
  /** The bundled accounts it collides with: another key of its institution's platform, or its own key listed elsewhere. */
  bundled: { entityId: string; key: string; url: string }[];
}

export interface AppliedOverlay {
  dataset: Dataset;
  conflicts: OverlayConflict[];
  /** Overlay entries about an institution the dataset does not have (an older or newer edition): kept, not applied. */
  orphans: number;
}

/**
 * Pure: the bundled dataset with the user's additions merged in. Added accounts become Account
 * records of their entity, and participatory platforms found on an official site entries of its
 * `participation`, citing a source made for them ("found on the official website <site>", "added
 * by you", dated by the source's `date`), so that recognition, badge, comparison, the study and
 * exports treat them like bundled ones and still show where they come from. A bundled account is
 * never replaced silently: an overlay account that collides with one is left out and returned as a
 * conflict, unless the user chose "use mine" (its `replaces` names the bundled keys it supersedes).
 */
export function applyOverlay(dataset: Dataset, overlay: Overlay, lang: Lang = 'fr'): AppliedOverlay {
  const t = translator(lang);
  const sources: Record<string, Source> = { ...dataset.sources };
  const entities = new Map<string, Entity>(
    dataset.entities.map((e) => [
      e.id,
      { ...e, accounts: [...e.accounts], ...(e.checkedAbsent ? { checkedAbsent: [...e.checkedAbsent] } : {}) },
    ]),
  );
  const conflicts: OverlayConflict[] = [];
  let orphans = 0;

  for (const added of overlay.accounts) {
    const entity = entities.get(added.entityId);
    if (!entity) {
      orphans++;
      continue;
    }
    // Already there as bundled: nothing to add (a bundled listing says more than ours).
    if (entity.accounts.some((a) => a.platform === added.platform && a.key === added.key)) continue;
    const replaces = new Set(added.replaces ?? []);
    const colliding: OverlayConflict['bundled'] = [];
    for (const other of entities.values()) {
      for (const a of other.accounts) {
        if (a.platform !== added.platform || isOverlaySourced(a)) continue;
        const sameKeyElsewhere = other.id !== entity.id && a.key === added.key;
        const otherKeyHere = other.id === entity.id && a.key !== added.key;
        if ((sameKeyElsewhere || otherKeyHere) && !replaces.has(a.key))
          colliding.push({ entityId: other.id, key: a.key, url: a.url });
      }
    }
    if (colliding.length > 0) {
      conflicts.push({ account: added, bundled: colliding });
      continue;
    }
    // "Use mine": the superseded bundled accounts leave the merged dataset.
    if (replaces.size > 0) {
      for (const other of entities.values()) {
        other.accounts = other.accounts.filter(
          (a) =>
            a.platform !== added.platform ||
            !replaces.has(a.key) ||
            isOverlaySourced(a) ||
            (other.id !== entity.id && a.key !== added.key),
        );
      }
    }
    const sourceId = uniqueId(sources, `overlay-${added.platform}-${slug(added.key)}`);
    sources[sourceId] = sourceOf(added.source, t);
    entity.accounts.push({
      platform: added.platform,
      key: added.key,
      url: added.url,
      status: 'active',
      confidence: added.confidence,
      sources: [sourceId],
    });
  }
  // "Absent as of a date": the entity's checkedAbsent, citing the page read. An account (bundled or
  // added) answers the question, and a newer bundled check wins over an older reading of ours.
  for (const absence of overlay.absences) {
    const entity = entities.get(absence.entityId);
    if (!entity) {
      orphans++;
      continue;
    }
    if (entity.accounts.some((a) => a.platform === absence.platform && a.status !== 'closed')) continue;
    const date = absence.checkedAt.slice(0, 10);
    const existing = entity.checkedAbsent?.find((c) => c.platform === absence.platform);
    if (existing && existing.date >= date) continue;
    const sourceId = uniqueId(sources, `overlay-absent-${absence.platform}-${slug(entity.id)}`);
    sources[sourceId] = {
      title: t('overlay.source.site', { site: hostOf(absence.url) }),
      url: absence.url,
      date,
      kind: 'official',
    };
    entity.checkedAbsent = [
      ...(entity.checkedAbsent ?? []).filter((c) => c.platform !== absence.platform),
      { platform: absence.platform, date, url: absence.url, source: sourceId },
    ];
  }
  // Participatory platforms linked from the official site: the entity's participation, confirmed
  // (the institution's own page links it), citing the page read like an account found there. A
  // platform the entity already lists (bundled, or an earlier entry of ours) is not doubled.
  for (const found of overlay.participation ?? []) {
    const entity = entities.get(found.entityId);
    if (!entity) {
      orphans++;
      continue;
    }
    if (hasParticipation(entity.participation, found.url)) continue;
    const sourceId = uniqueId(sources, `overlay-participation-${slug(participationSlug(found.url))}`);
    sources[sourceId] = sourceOf(found.source, t);
    entity.participation = [
      ...(entity.participation ?? []),
      {
        url: found.url,
        ...(found.software ? { software: found.software } : {}),
        confidence: 'confirmed',
        sources: [sourceId],
      },
    ];
  }

  return {
    dataset: { ...dataset, sources, entities: dataset.entities.map((e) => entities.get(e.id) ?? e) },
    conflicts,
    orphans,
  };
}

/** Whether an account of a merged dataset comes from the overlay (its source was made by applyOverlay). */
export function isOverlaySourced(account: Pick<Account, 'sources'>): boolean {
  return account.sources.some((s) => s.startsWith('overlay-'));
}

function sourceOf(s: OverlaySource, t: ReturnType<typeof translator>): Source {
  switch (s.kind) {
    case 'official-site':
      return {
        title: t('overlay.source.site', { site: hostOf(s.url) }),
        url: s.url,
        date: s.readAt.slice(0, 10),
        kind: 'official',
      };
    case 'user':
      return {
        title: t('overlay.source.user'),
        date: s.addedAt.slice(0, 10),
        kind: 'user',
      };
    case 'import':
      return {
        title: t('overlay.source.import', { file: s.file }),
        date: s.importedAt.slice(0, 10),
        kind: 'user',
      };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Host and path of a platform's address, for its source id (`overlay-participation-jeparticipe-nice-fr`). */
function participationSlug(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname}`;
  } catch {
    return url;
  }
}

const slug = (key: string) =>
  key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'account';

function uniqueId(taken: Record<string, unknown>, base: string): string {
  if (!(base in taken)) return base;
  let n = 2;
  while (`${base}-${n}` in taken) n++;
  return `${base}-${n}`;
}
