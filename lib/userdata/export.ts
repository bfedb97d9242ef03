import { formatDataFile } from '../dataset/format';
import type { Dataset, Figure, Source } from '../dataset/schema';
import type { Observation } from '../history/observation';
import { applyOverlay } from '../overlay/apply';
import type { Overlay } from '../overlay/types';

/**
 * "Exporter mes données": one file in the dataset's own format (what `civiscope dataset export`
 * prints), so that `civiscope dataset check` and `--dataset` accept it as it is.
 *
 * The file is the WHOLE merged dataset — the bundled edition the browser runs, plus the user's
 * accounts and figures — not only the user's records: the dataset's checks need the whole (the
 * study's ten cities and regions, every source cited), and `civiscope study --dataset` or
 * `compare --dataset` on the file then show the user's figures among everyone's.
 *
 * The user's records are told apart by their sources (see USER_DATA.md in this folder):
 * - accounts from the overlay cite a source `overlay-…` (made by lib/overlay's applyOverlay: site
 *   read on a date → kind `official`; added by hand or imported → kind `user`); so do absence
 *   checks (`overlay-absent-…`) and participatory platforms found on a site (`overlay-participation-…`);
 * - figures read in this browser cite `browser-<day>` (a page the user opened) or
 *   `browser-refresh-<day>` (a group refresh the user started), kind `user`; the figure's `note`
 *   keeps the exact reading time and page: `read at <ISO datetime> on <url>`;
 * - the source `civiscope-user-data` marks the file and its format version (`url`).
 */

export const USER_DATA_FORMAT = 1;
export const USER_DATA_MARKER = 'civiscope-user-data';
export const USER_DATA_URN = `urn:civiscope:user-data:${USER_DATA_FORMAT}`;

/** Source id of the readings of one day. */
export function readingSourceId(o: Pick<Observation, 'at' | 'origin'>): string {
  return `${o.origin === 'refreshed' ? 'browser-refresh' : 'browser'}-${o.at.slice(0, 10)}`;
}

export const isReadingSource = (id: string) => /^browser-(refresh-)?\d{4}-\d{2}-\d{2}$/.test(id);

export function readingNote(o: Pick<Observation, 'at' | 'url'>): string {
  return `read at ${o.at} on ${o.url}`;
}

const NOTE = /^read at (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) on (https?:\/\/\S+)$/;

export function parseReadingNote(note: string | undefined): { at: string; url: string } | null {
  const m = note ? NOTE.exec(note) : null;
  return m ? { at: m[1] as string, url: m[2] as string } : null;
}

export interface UserDataExport {
  /** The merged dataset, as written. */
  dataset: Dataset;
  /** The file's text (canonical dataset form). */
  text: string;
  fileName: string;
  /** Overlay accounts written. */
  accounts: number;
  /** Readings written as figures. */
  figures: number;
  /**
   * Readings left out: their account is not in the merged dataset (an overlay account waiting for
   * the user's choice in a conflict, or an institution this edition does not have).
   */
  readingsLeftOut: number;
  /** Overlay accounts left out because they collide with a bundled one and the user has not chosen yet. */
  conflictsLeftOut: number;
  /** The user's "absent as of a date" checks written (entities' `checkedAbsent`, source `overlay-absent-…`). */
  absences: number;
  /**
   * Checks left out: an account (bundled or added) answers the question, a newer bundled check
   * wins, or the institution is not in this edition — as lib/overlay's applyOverlay decides.
   */
  absencesLeftOut: number;
  /** Participatory platforms found on official sites written (entities' `participation`, source `overlay-participation-…`). */
  participation: number;
  /** Left out: the edition already lists that platform for the institution, or does not have the institution. */
  participationLeftOut: number;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Pure: the user's data as a dataset file. `now` (ISO datetime) dates the file. */
export function exportUserData(
  dataset: Dataset,
  overlay: Overlay,
  observations: readonly Observation[],
  now: string,
): UserDataExport {
  const day = now.slice(0, 10);
  // A fixed order makes the file depend on what the user has, not on the order they added it in.
  const sortedOverlay: Overlay = {
    ...overlay,
    accounts: [...overlay.accounts].sort(
      (a, b) => compareText(a.entityId, b.entityId) || compareText(a.platform, b.platform) || compareText(a.key, b.key),
    ),
    ...(overlay.participation
      ? {
          participation: [...overlay.participation].sort(
            (a, b) => compareText(a.entityId, b.entityId) || compareText(a.url, b.url),
          ),
        }
      : {}),
  };
  // English titles: the dataset's sources are written in English, whatever the interface language.
  const applied = applyOverlay(dataset, sortedOverlay, 'en');
  const sources: Record<string, Source> = { ...applied.dataset.sources };
  sources[USER_DATA_MARKER] = {
    title: `Civiscope: the data of one browser (accounts the user added or found, figures read in the browser), exported on ${day}, over dataset edition ${dataset.edition.id}`,
    url: USER_DATA_URN,
    date: day,
    kind: 'user',
  };

  const entities = new Map(
    applied.dataset.entities.map((e) => [e.id, { ...e, accounts: e.accounts.map((a) => ({ ...a })) }]),
  );
  let figures = 0;
  let readingsLeftOut = 0;
  const sorted = [...observations].sort((a, b) => compareText(a.at, b.at) || compareText(a.key, b.key));
  for (const o of sorted) {
    const account = entities.get(o.entityId)?.accounts.find((a) => a.platform === o.platform && a.key === o.key);
    if (!account) {
      readingsLeftOut++;
      continue;
    }
    const sourceId = readingSourceId(o);
    sources[sourceId] ??= {
      title:
        o.origin === 'refreshed'
          ? `Read in this browser on ${o.at.slice(0, 10)}, during a group refresh the user started`
          : `Read in this browser on ${o.at.slice(0, 10)}, on a page the user opened`,
      date: o.at.slice(0, 10),
      kind: 'user',
    };
    const figure: Figure = {
      metric: o.metric,
      value: o.value,
      date: o.at.slice(0, 10),
      precision: o.precision,
      source: sourceId,
      note: readingNote(o),
    };
    account.figures = [...(account.figures ?? []), figure];
    figures++;
  }

  const merged: Dataset = {
    ...applied.dataset,
    sources,
    entities: applied.dataset.entities.map((e) => entities.get(e.id) ?? e),
  };
  const overlayAccounts = merged.entities.reduce(
    (n, e) => n + e.accounts.filter((a) => a.sources.some((s) => s.startsWith('overlay-'))).length,
    0,
  );
  const overlayAbsences = merged.entities.reduce(
    (n, e) => n + (e.checkedAbsent ?? []).filter((c) => c.source.startsWith('overlay-')).length,
    0,
  );
  const overlayParticipation = merged.entities.reduce(
    (n, e) => n + (e.participation ?? []).filter((p) => p.sources.some((s) => s.startsWith('overlay-'))).length,
    0,
  );
  return {
    dataset: merged,
    text: formatDataFile(merged),
    fileName: `civiscope_my-data_${day}.json`,
    accounts: overlayAccounts,
    figures,
    readingsLeftOut,
    conflictsLeftOut: applied.conflicts.length,
    absences: overlayAbsences,
    absencesLeftOut: overlay.absences.length - overlayAbsences,
    participation: overlayParticipation,
    participationLeftOut: (overlay.participation?.length ?? 0) - overlayParticipation,
  };
}
