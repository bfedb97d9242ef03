import type { Extreme, LocalText, Origin } from '../compare/types';
import type { Group } from '../dataset/schema';
import type { Metric, PlatformId, Precision } from '../platforms/types';

/**
 * The 2012 study re-run on today's data: one entry per finding, plain JSON (the CLI prints it as
 * is). `then` is what the study said (its own figures); `now` is the same measure on the dataset
 * (and this browser's readings), or says plainly that it is unknown or not measured.
 */

/** Version of the measures below; every export carries it beside the comparison method's. */
export const STUDY_MEASURES_VERSION = '1';

export const STUDY_FINDINGS = ['platforms', 'video', 'blogs', 'gap', 'participation', 'push'] as const;
export type StudyFindingId = (typeof STUDY_FINDINGS)[number];

/**
 * measured: a figure could be computed; unknown: the measure exists but the data lacks what it
 * needs (never filled with a guess); not-measured: Civiscope has no such measure yet.
 */
export type NowStatus = 'measured' | 'unknown' | 'not-measured';

/** Why a measure is not available. */
export type MissingReason =
  /** No institution of the group has a known presence (or absence) on any platform. */
  | 'no-presence-known'
  /** The dataset has no field for this (blogs). */
  | 'no-field'
  /** Civiscope does not measure this yet (push vs engagement). */
  | 'no-measure'
  /** The entity is not in the dataset. */
  | 'no-entity'
  /** The entity has no account listed on the platform. */
  | 'no-account'
  /** No figure on the platform for the entity / group. */
  | 'no-figure'
  /** No city carries the 2012 study flag: the ten cannot be told apart. */
  | 'no-study-cohort';

/** One platform in one group: who is known to be there, and who is known not to be. */
export interface PlatformTally {
  platform: PlatformId;
  /** Institutions with an active account on the platform. */
  present: number;
  /** Institutions whose only accounts there are unused or closed (they are there no longer). */
  inactive: number;
  /** Institutions checked absent (`checkedAbsent`) with no active account. */
  absent: number;
  /** present + inactive + absent: the institutions whose presence is known. */
  known: number;
  /** Members minus known. */
  unknown: number;
  /** present ÷ known; null when nothing is known. */
  share: number | null;
  presentEntities: string[];
}

export interface GroupPresence {
  group: Group;
  /** Institutions measured: the 2012 study's ten (cities, regions) or the current ones. */
  members: number;
  memberRule: 'study-2012' | 'current';
  /** One tally per platform, PLATFORM_IDS order. */
  platforms: PlatformTally[];
  /** Platforms with the most institutions present (several when tied); empty when none has any. */
  leaders: PlatformId[];
  /** Present on the leader(s). */
  leaderPresent: number;
  /**
   * True when no unknown could change the leader: the leader's present count exceeds every other
   * platform's present + unknown. False means the lead rests on what happens to be listed.
   */
  leaderCertain: boolean;
}

export interface PlatformsEntry {
  id: 'platforms';
  groups: Group[];
  finding: LocalText | null;
  then: { leader: 'x'; leaderName: 'Twitter'; groups: Group[]; source: string };
  now: { status: 'measured' | 'unknown'; reason?: MissingReason; byGroup: GroupPresence[] };
  dates: DateRange | null;
  sources: string[];
}

export interface VideoEntry {
  id: 'video';
  groups: Group[];
  finding: LocalText | null;
  then: { first: 'dailymotion'; platforms: ['dailymotion', 'youtube']; source: string };
  now: {
    status: 'measured' | 'unknown';
    reason?: MissingReason;
    /** Ministries and ministers; in each, the tallies of Dailymotion and YouTube only. */
    byGroup: GroupPresence[];
  };
  dates: DateRange | null;
  sources: string[];
}

export interface BlogsEntry {
  id: 'blogs';
  groups: Group[];
  finding: LocalText | null;
  then: { mostly: 'minister'; source: string };
  now: { status: 'not-measured'; reason: 'no-field' };
  dates: null;
  sources: string[];
}

/** A figure as the comparison engine picked it (newest, browser readings included). */
export interface FigureNow {
  value: number;
  metric: Metric;
  date: string | null;
  onOrBefore: boolean;
  precision: Precision;
  origin: Origin;
  /** Dataset source id; null for a reading made in this browser. */
  source: string | null;
  url: string | null;
  /** False when the figure counts something other than the group's ranking metric (not in max/median/min). */
  ranked: boolean;
}

export interface CityFigures {
  entity: string;
  name: LocalText | null;
  /** null: no figure known (see `reason`). */
  figure: FigureNow | null;
  reason?: MissingReason;
}

export interface GapEntry {
  id: 'gap';
  groups: Group[];
  finding: LocalText | null;
  then: {
    platform: 'facebook';
    metric: 'page-likes';
    high: { entity: string; name: string; value: 75000; precision: 'rounded' };
    low: { entity: string; name: string; value: 6500; precision: 'exact' };
    /** high ÷ low */
    ratio: number;
    date: string;
    source: string;
  };
  now: {
    status: 'measured' | 'unknown';
    reason?: MissingReason;
    high: CityFigures;
    low: CityFigures;
    /** high ÷ low when both are ranked in the same metric. */
    ratio: number | null;
    /** The 2012 study's ten cities on Facebook, in the ranking metric. */
    group: {
      metric: Metric;
      members: number;
      ranked: number;
      max: Extreme | null;
      median: number | null;
      min: Extreme | null;
      /** max ÷ min; null without two figures or when min is 0. */
      ratio: number | null;
    } | null;
  };
  dates: DateRange | null;
  sources: string[];
}

export interface ParticipationCity {
  entity: string;
  name: LocalText;
  urls: string[];
  /** Earliest `since` known. */
  since: string | null;
}

export interface ParticipationEntry {
  id: 'participation';
  groups: Group[];
  finding: LocalText | null;
  then: {
    count: 2;
    of: 10;
    entities: ['city-34172', 'city-33063'];
    names: ['Montpellier', 'Bordeaux'];
    source: string;
  };
  now: {
    status: 'measured' | 'unknown';
    reason?: MissingReason;
    /** Cities of the ten with a participatory platform listed. */
    count: number;
    of: number;
    /**
     * Always true: a city without one listed is "none found by our sources", not "none". The
     * count is at least this.
     */
    lowerBound: true;
    cities: ParticipationCity[];
  };
  dates: DateRange | null;
  sources: string[];
}

export interface PushEntry {
  id: 'push';
  groups: Group[];
  finding: LocalText | null;
  then: { state: 'push'; local: 'engagement'; source: string };
  now: { status: 'not-measured'; reason: 'no-measure' };
  dates: null;
  sources: string[];
}

export type StudyEntry = PlatformsEntry | VideoEntry | BlogsEntry | GapEntry | ParticipationEntry | PushEntry;

/** Oldest and newest date of the evidence an entry uses (sources' dates, figures' dates). */
export interface DateRange {
  from: string;
  to: string;
  /** Pieces of evidence without any date. */
  undated: number;
}

export interface StudyToday {
  datasetEdition: { id: string; date: string };
  methodVersion: string;
  studyMeasuresVersion: string;
  /** The `now` the measures were made for. */
  now: string;
  study: { id: string; title: LocalText; date: string; source: string } | null;
  entries: StudyEntry[];
}
