import { storage } from 'wxt/utils/storage';
import type { PlatformId } from '../platforms/types';
import {
  addAbsences,
  addAccounts,
  addParticipation,
  EMPTY_OVERLAY,
  removeAbsence,
  removeAccount,
  removeParticipation,
  replaceBundled,
  sanitizeOverlay,
} from './overlay';
import {
  OVERLAY_VERSION,
  type Overlay,
  type OverlayAbsence,
  type OverlayAccount,
  type OverlayParticipation,
} from './types';

/**
 * The overlay in `local:overlay`, one versioned item. Stored as `unknown` and sanitized on every
 * read: a corrupted entry is skipped and counted, the others kept (as lib/history does). A later
 * format gets a migration here instead of losing what users added.
 */
export const overlayItem = storage.defineItem<unknown>('local:overlay', {
  fallback: EMPTY_OVERLAY,
  version: OVERLAY_VERSION,
  // Version 1 is the first format: nothing to migrate yet (`participation` came later, optional:
  // an overlay without it is still a valid version 1). Add `2: (v1) => …` with OVERLAY_VERSION 2.
  migrations: {},
});

export async function loadOverlay(): Promise<{ overlay: Overlay; skipped: number }> {
  try {
    return sanitizeOverlay(await overlayItem.getValue());
  } catch {
    // Storage itself failed: behave as if empty, but say something was lost.
    return { overlay: EMPTY_OVERLAY, skipped: 1 };
  }
}

// Edits are read-modify-write: chained so that two quick clicks in the popup never lose one another.
let queue: Promise<unknown> = Promise.resolve();
function edit(change: (overlay: Overlay) => Overlay): Promise<Overlay> {
  const next = queue.then(async () => {
    const { overlay } = await loadOverlay();
    const changed = change(overlay);
    await overlayItem.setValue(changed);
    return changed;
  });
  queue = next.catch(() => undefined);
  return next;
}

export const storeAccounts = (accounts: readonly OverlayAccount[]) => edit((o) => addAccounts(o, accounts));
export const deleteAccount = (account: { platform: PlatformId; key: string }) => edit((o) => removeAccount(o, account));
export const useMine = (account: { platform: PlatformId; key: string }, bundledKeys: string[]) =>
  edit((o) => replaceBundled(o, account, bundledKeys));
export const storeAbsences = (absences: readonly OverlayAbsence[]) => edit((o) => addAbsences(o, absences));
export const deleteAbsence = (absence: { entityId: string; platform: PlatformId }) =>
  edit((o) => removeAbsence(o, absence));

export const storeParticipation = (found: readonly OverlayParticipation[]) => edit((o) => addParticipation(o, found));
export const deleteParticipation = (removed: { entityId: string; url: string }) =>
  edit((o) => removeParticipation(o, removed));

/** Calls `onChange` whenever the overlay changes (from the popup, another window, or the dashboard). */
export function watchOverlay(onChange: () => void): () => void {
  return overlayItem.watch(() => onChange());
}
