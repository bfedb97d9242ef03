import type { Observation } from '../history/observation';
import { clearObservations, loadObservations, saveObservations } from '../history/store';
import { EMPTY_OVERLAY } from '../overlay/overlay';
import { deleteAbsence, deleteAccount, deleteParticipation, overlayItem } from '../overlay/store';
import type { OverlayAbsence, OverlayAccount, OverlayParticipation } from '../overlay/types';
import type { AppliedImport } from '../userdata/import';
import { withoutObservation } from '../userdata/summary';

/*
 * Storage side of the "Your data" section: lib/userdata is pure and leaves the writes to its
 * caller. Each function re-reads what it changes, so that a reading recorded meanwhile by the
 * background is not lost.
 */

export async function removeOverlayAccount(account: OverlayAccount): Promise<void> {
  await deleteAccount(account);
}

/** The popup's own removal (store.ts): both pages drop an absence the same way, re-reading storage first. */
export async function removeOverlayAbsence(absence: OverlayAbsence): Promise<void> {
  await deleteAbsence(absence);
}

/** A participatory platform found on an official site, dropped through the same edit queue. */
export async function removeOverlayParticipation(participation: OverlayParticipation): Promise<void> {
  await deleteParticipation(participation);
}

export async function removeReading(observation: Observation): Promise<void> {
  const { entries } = await loadObservations();
  await saveObservations(withoutObservation(entries, observation));
}

/** Saves an import that the user confirmed (conflicts settled): the new overlay and history. */
export async function saveImport(result: AppliedImport): Promise<void> {
  await overlayItem.setValue(result.overlay);
  await saveObservations(result.observations);
}

/** « Tout effacer », after the section's confirmation: the user's accounts and readings. */
export async function eraseUserData(): Promise<void> {
  await overlayItem.setValue(EMPTY_OVERLAY);
  await clearObservations();
}
