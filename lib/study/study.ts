import { tryCompareAccount } from '../compare/compare';
import { isValidOn } from '../compare/dates';
import { METHOD_VERSION } from '../compare/method';
import type { CohortMember } from '../compare/types';
import type { Dataset, Entity } from '../dataset';
import type { Group } from '../dataset/schema';
import type { Observation } from '../history/observation';
import { PLATFORM_IDS, type PlatformId } from '../platforms/types';
import {
  type BlogsEntry,
  type CityFigures,
  type DateRange,
  type FigureNow,
  type GapEntry,
  type GroupPresence,
  type ParticipationEntry,
  type PlatformsEntry,
  type PlatformTally,
  type PushEntry,
  STUDY_FINDINGS,
  STUDY_MEASURES_VERSION,
  type StudyFindingId,
  type StudyToday,
  type VideoEntry,
} from './types';

/** The study's four groups. The executive did not exist as a group in 2012. */
const STUDY_GROUPS: Group[] = ['ministry', 'minister', 'region', 'city'];

/** The institutions the study named, by their ids in the dataset. */
export const STUDY_ENTITIES = {
  lille: 'city-59350',
  toulouse: 'city-31555',
  montpellier: 'city-34172',
  bordeaux: 'city-33063',
} as const;

/** Used when a dataset carries no study record: the id the bundled dataset gives the study's source. */
const DEFAULT_STUDY_SOURCE = 'study-2012';

/**
 * The 2012 study's findings set beside the same measures on today's data. Pure: the dataset,
 * this browser's readings (may be empty) and today's date are arguments. Nothing is estimated:
 * a measure without data says `unknown`, a measure Civiscope does not have says `not-measured`.
 */
export function studyToday(dataset: Dataset, observations: readonly Observation[], now: string): StudyToday {
  const today = now.slice(0, 10);
  const study = dataset.study;
  const studySource = study?.source ?? DEFAULT_STUDY_SOURCE;
  const finding = (id: StudyFindingId) => findingText(dataset, id);
  return {
    datasetEdition: { id: dataset.edition.id, date: dataset.edition.date },
    methodVersion: METHOD_VERSION,
    studyMeasuresVersion: STUDY_MEASURES_VERSION,
    now,
    study: study ? { id: study.id, title: study.title, date: study.date, source: study.source } : null,
    entries: [
      platformsEntry(dataset, today, studySource, finding('platforms')),
      videoEntry(dataset, today, studySource, finding('video')),
      blogsEntry(studySource, finding('blogs')),
      gapEntry(dataset, observations, now, studySource, finding('gap')),
      participationEntry(dataset, today, studySource, finding('participation')),
      pushEntry(studySource, finding('push')),
    ],
  };
}

/**
 * The study record's findings carry no ids: they are written in the order of STUDY_FINDINGS
 * (lib/dataset/data/study.json), which a test checks against the bundled file.
 */
function findingText(dataset: Dataset, id: StudyFindingId) {
  const text = dataset.study?.findings[STUDY_FINDINGS.indexOf(id)]?.text;
  return text ? { fr: text.fr, en: text.en } : null;
}

// ---------------------------------------------------------------------------------------------
// Who is measured

/**
 * Cities and regions: the study's ten (flag `cohort2012`), as in 2012; without the flag, nobody can
 * tell which ten, and the whole current group is used (said by `memberRule`). Ministries and
 * ministers: those in office today (the 2012 government is long gone).
 */
function membersOf(
  dataset: Dataset,
  group: Group,
  today: string,
): { members: Entity[]; rule: 'study-2012' | 'current' } {
  const current = dataset.entities.filter((e) => e.group === group && isValidOn(e.validFrom, e.validTo, today));
  if (group === 'city' || group === 'region') {
    const ten = current.filter((e) => e.cohort2012 === true);
    if (ten.length > 0) return { members: ten, rule: 'study-2012' };
  }
  return { members: current, rule: 'current' };
}

// ---------------------------------------------------------------------------------------------
// Presence

interface Absence {
  platform: PlatformId;
  date: string | null;
  sources: string[];
}

/**
 * "Checked absent as of a date" entries, added to the schema by the discovery part. Read without
 * trusting their shape, so that this works before and after the field exists and whatever its
 * exact spelling of the date (`date` or `checkedAt`) and sources (`source` or `sources`).
 */
export function checkedAbsences(entity: Entity): Absence[] {
  const raw = (entity as { checkedAbsent?: unknown }).checkedAbsent;
  if (!Array.isArray(raw)) return [];
  const out: Absence[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    if (typeof r.platform !== 'string' || !PLATFORM_IDS.includes(r.platform as PlatformId)) continue;
    const date = typeof r.date === 'string' ? r.date : typeof r.checkedAt === 'string' ? r.checkedAt : null;
    const sources = [
      ...(typeof r.source === 'string' ? [r.source] : []),
      ...(Array.isArray(r.sources) ? r.sources.filter((s): s is string => typeof s === 'string') : []),
    ];
    out.push({ platform: r.platform as PlatformId, date: date ? date.slice(0, 10) : null, sources });
  }
  return out;
}

type Presence = 'present' | 'inactive' | 'absent' | 'unknown';

/** Evidence collector: the dates and sources an entry rests on. */
class Evidence {
  readonly sources = new Set<string>();
  readonly dates: string[] = [];
  undated = 0;
  constructor(private readonly dataset: Dataset) {}
  source(id: string) {
    this.sources.add(id);
    const date = this.dataset.sources[id]?.date;
    if (date) this.dates.push(date);
    else this.undated++;
  }
  /** A source whose own date is not the evidence's date (a figure has its own date). */
  cite(id: string) {
    this.sources.add(id);
  }
  date(date: string | null | undefined) {
    if (date) this.dates.push(date);
    else this.undated++;
  }
  range(): DateRange | null {
    if (this.dates.length === 0) return null;
    // Partial dates sort before full dates of the same period, which is how they are read (first day).
    const sorted = [...this.dates].sort();
    return { from: sorted[0] as string, to: sorted[sorted.length - 1] as string, undated: this.undated };
  }
  list(extra: string): string[] {
    return [...new Set([extra, ...this.sources])].sort();
  }
}

/**
 * An institution's presence on a platform: an active account → present; otherwise only unused
 * or closed accounts → inactive (it no longer uses it, since `statusSince`); otherwise checked
 * absent → absent; otherwise unknown. A listed active account wins over an absence check: the
 * check is evidence, not a verdict, and a later-found account replaces it.
 */
function presenceOf(entity: Entity, platform: PlatformId, evidence: Evidence): Presence {
  const accounts = entity.accounts.filter((a) => a.platform === platform);
  const active = accounts.filter((a) => a.status === 'active');
  if (active.length > 0) {
    for (const a of active) for (const s of a.sources) evidence.source(s);
    return 'present';
  }
  if (accounts.length > 0) {
    for (const a of accounts) {
      for (const s of a.sources) evidence.source(s);
      if (a.statusSince) evidence.date(a.statusSince);
    }
    return 'inactive';
  }
  const absences = checkedAbsences(entity).filter((a) => a.platform === platform);
  if (absences.length > 0) {
    for (const a of absences) {
      evidence.date(a.date);
      for (const s of a.sources) if (isSourceId(s)) evidence.source(s);
    }
    return 'absent';
  }
  return 'unknown';
}

/** Absence sources are free text until the schema says otherwise; keep only source-id-like strings. */
function isSourceId(id: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(id);
}

function tallyGroup(
  dataset: Dataset,
  group: Group,
  today: string,
  platforms: readonly PlatformId[],
  evidence: Evidence,
): GroupPresence {
  const { members, rule } = membersOf(dataset, group, today);
  const tallies: PlatformTally[] = platforms.map((platform) => {
    const counts = { present: 0, inactive: 0, absent: 0, unknown: 0 };
    const presentEntities: string[] = [];
    for (const m of members) {
      const p = presenceOf(m, platform, evidence);
      counts[p]++;
      if (p === 'present') presentEntities.push(m.id);
    }
    const known = counts.present + counts.inactive + counts.absent;
    return {
      platform,
      present: counts.present,
      inactive: counts.inactive,
      absent: counts.absent,
      known,
      unknown: counts.unknown,
      share: known > 0 ? counts.present / known : null,
      presentEntities: presentEntities.sort(),
    };
  });
  const top = Math.max(0, ...tallies.map((t) => t.present));
  const leaders = top > 0 ? tallies.filter((t) => t.present === top).map((t) => t.platform) : [];
  const leaderCertain =
    leaders.length === 1 && tallies.every((t) => t.platform === leaders[0] || t.present + t.unknown < top);
  return {
    group,
    members: members.length,
    memberRule: rule,
    platforms: tallies,
    leaders,
    leaderPresent: top,
    leaderCertain,
  };
}

function platformsEntry(
  dataset: Dataset,
  today: string,
  studySource: string,
  finding: PlatformsEntry['finding'],
): PlatformsEntry {
  const evidence = new Evidence(dataset);
  const byGroup = STUDY_GROUPS.map((g) => tallyGroup(dataset, g, today, PLATFORM_IDS, evidence));
  const anyKnown = byGroup.some((g) => g.platforms.some((t) => t.known > 0));
  return {
    id: 'platforms',
    groups: STUDY_GROUPS,
    finding,
    // biome-ignore lint/suspicious/noThenProperty: the entry's JSON shape (issue 12) names the study's side `then`; it is never awaited.
    then: { leader: 'x', leaderName: 'Twitter', groups: STUDY_GROUPS, source: studySource },
    now: anyKnown ? { status: 'measured', byGroup } : { status: 'unknown', reason: 'no-presence-known', byGroup },
    dates: evidence.range(),
    sources: evidence.list(studySource),
  };
}

const VIDEO_GROUPS: Group[] = ['ministry', 'minister'];

function videoEntry(dataset: Dataset, today: string, studySource: string, finding: VideoEntry['finding']): VideoEntry {
  const evidence = new Evidence(dataset);
  const byGroup = VIDEO_GROUPS.map((g) => tallyGroup(dataset, g, today, ['dailymotion', 'youtube'], evidence));
  const anyKnown = byGroup.some((g) => g.platforms.some((t) => t.known > 0));
  return {
    id: 'video',
    groups: VIDEO_GROUPS,
    finding,
    // biome-ignore lint/suspicious/noThenProperty: the entry's JSON shape (issue 12) names the study's side `then`; it is never awaited.
    then: { first: 'dailymotion', platforms: ['dailymotion', 'youtube'], source: studySource },
    now: anyKnown ? { status: 'measured', byGroup } : { status: 'unknown', reason: 'no-presence-known', byGroup },
    dates: evidence.range(),
    sources: evidence.list(studySource),
  };
}

/**
 * The dataset has no blog field. An official website whose address contains "blog" is not a
 * blog of the person, so nothing is inferred from it: the measure is said not to exist.
 */
function blogsEntry(studySource: string, finding: BlogsEntry['finding']): BlogsEntry {
  return {
    id: 'blogs',
    groups: ['minister'],
    finding,
    // biome-ignore lint/suspicious/noThenProperty: the entry's JSON shape (issue 12) names the study's side `then`; it is never awaited.
    then: { mostly: 'minister', source: studySource },
    now: { status: 'not-measured', reason: 'no-field' },
    dates: null,
    sources: [studySource],
  };
}

function pushEntry(studySource: string, finding: PushEntry['finding']): PushEntry {
  return {
    id: 'push',
    groups: STUDY_GROUPS,
    finding,
    // biome-ignore lint/suspicious/noThenProperty: the entry's JSON shape (issue 12) names the study's side `then`; it is never awaited.
    then: { state: 'push', local: 'engagement', source: studySource },
    now: { status: 'not-measured', reason: 'no-measure' },
    dates: null,
    sources: [studySource],
  };
}

// ---------------------------------------------------------------------------------------------
// The gap inside a group (Facebook, the ten cities)

function figureOf(member: CohortMember | undefined): FigureNow | null {
  if (!member) return null;
  if (member.value !== null && member.metric && member.origin && member.precision) {
    return {
      value: member.value,
      metric: member.metric,
      date: member.date,
      onOrBefore: member.onOrBefore,
      precision: member.precision,
      origin: member.origin,
      source: member.source,
      url: member.url,
      ranked: true,
    };
  }
  const aside = member.setAside;
  if (!aside) return null;
  return {
    value: aside.value,
    metric: aside.metric,
    date: aside.date,
    onOrBefore: aside.onOrBefore,
    precision: aside.precision,
    origin: aside.origin,
    source: aside.source,
    url: aside.url,
    ranked: false,
  };
}

function gapEntry(
  dataset: Dataset,
  observations: readonly Observation[],
  now: string,
  studySource: string,
  finding: GapEntry['finding'],
): GapEntry {
  const evidence = new Evidence(dataset);
  const then: GapEntry['then'] = {
    platform: 'facebook',
    metric: 'page-likes',
    high: { entity: STUDY_ENTITIES.lille, name: 'Lille', value: 75000, precision: 'rounded' },
    low: { entity: STUDY_ENTITIES.toulouse, name: 'Toulouse', value: 6500, precision: 'exact' },
    ratio: 75000 / 6500,
    date: dataset.study?.date ?? '2012-07',
    source: studySource,
  };
  // The comparison engine picks each city's figure exactly as the popup would (newest, this
  // browser's readings included, 2012 figures never current) and computes max, median and min.
  // Any city of the group anchors the comparison (the cohort is the same ten whichever is used).
  const anchor =
    [STUDY_ENTITIES.lille, STUDY_ENTITIES.toulouse].find((id) => dataset.entities.some((e) => e.id === id)) ??
    dataset.entities.find((e) => e.group === 'city' && e.cohort2012)?.id ??
    STUDY_ENTITIES.lille;
  const outcome = tryCompareAccount({
    dataset,
    entityId: anchor,
    platform: 'facebook',
    observations,
    cohort: 'study',
    now,
  });
  const entityName = (id: string) => dataset.entities.find((e) => e.id === id)?.name ?? null;
  const city = (id: string): CityFigures => {
    if (!dataset.entities.some((e) => e.id === id))
      return { entity: id, name: null, figure: null, reason: 'no-entity' };
    const member = outcome.ok ? outcome.comparison.cohort.find((m) => m.entity === id) : undefined;
    const figure = figureOf(member);
    if (!figure)
      return {
        entity: id,
        name: entityName(id),
        figure: null,
        reason: member?.standing === 'no-account' ? 'no-account' : 'no-figure',
      };
    return { entity: id, name: entityName(id), figure };
  };
  const high = city(STUDY_ENTITIES.lille);
  const low = city(STUDY_ENTITIES.toulouse);
  let group: GapEntry['now']['group'] = null;
  if (outcome.ok) {
    const c = outcome.comparison;
    // The figures the entry shows: the ranked ones, and the two cities' own if set aside (other metric).
    const shown = [
      ...c.cohort.filter((m) => m.value !== null).map(figureOf),
      ...[high.figure, low.figure].filter((f) => f && !f.ranked),
    ];
    for (const f of shown) {
      if (!f) continue;
      if (f.source) evidence.cite(f.source);
      evidence.date(f.date);
    }
    group = {
      metric: c.metric,
      members: c.groupSize,
      ranked: c.ranked,
      max: c.max,
      median: c.median,
      min: c.min,
      ratio: c.max && c.min && c.ranked >= 2 && c.min.value > 0 ? c.max.value / c.min.value : null,
    };
  }
  const sameMetric =
    high.figure?.ranked && low.figure?.ranked && high.figure.metric === low.figure.metric && low.figure.value > 0;
  const ratio = sameMetric ? (high.figure?.value as number) / (low.figure?.value as number) : null;
  const measured = high.figure !== null || low.figure !== null || (group !== null && group.ranked > 0);
  return {
    id: 'gap',
    groups: ['city'],
    finding,
    then,
    now: {
      status: measured ? 'measured' : 'unknown',
      ...(measured ? {} : { reason: outcome.ok ? ('no-figure' as const) : ('no-entity' as const) }),
      high,
      low,
      ratio,
      group,
    },
    dates: evidence.range(),
    sources: evidence.list(studySource),
  };
}

// ---------------------------------------------------------------------------------------------
// Participatory platforms among the ten cities

function participationEntry(
  dataset: Dataset,
  today: string,
  studySource: string,
  finding: ParticipationEntry['finding'],
): ParticipationEntry {
  const evidence = new Evidence(dataset);
  const then: ParticipationEntry['then'] = {
    count: 2,
    of: 10,
    entities: ['city-34172', 'city-33063'],
    names: ['Montpellier', 'Bordeaux'],
    source: studySource,
  };
  const { members, rule } = membersOf(dataset, 'city', today);
  if (rule !== 'study-2012') {
    return {
      id: 'participation',
      groups: ['city'],
      finding,
      then,
      now: { status: 'unknown', reason: 'no-study-cohort', count: 0, of: 0, lowerBound: true, cities: [] },
      dates: null,
      sources: [studySource],
    };
  }
  const cities = members
    .filter((e) => (e.participation ?? []).length > 0)
    .map((e) => {
      const platforms = e.participation ?? [];
      for (const p of platforms) for (const s of p.sources) evidence.source(s);
      const since = platforms
        .map((p) => p.since)
        .filter((s): s is string => typeof s === 'string')
        .sort()[0];
      return { entity: e.id, name: e.name, urls: platforms.map((p) => p.url), since: since ?? null };
    })
    .sort((a, b) => a.name.fr.localeCompare(b.name.fr, 'fr'));
  return {
    id: 'participation',
    groups: ['city'],
    finding,
    then,
    now: { status: 'measured', count: cities.length, of: members.length, lowerBound: true, cities },
    dates: evidence.range(),
    sources: evidence.list(studySource),
  };
}
