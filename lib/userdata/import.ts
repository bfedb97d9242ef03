import { checkDataset } from '../dataset/check';
import type { Account, Dataset, Entity, Source } from '../dataset/schema';
import type { Observation } from '../history/observation';
import { MAX_PER_ACCOUNT } from '../history/observations';
import { catalog } from '../i18n';
import { addAbsences, addAccounts, addParticipation } from '../overlay/overlay';
import { participationKey } from '../overlay/participation';
import type { Overlay, OverlayAbsence, OverlayAccount, OverlayParticipation, OverlaySource } from '../overlay/types';
import { isReadingSource, parseReadingNote, USER_DATA_FORMAT, USER_DATA_MARKER } from './export';
import { scanJson } from './json-scan';

/**
 * "Importer": reads a file made by exportUserData (one's own, or a colleague's). Everything is
 * checked before anything is merged: any problem lists the record and field, and the import stops.
 * Then the file's records are set against what the user has: new ones are added, identical ones
 * are left alone (importing the same file twice changes nothing), and differing ones are shown as
 * conflicts for the user to settle. Pure: the caller reads the file and saves the result.
 */

/** Files above this size are refused before being read or parsed. The largest history the browser keeps (400 readings on each of ≈ 170 listed accounts) exports to ≈ 21 MB. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** A dataset file nests 7 levels deep; anything much deeper is not one. */
export const MAX_IMPORT_DEPTH = 12;

export interface ImportProblem {
  /** Record and field, as `civiscope dataset check` names them; `(file)` for the file as a whole. */
  path: string;
  message: string;
}

export interface CurrentUserData {
  overlay: Overlay;
  observations: readonly Observation[];
}

export type ImportConflict =
  | { id: string; kind: 'account'; current: OverlayAccount; incoming: OverlayAccount }
  | { id: string; kind: 'reading'; current: Observation; incoming: Observation };

export interface ImportPlan {
  add: {
    accounts: OverlayAccount[];
    observations: Observation[];
    absences: OverlayAbsence[];
    participation: OverlayParticipation[];
  };
  conflicts: ImportConflict[];
  unchanged: { accounts: number; observations: number; absences: number; participation: number };
  /** What the plan was made against: applyImport merges into it. */
  base: CurrentUserData;
}

export type ImportResult = { problems: ImportProblem[] } | { plan: ImportPlan };

/** Per conflict id: keep what the user has (the default) or take the file's. */
export type ImportChoices = Record<string, 'keep' | 'replace'>;

export interface ImportContext {
  /** The file's name, for accounts whose provenance the file does not say. */
  file?: string;
  /** ISO datetime of the import. */
  now?: string;
}

/** Size check to run on a File before reading it. */
export function importSizeProblem(bytes: number): ImportProblem | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return { path: '(file)', message: `the file is ${mb(bytes)}; files above ${mb(MAX_IMPORT_BYTES)} are refused` };
}

/** Text a spreadsheet would run as a formula (the CSV export neutralises it; an import refuses it). */
const FORMULA = /^[=+\-@\t\r]/;

const isOverlaySource = (id: string) => id.startsWith('overlay-');

export function parseImport(
  text: string,
  dataset: Dataset,
  current: CurrentUserData,
  context: ImportContext = {},
): ImportResult {
  // 1. Size, then structure, before JSON.parse sees anything. A UTF-16 length bounds the UTF-8 size from below.
  const tooBig = importSizeProblem(text.length);
  if (tooBig) return { problems: [tooBig] };
  const structure = scanJson(text, { maxDepth: MAX_IMPORT_DEPTH });
  if (structure.length > 0) return { problems: structure };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '(file)', message: `not JSON: ${(error as Error).message}` }] };
  }

  // 2. Is it a Civiscope data export, and of a version this code reads?
  const versionProblem = checkVersion(json);
  if (versionProblem) return { problems: [versionProblem] };

  // 3. The dataset's own checks: schema, ids, sources, account keys against their URLs…
  const problems: ImportProblem[] = checkDataset(json).map((p) => ({ path: p.path, message: p.message }));
  if (problems.length > 0) return { problems };
  const file = json as Dataset;

  // 4. The user's records, and what a dataset check cannot know: our own dataset.
  const records = userRecords(file, dataset, current, context, problems);
  if (problems.length > 0) return { problems };
  return { plan: plan(records, dataset, current) };
}

function checkVersion(json: unknown): ImportProblem | null {
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return { path: '(root)', message: 'not a Civiscope data file (expected a JSON object)' };
  const root = json as Record<string, unknown>;
  if (typeof root.$schema === 'string')
    return {
      path: '$schema',
      message: `this is a Civiscope export of another kind (${root.$schema}), not an export of your data`,
    };
  const sources = root.sources;
  const marker =
    sources && typeof sources === 'object' && Object.hasOwn(sources, USER_DATA_MARKER)
      ? (sources as Record<string, unknown>)[USER_DATA_MARKER]
      : undefined;
  const urn = marker && typeof marker === 'object' ? (marker as Record<string, unknown>).url : undefined;
  if (typeof urn !== 'string')
    return {
      path: `sources.${USER_DATA_MARKER}`,
      message: 'not an export of your data from Civiscope (its marker source is missing)',
    };
  const m = /^urn:civiscope:user-data:(\d+)$/.exec(urn);
  if (!m) return { path: `sources.${USER_DATA_MARKER}.url`, message: `unknown format "${urn}"` };
  if (Number(m[1]) !== USER_DATA_FORMAT)
    return {
      path: `sources.${USER_DATA_MARKER}.url`,
      message: `format version ${m[1]}; this version of Civiscope reads version ${USER_DATA_FORMAT}`,
    };
  return null;
}

interface Records {
  accounts: OverlayAccount[];
  observations: Observation[];
  absences: OverlayAbsence[];
  participation: OverlayParticipation[];
}

/** A template of the catalog as a pattern: 'added by you on {date}' → /^added by you on (?<date>.+)$/. */
function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{(\w+)\}/g, '(?<$1>.+)')}$`);
}

/** The overlay provenance a source record written by applyOverlay stands for. */
function provenance(source: Source, context: ImportContext): OverlaySource | string {
  if (!source.date) return 'the source has no date';
  if (source.kind === 'official') {
    if (!source.url || !/^https?:\/\//.test(source.url)) return 'an official-site source needs the site’s URL';
    return { kind: 'official-site', url: source.url, readAt: source.date };
  }
  if (source.kind !== 'user') return `a source of kind "${source.kind}" cannot come from the user`;
  // applyOverlay writes these titles from the English catalog (lib/userdata/export.ts asks for English).
  const en = catalog('en');
  const user = templatePattern(en['overlay.source.user']).exec(source.title);
  if (user) return { kind: 'user', addedAt: source.date };
  const imported = templatePattern(en['overlay.source.import']).exec(source.title);
  if (imported?.groups?.file) return { kind: 'import', file: imported.groups.file, importedAt: source.date };
  return { kind: 'import', file: context.file ?? 'import', importedAt: (context.now ?? source.date).slice(0, 10) };
}

function userRecords(
  file: Dataset,
  dataset: Dataset,
  current: CurrentUserData,
  context: ImportContext,
  problems: ImportProblem[],
): Records {
  const add = (path: string, message: string) => problems.push({ path, message });
  const ours = new Map(dataset.entities.map((e) => [e.id, e]));
  const inFile = new Map(file.entities.map((e) => [e.id, e]));

  // Only what the import takes in is checked: the user's sources (bundled text is not imported).
  for (const [id, s] of Object.entries(file.sources))
    if ((isOverlaySource(id) || isReadingSource(id) || id === USER_DATA_MARKER) && FORMULA.test(s.title))
      add(`sources.${id}.title`, 'looks like a spreadsheet formula');

  const accounts: OverlayAccount[] = [];
  const absences: OverlayAbsence[] = [];
  const participation: OverlayParticipation[] = [];
  const observations = new Map<string, Observation>();
  file.entities.forEach((e, i) => {
    const at = `entities[${i}] (${e.id})`;
    for (const [field, text] of [
      ['name', e.name],
      ['shortName', e.shortName],
    ] as const) {
      for (const lang of ['fr', 'en'] as const) {
        const value = text?.[lang];
        if (value && FORMULA.test(value)) add(`${at}.${field}.${lang}`, 'looks like a spreadsheet formula');
      }
    }
    const userAccounts = e.accounts.filter((a) => a.sources.some(isOverlaySource));
    const userFigures = e.accounts.flatMap((a) => (a.figures ?? []).filter((f) => isReadingSource(f.source)));
    // "Absent as of a date" checks the user's site readings added (applyOverlay cites `overlay-absent-…`).
    const userAbsences = (e.checkedAbsent ?? []).filter((c) => isOverlaySource(c.source));
    // Participatory platforms found on an official site (applyOverlay cites `overlay-participation-…`).
    const userParticipation = (e.participation ?? []).filter((p) => p.sources.some(isOverlaySource));
    if (userAccounts.length + userFigures.length + userAbsences.length + userParticipation.length === 0) return;
    const entity = ours.get(e.id);
    if (!entity) {
      add(
        `${at}.id`,
        `unknown entity "${e.id}": this Civiscope's dataset (edition ${dataset.edition.id}) has no such institution`,
      );
      return;
    }
    (e.checkedAbsent ?? []).forEach((c, j) => {
      if (!isOverlaySource(c.source)) return;
      const source = file.sources[c.source];
      const from = source ? provenance(source, context) : `unknown source "${c.source}"`;
      if (typeof from === 'string' || from.kind !== 'official-site')
        add(
          `${at}.checkedAbsent[${j}] (${c.platform}).source`,
          typeof from === 'string' ? from : 'an absence you recorded cites the official site that was read',
        );
      // The file keeps the day only: the reading counts from the day's start (UTC).
      else absences.push({ entityId: e.id, platform: c.platform, url: c.url, checkedAt: `${c.date}T00:00:00.000Z` });
    });
    (e.participation ?? []).forEach((p, j) => {
      const sourceId = p.sources.find(isOverlaySource);
      if (!sourceId) return;
      const path = `${at}.participation[${j}]`;
      if (p.confidence !== 'confirmed') {
        add(
          `${path}.confidence`,
          `a participatory platform found on an official site is "confirmed", not "${p.confidence}"`,
        );
        return;
      }
      const source = file.sources[sourceId];
      const from = source ? provenance(source, context) : `unknown source "${sourceId}"`;
      if (typeof from === 'string' || from.kind !== 'official-site')
        add(
          `${path}.sources`,
          typeof from === 'string'
            ? from
            : 'a participatory platform you recorded cites the official site that was read',
        );
      // The file keeps the day only: the reading counts from the day's start (UTC).
      else
        participation.push({
          entityId: e.id,
          url: p.url,
          ...(p.software ? { software: p.software } : {}),
          source: { kind: 'official-site', url: from.url, readAt: `${from.readAt.slice(0, 10)}T00:00:00.000Z` },
        });
    });
    e.accounts.forEach((a, j) => {
      const here = `${at}.accounts[${j}] (${a.platform}:${a.key})`;
      const overlaySources = a.sources.filter(isOverlaySource);
      if (overlaySources.length > 0) {
        const made = toOverlayAccount(e, a, overlaySources[0] as string, file, ours, inFile, context);
        if (typeof made === 'string') add(`${here}.sources`, made);
        else accounts.push(made);
      }
      (a.figures ?? []).forEach((f, k) => {
        if (!isReadingSource(f.source)) return;
        const fig = `${here}.figures[${k}]`;
        if (!f.date || !/^\d{4}-\d{2}-\d{2}$/.test(f.date)) {
          add(`${fig}.date`, 'a reading made in a browser has a full date (YYYY-MM-DD)');
          return;
        }
        if (f.note && FORMULA.test(f.note)) add(`${fig}.note`, 'looks like a spreadsheet formula');
        // The history keeps safe integers only (lib/history drops anything else when it loads).
        if (!Number.isSafeInteger(f.value)) {
          add(`${fig}.value`, `${f.value} is not a count this browser can keep`);
          return;
        }
        const known =
          overlaySources.length > 0 ||
          entity.accounts.some((x) => x.platform === a.platform && x.key === a.key) ||
          current.overlay.accounts.some((x) => x.entityId === e.id && x.platform === a.platform && x.key === a.key);
        if (!known) {
          add(
            here,
            `unknown account ${a.platform}:${a.key} of ${e.id} (not in this Civiscope's dataset nor among your accounts)`,
          );
          return;
        }
        const note = parseReadingNote(f.note);
        // Without the note only the day is known: the reading counts from the day's start (UTC).
        const reading: Observation = {
          entityId: e.id,
          platform: a.platform,
          key: a.key,
          metric: f.metric,
          value: f.value,
          precision: f.precision,
          at: note?.at ?? `${f.date}T00:00:00.000Z`,
          url: note?.url ?? a.url,
          ...(f.source.startsWith('browser-refresh-') ? { origin: 'refreshed' as const } : {}),
        };
        // One reading per account, metric and day, as the history keeps them: the latest wins.
        const id = readingId(reading);
        const prior = observations.get(id);
        if (!prior || prior.at < reading.at) observations.set(id, reading);
      });
    });
  });
  return { accounts, observations: [...observations.values()], absences, participation };
}

function toOverlayAccount(
  entity: Entity,
  account: Account,
  sourceId: string,
  file: Dataset,
  ours: ReadonlyMap<string, Entity>,
  inFile: ReadonlyMap<string, Entity>,
  context: ImportContext,
): OverlayAccount | string {
  if (account.confidence !== 'confirmed' && account.confidence !== 'user')
    return `an account you added is "confirmed" (found on the official site) or "user" (added by hand), not "${account.confidence}"`;
  const source = file.sources[sourceId];
  if (!source) return `unknown source "${sourceId}"`;
  const from = provenance(source, context);
  if (typeof from === 'string') return `${sourceId}: ${from}`;
  // "Use mine": a bundled account this one replaced is missing from the file where ours has it.
  const replaces: string[] = [];
  for (const other of ours.values()) {
    for (const b of other.accounts) {
      if (b.platform !== account.platform) continue;
      const collides = other.id === entity.id ? b.key !== account.key : b.key === account.key;
      if (!collides) continue;
      const stillThere = inFile.get(other.id)?.accounts.some((x) => x.platform === b.platform && x.key === b.key);
      if (!stillThere && !replaces.includes(b.key)) replaces.push(b.key);
    }
  }
  return {
    entityId: entity.id,
    platform: account.platform,
    key: account.key,
    url: account.url,
    confidence: account.confidence,
    source: from,
    ...(replaces.length > 0 ? { replaces: replaces.sort() } : {}),
  };
}

const readingId = (o: Observation) => `${o.platform} ${o.key} ${o.metric} ${o.at.slice(0, 10)}`;

/** What an export can say about an overlay account: two that agree on it are the same. */
function sameAccountData(a: OverlayAccount, b: OverlayAccount): boolean {
  const day = (s: OverlaySource) =>
    s.kind === 'official-site'
      ? `site ${s.url} ${s.readAt.slice(0, 10)}`
      : s.kind === 'user'
        ? `user ${s.addedAt.slice(0, 10)}`
        : `import ${s.file} ${s.importedAt.slice(0, 10)}`;
  return (
    a.entityId === b.entityId &&
    a.url === b.url &&
    a.confidence === b.confidence &&
    day(a.source) === day(b.source) &&
    [...(a.replaces ?? [])].sort().join(' ') === [...(b.replaces ?? [])].sort().join(' ')
  );
}

function plan(records: Records, dataset: Dataset, current: CurrentUserData): ImportPlan {
  const out: ImportPlan = {
    add: { accounts: [], observations: [], absences: [], participation: [] },
    conflicts: [],
    unchanged: { accounts: 0, observations: 0, absences: 0, participation: 0 },
    base: current,
  };
  for (const incoming of records.accounts) {
    const mine = current.overlay.accounts.find((a) => a.platform === incoming.platform && a.key === incoming.key);
    const bundled = dataset.entities
      .find((e) => e.id === incoming.entityId)
      ?.accounts.some((a) => a.platform === incoming.platform && a.key === incoming.key);
    if (mine) {
      if (sameAccountData(mine, incoming)) out.unchanged.accounts++;
      else
        out.conflicts.push({
          id: `account:${incoming.platform}:${incoming.key}`,
          kind: 'account',
          current: mine,
          incoming,
        });
    } else if (bundled) out.unchanged.accounts++;
    else out.add.accounts.push(incoming);
  }
  // An absence is evidence of a day, not a record to settle: the newer reading of a platform wins.
  for (const incoming of records.absences) {
    const mine = current.overlay.absences.find(
      (a) => a.entityId === incoming.entityId && a.platform === incoming.platform,
    );
    if (mine && mine.checkedAt.slice(0, 10) >= incoming.checkedAt.slice(0, 10)) out.unchanged.absences++;
    else out.add.absences.push(incoming);
  }
  // Like an absence, a platform found on a site is evidence of a day: the newer reading wins, and one
  // the edition already lists for the institution adds nothing.
  for (const incoming of records.participation) {
    const key = participationKey(incoming.url);
    const mine = (current.overlay.participation ?? []).find(
      (p) => p.entityId === incoming.entityId && participationKey(p.url) === key,
    );
    const bundled = dataset.entities
      .find((e) => e.id === incoming.entityId)
      ?.participation?.some((p) => participationKey(p.url) === key);
    if (bundled || (mine && mine.source.readAt.slice(0, 10) >= incoming.source.readAt.slice(0, 10)))
      out.unchanged.participation++;
    else out.add.participation.push(incoming);
  }
  const mineReadings = new Map(current.observations.map((o) => [readingId(o), o]));
  for (const incoming of records.observations) {
    const mine = mineReadings.get(readingId(incoming));
    if (!mine) out.add.observations.push(incoming);
    else if (mine.value === incoming.value && mine.precision === incoming.precision) out.unchanged.observations++;
    else
      out.conflicts.push({
        id: `reading:${readingId(incoming).replace(/ /g, ':')}`,
        kind: 'reading',
        current: mine,
        incoming,
      });
  }
  return out;
}

/**
 * The history's own rules (lib/history/observations addObservation: one reading per account,
 * metric and UTC day, the added one winning; at most MAX_PER_ACCOUNT per account, oldest dropped;
 * sorted by time) applied to many readings at once: adding them one by one re-sorts the whole
 * history each time, which takes minutes for a large file.
 */
function mergeReadings(base: readonly Observation[], added: readonly Observation[]): Observation[] {
  const byId = new Map<string, Observation>();
  for (const o of base) byId.set(readingId(o), o);
  for (const o of added) byId.set(readingId(o), o);
  const all = [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
  const perAccount = new Map<string, number>();
  for (const o of all) perAccount.set(`${o.platform} ${o.key}`, (perAccount.get(`${o.platform} ${o.key}`) ?? 0) + 1);
  // Drop each account's oldest readings beyond the cap: walk oldest first, counting down the excess.
  const excess = new Map([...perAccount].map(([k, n]) => [k, Math.max(0, n - MAX_PER_ACCOUNT)]));
  return all.filter((o) => {
    const k = `${o.platform} ${o.key}`;
    const left = excess.get(k) ?? 0;
    if (left === 0) return true;
    excess.set(k, left - 1);
    return false;
  });
}

export interface AppliedImport {
  overlay: Overlay;
  observations: Observation[];
  added: number;
  replaced: number;
}

/** Pure: the user's data after the import, conflicts settled by `choices` (missing choice: keep). */
export function applyImport(importPlan: ImportPlan, choices: ImportChoices): AppliedImport {
  const replaced = importPlan.conflicts.filter((c) => choices[c.id] === 'replace');
  const accounts = [...importPlan.add.accounts, ...replaced.flatMap((c) => (c.kind === 'account' ? [c.incoming] : []))];
  const readings = [
    ...importPlan.add.observations,
    ...replaced.flatMap((c) => (c.kind === 'reading' ? [c.incoming] : [])),
  ];
  const observations = mergeReadings(importPlan.base.observations, readings);
  const withAccounts = accounts.length > 0 ? addAccounts(importPlan.base.overlay, accounts) : importPlan.base.overlay;
  const { absences, participation } = importPlan.add;
  const withAbsences = absences.length > 0 ? addAbsences(withAccounts, absences) : withAccounts;
  return {
    overlay: participation.length > 0 ? addParticipation(withAbsences, participation) : withAbsences,
    observations,
    added: importPlan.add.accounts.length + importPlan.add.observations.length + absences.length + participation.length,
    replaced: replaced.length,
  };
}
