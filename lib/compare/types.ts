import type { Dataset, Entity, Group } from '../dataset';
import type { Observation } from '../history/observation';
import type { Metric, PlatformId, Precision } from '../platforms/types';

/**
 * The comparison engine's input and output. The output is plain JSON (no Date, no Map, no
 * undefined in required fields) so the popup, the exports and the command line can all use it
 * as is. Every rule is described in METHOD.md; `methodVersion` says which version produced it.
 */

/** The figure the account's page shows right now, read by the page reader. */
export interface LiveReading {
  value: number;
  metric: Metric;
  precision: Precision;
  /** ISO datetime of the reading. */
  readAt: string;
  url?: string;
}

export interface CompareInput {
  dataset: Dataset;
  entityId: string;
  platform: PlatformId;
  /**
   * Key of the account on screen, when the entity has several accounts on the platform.
   * Without it, the entity's main account is used (see METHOD.md, "Which account").
   */
  accountKey?: string;
  live?: LiveReading;
  /** Figures the user's browser read earlier, for any entity (non-matching ones are ignored). */
  observations?: readonly Observation[];
  /** Cities and regions: the 2012 study's cohort (default) or every entity of the group. */
  cohort?: 'study' | 'all';
  /** Today, ISO date (or datetime): injected so that results do not depend on the clock. */
  now: string;
}

export type LocalText = Entity['name'];
export type AccountStatus = Entity['accounts'][number]['status'];

/**
 * Where a figure comes from: the page on screen, an earlier reading by this browser (`observed`
 * when the user visited the page, `refreshed` when a group refresh the user started read it), or
 * the bundled dataset.
 */
export type Origin = 'page' | 'observed' | 'refreshed' | 'dataset';

/** One audience figure with everything needed to judge it. */
export interface FigureRef {
  value: number;
  metric: Metric;
  origin: Origin;
  /**
   * Date of the figure: `YYYY-MM-DD` for page and observed readings (UTC day of `at`); for
   * dataset figures as precise as the source (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). null: undated.
   */
  date: string | null;
  /** Page and observed readings: the full ISO datetime. */
  at: string | null;
  /** The figure was seen no later than `date` (it may be older). */
  onOrBefore: boolean;
  precision: Precision;
  /** Id of the dataset source (origin 'dataset'); null for readings made in the browser. */
  source: string | null;
  /** Page the value was read on (origins 'page' and 'observed'), when known. */
  url: string | null;
}

/**
 * Why a member has, or has not, a place in the ranking.
 * - ranked: it has a figure in the ranking metric.
 * - no-account: the dataset lists no account of it on the platform.
 * - account-closed: its account is closed; its last figure is shown in `setAside`, not ranked.
 * - no-figure: an account is listed but no figure is known.
 * - other-metric: it only has figures in another metric (Facebook page likes vs followers); see `setAside`.
 */
export type Standing = 'ranked' | 'no-account' | 'account-closed' | 'no-figure' | 'other-metric';

export interface AccountSummary {
  key: string;
  url: string;
  status: AccountStatus;
  statusSince: string | null;
}

export interface PopulationRef {
  value: number;
  /** INSEE vintage ("2023"). */
  vintage: string;
  source: string;
}

/** One entity of the cohort, on the compared platform. */
export interface CohortMember {
  /** Entity id. */
  entity: string;
  name: LocalText;
  shortName: LocalText | null;
  /** The entity being compared. */
  self: boolean;
  account: AccountSummary | null;
  standing: Standing;
  /** The figure ranked (null unless `standing` is 'ranked'); the fields below describe it. */
  value: number | null;
  metric: Metric | null;
  date: string | null;
  at: string | null;
  onOrBefore: boolean;
  origin: Origin | null;
  precision: Precision | null;
  source: string | null;
  url: string | null;
  /** A figure that exists but is not ranked (closed account, other metric). */
  setAside: FigureRef | null;
  /** Competition rank (1 = largest, ties share a rank); null when not ranked. */
  rank: number | null;
  /** Cities and regions. */
  population: PopulationRef | null;
  /** Figure per 1,000 inhabitants; null without a ranked figure or a population. */
  perThousand: number | null;
  perThousandRank: number | null;
}

export interface Extreme {
  value: number;
  /** Entity ids holding that value (several when tied), sorted. */
  entities: string[];
}

export interface PerInhabitant {
  /** The entity's figure per 1,000 inhabitants (null when it has no figure or no population). */
  value: number | null;
  rank: number | null;
  /** Members ranked per inhabitant (ranked members with a population). */
  ranked: number;
  median: number | null;
  ratioToMedian: number | null;
  /** The entity's population. */
  population: PopulationRef | null;
  /** Ranked members without a population, left out of this ranking. */
  withoutPopulation: string[];
  /** Distinct population vintages used, sorted. */
  vintages: string[];
}

/**
 * What is known of an institution on a platform: `present` (an active or unused account is
 * listed), `absent` (its official site was read on a date and linked none, or its account is
 * closed), or `unknown` (neither: the sources used did not say).
 */
export type PresenceState = 'present' | 'absent' | 'unknown';

/** Why a platform counts as absent, with its date and source. */
export interface AbsenceEvidence {
  /** `checked`: the official site was read and linked no account; `closed`: the listed account is closed. */
  reason: 'checked' | 'closed';
  /** Date of the reading, or since when the account is closed; null when the dataset has none. */
  date: string | null;
  /** The page read, or the closed account's URL. */
  url: string | null;
  /** Dataset source id of the check or of the closed account. */
  source: string | null;
}

export interface PlatformPresence {
  platform: PlatformId;
  state: PresenceState;
  /** state === 'present' (kept for readers of earlier exports). */
  has: boolean;
  /** Status of the entity's account(s): active > unused > closed; null when none is listed. */
  status: AccountStatus | null;
  url: string | null;
  /** For `absent`: the check or the closed account; null otherwise. */
  absence: AbsenceEvidence | null;
  /** Peers (cohort members other than the entity) present on the platform. */
  peersWith: number;
  /** Peers whose state on the platform is known (present or absent). */
  peersKnown: number;
  peers: number;
  /** peersWith / peersKnown, in [0, 1]; null when no peer's state is known. */
  share: number | null;
}

export interface Presence {
  /** One entry per platform, in PLATFORM_IDS order. */
  platforms: PlatformPresence[];
  /** Platforms where the entity is present. */
  used: number;
  /** Platforms where the entity's state is known (present or absent), out of 11. */
  known: number;
  /**
   * Median of `used` over the cohort members (entity included) whose state is known on every
   * platform; null when there is none. A member with an unknown platform has no known count.
   */
  cohortMedian: number | null;
  /** Cohort members (entity included) whose state is known on every platform. */
  membersKnown: number;
  /** Cohort members, entity included. */
  members: number;
}

export interface Participation {
  has: boolean;
  urls: string[];
  peersWith: number;
  peers: number;
  share: number | null;
}

/** A figure of the 2012 study edition (never used as a current figure). */
export interface Figure2012 {
  entity: string;
  platform: PlatformId;
  /** null when the study's record does not say. */
  metric: Metric | null;
  value: number;
  date: string | null;
  onOrBefore: boolean;
  precision: Precision;
  source: string | null;
  note: string | null;
}

export interface Study2012 {
  /** The dataset's study record id, null when the dataset carries no study. */
  study: string | null;
  title: LocalText | null;
  date: string | null;
  /** Findings of the study about the entity's group. */
  findings: { fr: string; en: string }[];
  /** The entity's own 2012 figure on the platform. */
  figure: Figure2012 | null;
  /** Change from the 2012 figure to the current one (needs both). */
  change: {
    from: number;
    to: number;
    /** to − from */
    absolute: number;
    /** to ÷ from; null when from is 0. */
    factor: number | null;
    /** The 2012 and current figures count different things (or the 2012 metric is unknown). */
    metricsDiffer: boolean;
  } | null;
  /** 2012 figures of cohort members on the platform (entity included). */
  cohortFigures: Figure2012[];
}

/** How the cohort was formed, beyond the default rule. */
export type CohortNote =
  /** The entity is not in the 2012 study's cohort; it was added to it. */
  | { code: 'outside-study' }
  /** The entity is no longer (or not yet) valid (a former minister); it was added to the current cohort. */
  | { code: 'not-current'; validFrom: string | null; validTo: string | null }
  /** No entity of the group carries the study flag: the whole group was used. */
  | { code: 'no-study-cohort' };

/**
 * Honesty flags: machine-readable, with the data a sentence needs. `entities` lists entity ids.
 * All of them concern the figures actually ranked, unless said otherwise.
 */
export type Flag =
  /** The entity has no ranked figure on this platform. */
  | { code: 'no-figure' }
  /** Peers left out of the ranking, whatever the reason (see each member's `standing`). */
  | { code: 'missing-figures'; entities: string[] }
  /** Figures older than one year on `now`. */
  | { code: 'stale'; entities: string[]; oldest: string }
  /** Ranked figures span more than DATE_SPAN_DAYS days. */
  | { code: 'dates-differ'; oldest: string; newest: string; spanDays: number }
  | { code: 'rounded'; entities: string[] }
  | { code: 'lower-bound'; entities: string[] }
  | { code: 'undated'; entities: string[] }
  | { code: 'on-or-before'; entities: string[] }
  /** Members set aside because their figures count something else than `metric`. */
  | { code: 'metric-mismatch'; metric: Metric; entities: string[] }
  | { code: 'account-closed'; since: string | null }
  | { code: 'account-unused'; since: string | null }
  /** Peers whose account on the platform is closed (not ranked). */
  | { code: 'peers-closed'; entities: string[] }
  /** Nobody else in the cohort has a figure: there is nothing to compare with. */
  | { code: 'single-member' }
  | { code: 'population-vintages-differ'; vintages: string[] }
  /** The live reading was unusable and was ignored. */
  | { code: 'live-ignored'; reason: 'bad-value' | 'bad-date' }
  /** The 2012 figure and the current one count different things. */
  | { code: 'study2012-metric-differs'; from: Metric | null; to: Metric };

export type FlagCode = Flag['code'];

/** The numbers a one-line summary needs; null when the entity is not ranked. */
export interface HeadlineData {
  rank: number;
  /** Members ranked. */
  of: number;
  tied: boolean;
  groupSize: number;
  group: Group;
  platform: PlatformId;
  /** ceil(rank ÷ of × 100): the entity is in the top `topPercent` % of ranked members. */
  topPercent: number;
  ratioToMedian: number | null;
}

export interface Comparison {
  methodVersion: string;
  datasetEdition: { id: string; date: string };
  /** The `now` the comparison was made for. */
  now: string;
  /** Entity id. */
  entity: string;
  name: LocalText;
  group: Group;
  platform: PlatformId;
  /** The entity's account on the platform; null when none is listed. */
  account: AccountSummary | null;
  /** The metric every ranked figure is in. */
  metric: Metric;
  /** 'study-2012': the 2012 study's cohort; 'all': every current entity of the group. */
  cohortRule: 'study-2012' | 'all';
  cohortNotes: CohortNote[];
  /** Cohort members, entity included: ranked ones by value (largest first), then the others by name. */
  cohort: CohortMember[];
  /** Members of the cohort, entity included. */
  groupSize: number;
  /** The entity's ranked figure; null when it has none. */
  figure: FigureRef | null;
  rank: number | null;
  /** Members with a figure in the ranking (entity included). */
  ranked: number;
  /** Peers not ranked (ids); reasons in each member's `standing`. */
  withoutFigure: string[];
  /**
   * Share of the other ranked members whose value is strictly smaller, plus half of those with
   * an equal value, × 100. null when the entity is not ranked or no other member is.
   */
  percentile: number | null;
  /** Median of ranked values (even count: mean of the two middle ones). */
  median: number | null;
  ratioToMedian: number | null;
  min: Extreme | null;
  max: Extreme | null;
  /** Dates of the ranked figures: oldest, newest, days between (dated figures only). */
  dates: { oldest: string; newest: string; spanDays: number } | null;
  /** Cities and regions only. */
  perInhabitant: PerInhabitant | null;
  presence: Presence;
  /** Cities and regions only. */
  participation: Participation | null;
  study2012: Study2012;
  flags: Flag[];
  headline: HeadlineData | null;
}
