import type { Comparison, LocalText, PopulationRef } from '../compare/types';
import type { Account, Dataset, Entity, Group, Source } from '../dataset';
import type { CheckedAbsent } from '../dataset/schema';
import type { Metric, PlatformId, Precision } from '../platforms/types';
import { latestFigure, perThousandOf, pickSources, referencedSources } from './common';

/**
 * JSON exports: versioned documents described by JSON Schemas (draft 2020-12) next to this file.
 * `$schema` names the schema by its `$id`; bump `schemaVersion` (and the id) whenever a field's
 * meaning changes, so that a reader can tell which shape it holds.
 */
// Version 2 (method 2): presence has three states (present, absent as of a date, unknown) and
// shares are over the peers whose state is known; groups carry their checked-absent facts.
export const COMPARISON_SCHEMA_ID = 'urn:civiscope:schema:comparison-export:2';
export const GROUP_SCHEMA_ID = 'urn:civiscope:schema:group-export:2';

export interface ComparisonDocument {
  $schema: typeof COMPARISON_SCHEMA_ID;
  schemaVersion: 2;
  /** ISO datetime, given by the caller (exports never read the clock). */
  exportedAt: string;
  datasetEdition: Comparison['datasetEdition'];
  methodVersion: string;
  /** The comparison exactly as the popup shows it; every figure carries origin, date, precision and source. */
  comparison: Comparison;
  /** Dataset sources the comparison's figures and populations refer to, by id. */
  sources: Record<string, Source>;
}

export function comparisonDocument(
  comparison: Comparison,
  dataset: Dataset,
  options: { exportedAt: string },
): ComparisonDocument {
  const ids = new Set(referencedSources(comparison));
  // The entity's own figure, 2012 figures and presence also cite sources: include every one cited.
  if (comparison.figure?.source) ids.add(comparison.figure.source);
  for (const figure of comparison.study2012.cohortFigures) if (figure.source) ids.add(figure.source);
  if (comparison.study2012.figure?.source) ids.add(comparison.study2012.figure.source);
  for (const member of comparison.cohort) if (member.population) ids.add(member.population.source);
  for (const p of comparison.presence.platforms) if (p.absence?.source) ids.add(p.absence.source);
  return {
    $schema: COMPARISON_SCHEMA_ID,
    schemaVersion: 2,
    exportedAt: options.exportedAt,
    datasetEdition: comparison.datasetEdition,
    methodVersion: comparison.methodVersion,
    comparison,
    sources: pickSources(dataset, [...ids].sort()),
  };
}

/** The comparison document as text: two-space indentation, final newline. */
export function comparisonToJson(comparison: Comparison, dataset: Dataset, options: { exportedAt: string }): string {
  return `${JSON.stringify(comparisonDocument(comparison, dataset, options), null, 2)}\n`;
}

export interface GroupLatestFigure {
  value: number;
  metric: Metric;
  date: string | null;
  onOrBefore: boolean;
  precision: Precision;
  source: string;
  /** Figure per 1,000 inhabitants, for entities with a population; null otherwise. */
  perThousand: number | null;
}

export interface GroupAccount {
  platform: PlatformId;
  key: string;
  url: string;
  status: Account['status'];
  statusSince: string | null;
  /** How sure the listing is; `user` for an account the user added by hand (lib/overlay). */
  confidence: Account['confidence'];
  /** Sources the listing rests on (ids in `sources`): for the user's additions, "found on <site> on <date>" or "added by you". */
  listingSources: string[];
  /** Newest bundled figure (2012 study figures excluded); null when none is known. */
  latestFigure: GroupLatestFigure | null;
}

export interface GroupEntity {
  id: string;
  name: LocalText;
  shortName: LocalText | null;
  code: NonNullable<Entity['code']> | null;
  population: PopulationRef | null;
  /** Empty when the dataset lists no account: not found by its sources, not proof that none exists. */
  accounts: GroupAccount[];
  /** Platforms the official site linked no account on, when read; the others without an account are unknown. */
  checkedAbsent: CheckedAbsent[];
}

export interface GroupDocument {
  $schema: typeof GROUP_SCHEMA_ID;
  schemaVersion: 2;
  exportedAt: string;
  datasetEdition: { id: string; date: string };
  group: Group;
  entities: GroupEntity[];
  sources: Record<string, Source>;
}

export function groupDocument(dataset: Dataset, group: Group, options: { exportedAt: string }): GroupDocument {
  const ids = new Set<string>();
  const entities = dataset.entities
    .filter((entity) => entity.group === group)
    .map((entity): GroupEntity => {
      if (entity.population) ids.add(entity.population.source);
      return {
        id: entity.id,
        name: entity.name,
        shortName: entity.shortName ?? null,
        code: entity.code ?? null,
        population: entity.population ?? null,
        accounts: entity.accounts.map((account) => {
          const figure = latestFigure(account.figures);
          if (figure) ids.add(figure.source);
          for (const id of account.sources) ids.add(id);
          return {
            platform: account.platform,
            key: account.key,
            url: account.url,
            status: account.status,
            statusSince: account.statusSince ?? null,
            confidence: account.confidence,
            listingSources: account.sources,
            latestFigure: figure && {
              value: figure.value,
              metric: figure.metric,
              date: figure.date ?? null,
              onOrBefore: figure.onOrBefore ?? false,
              precision: figure.precision,
              source: figure.source,
              perThousand: perThousandOf(figure.value, entity.population?.value),
            },
          };
        }),
        checkedAbsent: (entity.checkedAbsent ?? []).map((c) => {
          ids.add(c.source);
          return { platform: c.platform, date: c.date, url: c.url, source: c.source };
        }),
      };
    });
  return {
    $schema: GROUP_SCHEMA_ID,
    schemaVersion: 2,
    exportedAt: options.exportedAt,
    datasetEdition: { id: dataset.edition.id, date: dataset.edition.date },
    group,
    entities,
    sources: pickSources(dataset, [...ids].sort()),
  };
}

export function groupToJson(dataset: Dataset, group: Group, options: { exportedAt: string }): string {
  return `${JSON.stringify(groupDocument(dataset, group, options), null, 2)}\n`;
}
