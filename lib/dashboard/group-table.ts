import { accountFigures, type FigureRef, mainAccount } from '../compare';
import { isValidOn } from '../compare/dates';
import type { Account, Dataset, Entity, Group } from '../dataset';
import type { Observation } from '../history/observation';
import type { Lang } from '../i18n';
import { entityName } from '../i18n/format';
import { isOverlaySourced } from '../overlay/apply';
import { PLATFORM_IDS, type PlatformId } from '../platforms/types';
import { foldText, matchesQuery } from './text';

/**
 * The groups in the dashboard's order: the 2012 study's local groups first. Kept here rather than
 * imported from the dataset schema so that the page does not ship the schema library.
 */
export const DASHBOARD_GROUPS: readonly Group[] = ['city', 'region', 'ministry', 'minister', 'executive'];

/**
 * Where the newest figure of a cell comes from, finer than the comparison's `origin`: a reading of
 * this browser is either a page the user visited or one a group refresh opened.
 */
export type CellOrigin = 'dataset' | 'visit' | 'refreshed';

export interface AccountCell {
  platform: PlatformId;
  /** The account the comparison uses for the institution on this platform. */
  account: Account;
  /** Other accounts listed on the same platform. */
  others: number;
  /** The account comes from the user's overlay (added by hand, found on the official site, imported). */
  fromOverlay: boolean;
  /** The newest figure, chosen as the comparison chooses it; null when none is known. */
  figure: FigureRef | null;
  origin: CellOrigin | null;
  /** figure × 1000 ÷ population, when both exist. */
  perThousand: number | null;
}

export interface GroupRow {
  entity: Entity;
  /** Names (fr, en, short) folded for the filter. */
  search: string;
  population: number | null;
  cohort2012: boolean;
  cells: Partial<Record<PlatformId, AccountCell>>;
}

export interface GroupTable {
  group: Group;
  rows: GroupRow[];
  /** Entities of the group no longer (or not yet) current, left out (former ministers). */
  notCurrent: number;
  /** The group has a 2012 study cohort (cities, regions). */
  hasStudyCohort: boolean;
  /** Populations exist for the group (cities, regions). */
  hasPopulation: boolean;
}

/** The table of one group: current institutions, each platform's main account and newest figure. Pure. */
export function buildGroupTable(
  dataset: Dataset,
  group: Group,
  observations: readonly Observation[],
  today: string,
): GroupTable {
  const members = dataset.entities.filter((e) => e.group === group);
  const current = members.filter((e) => isValidOn(e.validFrom, e.validTo, today));
  // Only readings of the group's accounts matter; filtering once keeps 42 × 11 cells fast.
  const ids = new Set(current.map((e) => e.id));
  const relevant = observations.filter((o) => ids.has(o.entityId));
  const rows = current.map((entity): GroupRow => {
    const own = relevant.filter((o) => o.entityId === entity.id);
    const population = entity.population?.value ?? null;
    const cells: GroupRow['cells'] = {};
    for (const platform of PLATFORM_IDS) {
      const listed = entity.accounts.filter((a) => a.platform === platform);
      if (listed.length === 0) continue;
      const account = mainAccount(entity, platform, own) ?? (listed[0] as Account);
      const figure = accountFigures(entity, account, own)[0] ?? null;
      cells[platform] = {
        platform,
        account,
        others: listed.length - 1,
        fromOverlay: isOverlaySourced(account),
        figure,
        origin: figure ? originOf(figure) : null,
        perThousand: figure && population ? (figure.value * 1000) / population : null,
      };
    }
    const names = [entity.name.fr, entity.name.en, entity.shortName?.fr, entity.shortName?.en];
    return {
      entity,
      search: foldText(names.filter(Boolean).join(' ')),
      population,
      cohort2012: entity.cohort2012 === true,
      cells,
    };
  });
  return {
    group,
    rows,
    notCurrent: members.length - current.length,
    hasStudyCohort: current.some((e) => e.cohort2012 === true),
    hasPopulation: current.some((e) => e.population !== undefined),
  };
}

// The comparison already tells a refreshed reading from a visit; a page reading counts as a visit.
function originOf(figure: FigureRef): CellOrigin {
  if (figure.origin === 'refreshed') return 'refreshed';
  if (figure.origin === 'observed' || figure.origin === 'page') return 'visit';
  return 'dataset';
}

/** A column: the institution's name, its population, a platform's figure or its figure per 1,000 inhabitants. */
export type SortKey = 'name' | 'population' | PlatformId | `${PlatformId}:perThousand`;
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

function sortValue(row: GroupRow, key: SortKey): number | null {
  if (key === 'population') return row.population;
  if (key === 'name') return null;
  const [platform, which] = key.split(':') as [PlatformId, string | undefined];
  const cell = row.cells[platform];
  if (!cell) return null;
  return which === 'perThousand' ? cell.perThousand : (cell.figure?.value ?? null);
}

/**
 * Rows sorted by a column. Names sort in the language's collation; figures numerically. Rows
 * without a value go last whatever the direction: "missing" is not "smallest". Ties by name.
 */
export function sortRows(rows: readonly GroupRow[], sort: SortState, lang: Lang): GroupRow[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const byName = (a: GroupRow, b: GroupRow) => collator.compare(entityName(a.entity, lang), entityName(b.entity, lang));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * byName(a, b) || (a.entity.id < b.entity.id ? -1 : 1);
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return sign * (va - vb) || byName(a, b);
  });
}

/** Rows whose name matches the query (accents and case ignored), optionally the 2012 study's ten only. */
export function filterRows(rows: readonly GroupRow[], query: string, studyOnly: boolean): GroupRow[] {
  return rows.filter((r) => (!studyOnly || r.cohort2012) && matchesQuery(r.search, query));
}

export interface Coverage {
  institutions: number;
  /** Institutions with at least one account listed. */
  withAccount: number;
  /** Institutions with at least one figure known. */
  withFigure: number;
}

export function coverageOf(rows: readonly GroupRow[]): Coverage {
  const cells = (r: GroupRow) => Object.values(r.cells);
  return {
    institutions: rows.length,
    withAccount: rows.filter((r) => cells(r).length > 0).length,
    withFigure: rows.filter((r) => cells(r).some((c) => c.figure !== null)).length,
  };
}
