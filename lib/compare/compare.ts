import type { Account, Dataset, Entity } from '../dataset';
import type { Observation } from '../history/observation';
import { type Metric, PLATFORM_IDS, type PlatformId, type Precision } from '../platforms/types';
import { dayNumber, dayString, isValidOn, oneYearBefore } from './dates';
import { DATE_SPAN_DAYS, METHOD_VERSION, METRIC_PREFERENCE } from './method';
import { competitionRank, median, percentileAmong } from './stats';
import type {
  AbsenceEvidence,
  AccountSummary,
  CohortMember,
  CohortNote,
  CompareInput,
  Comparison,
  Extreme,
  Figure2012,
  FigureRef,
  Flag,
  Participation,
  PerInhabitant,
  PlatformPresence,
  PopulationRef,
  Presence,
  PresenceState,
  Standing,
  Study2012,
} from './types';

/** Input the engine cannot work with at all (unknown entity, unreadable `now`). */
export class CompareError extends Error {
  constructor(
    readonly code: 'unknown-entity' | 'bad-now',
    message: string,
  ) {
    super(message);
    this.name = 'CompareError';
  }
}

/** Like compareAccount, but returns the problem instead of throwing. */
export function tryCompareAccount(
  input: CompareInput,
): { ok: true; comparison: Comparison } | { ok: false; error: CompareError } {
  try {
    return { ok: true, comparison: compareAccount(input) };
  } catch (error) {
    if (error instanceof CompareError) return { ok: false, error };
    throw error;
  }
}

const METRICS: readonly Metric[] = ['followers', 'subscribers', 'page-likes'];
const PRECISIONS: readonly Precision[] = ['exact', 'rounded', 'lower-bound'];
const PRECISION_ORDER: Record<Precision, number> = { exact: 0, rounded: 1, 'lower-bound': 2 };
const ORIGIN_ORDER = { page: 0, observed: 1, refreshed: 1, dataset: 2 } as const;
const PER_INHABITANT_GROUPS = new Set(['city', 'region']);

/** How the account on screen stands against its group, on one platform. Pure. */
export function compareAccount(input: CompareInput): Comparison {
  const { dataset, platform } = input;
  const todayNumber = dayNumber(input.now);
  if (todayNumber === undefined) throw new CompareError('bad-now', `"now" is not an ISO date: ${input.now}`);
  const today = dayString(todayNumber);
  const entity = dataset.entities.find((e) => e.id === input.entityId);
  if (!entity) throw new CompareError('unknown-entity', `No entity "${input.entityId}" in the dataset.`);

  const flags: Flag[] = [];
  const live = checkLive(input, flags);
  // Observations come from browser storage, which an older version or the user may have filled with anything.
  const observations = Array.isArray(input.observations) ? input.observations.filter(isUsableObservation) : [];
  const { members, rule, notes } = buildCohort(dataset, entity, input.cohort ?? 'study', today);

  // Each member's account and candidate figures, every metric.
  const rows = members.map((member) => {
    const self = member.id === entity.id;
    const account = pickAccount(member, platform, self ? input.accountKey : undefined, observations);
    const candidates = account
      ? figureCandidates(member, account, platform, self ? live : undefined, observations)
      : [];
    return { member, self, account, candidates };
  });

  const selfRow = rows.find((r) => r.self) as (typeof rows)[number];
  const metric = chooseMetric(platform, live, selfRow.candidates, rows);

  const cohort: CohortMember[] = rows.map(({ member, self, account, candidates }) => {
    const inMetric = candidates.filter((c) => c.metric === metric);
    const best = inMetric[0];
    let standing: Standing;
    let setAside: FigureRef | null = null;
    if (!account) standing = 'no-account';
    else if (account.status === 'closed') {
      standing = 'account-closed';
      setAside = best ?? candidates[0] ?? null;
    } else if (best) standing = 'ranked';
    else if (candidates.length > 0) {
      standing = 'other-metric';
      setAside = candidates[0] ?? null;
    } else standing = 'no-figure';
    const ranked = standing === 'ranked' ? best : undefined;
    return {
      entity: member.id,
      name: member.name,
      shortName: member.shortName ?? null,
      self,
      account: account ? summariseAccount(account) : null,
      standing,
      value: ranked?.value ?? null,
      metric: ranked?.metric ?? null,
      date: ranked?.date ?? null,
      at: ranked?.at ?? null,
      onOrBefore: ranked?.onOrBefore ?? false,
      origin: ranked?.origin ?? null,
      precision: ranked?.precision ?? null,
      source: ranked?.source ?? null,
      url: ranked?.url ?? null,
      setAside,
      rank: null,
      population: member.population
        ? { value: member.population.value, vintage: member.population.vintage, source: member.population.source }
        : null,
      perThousand: null,
      perThousandRank: null,
    };
  });

  // Ranking on the raw figure.
  const rankedMembers = cohort.filter((m) => m.value !== null);
  const values = rankedMembers.map((m) => m.value as number);
  for (const m of rankedMembers) m.rank = competitionRank(m.value as number, values);
  const me = cohort.find((m) => m.self) as CohortMember;
  const myValue = me.value;
  const med = median(values) ?? null;
  const others = rankedMembers.filter((m) => !m.self).map((m) => m.value as number);

  const perInhabitant = PER_INHABITANT_GROUPS.has(entity.group) ? rankPerInhabitant(cohort, me, flags) : null;

  sortCohort(cohort);
  const figure = me.value !== null ? toFigureRef(me) : null;
  const withoutFigure = cohort.filter((m) => !m.self && m.value === null).map((m) => m.entity);

  addAccountFlags(selfRow.account, flags);
  const dates = addFigureFlags(cohort, me, metric, todayNumber, flags);
  const study2012 = compareWith2012(dataset, entity, platform, members, figure, flags);

  const comparison: Comparison = {
    methodVersion: METHOD_VERSION,
    datasetEdition: { id: dataset.edition.id, date: dataset.edition.date },
    now: input.now,
    entity: entity.id,
    name: entity.name,
    group: entity.group,
    platform,
    account: selfRow.account ? summariseAccount(selfRow.account) : null,
    metric,
    cohortRule: rule,
    cohortNotes: notes,
    cohort,
    groupSize: cohort.length,
    figure,
    rank: me.rank,
    ranked: rankedMembers.length,
    withoutFigure,
    percentile: myValue !== null ? (percentileAmong(myValue, others) ?? null) : null,
    median: med,
    ratioToMedian: myValue !== null && med ? myValue / med : null,
    min: extreme(rankedMembers, 'min'),
    max: extreme(rankedMembers, 'max'),
    dates,
    perInhabitant,
    presence: comparePresence(members, entity),
    participation: PER_INHABITANT_GROUPS.has(entity.group) ? compareParticipation(members, entity) : null,
    study2012,
    flags,
    headline: null,
  };
  if (me.rank !== null) {
    comparison.headline = {
      rank: me.rank,
      of: rankedMembers.length,
      tied: rankedMembers.some((m) => !m.self && m.value === myValue),
      groupSize: cohort.length,
      group: entity.group,
      platform,
      topPercent: Math.ceil((me.rank / rankedMembers.length) * 100),
      ratioToMedian: comparison.ratioToMedian,
    };
  }
  return comparison;
}

// ---------------------------------------------------------------------------------------------
// Cohort

function buildCohort(
  dataset: Dataset,
  entity: Entity,
  mode: 'study' | 'all',
  today: string,
): { members: Entity[]; rule: 'study-2012' | 'all'; notes: CohortNote[] } {
  const notes: CohortNote[] = [];
  const seen = new Set<string>();
  // Former ministers (and any entity past its validTo) are not peers any more.
  const current = dataset.entities.filter((e) => {
    if (e.group !== entity.group || seen.has(e.id)) return false;
    seen.add(e.id);
    return isValidOn(e.validFrom, e.validTo, today);
  });
  let members = current;
  let rule: 'study-2012' | 'all' = 'all';
  // The 2012 study covered ten cities and ten regions; its ministries and ministers are long gone.
  if (mode === 'study' && PER_INHABITANT_GROUPS.has(entity.group)) {
    const study = current.filter((e) => e.cohort2012 === true);
    if (study.length > 0) {
      members = study;
      rule = 'study-2012';
    } else notes.push({ code: 'no-study-cohort' });
  }
  if (!members.some((e) => e.id === entity.id)) {
    if (!isValidOn(entity.validFrom, entity.validTo, today))
      notes.push({ code: 'not-current', validFrom: entity.validFrom ?? null, validTo: entity.validTo ?? null });
    else notes.push({ code: 'outside-study' });
    members = [...members, entity];
  }
  return { members, rule, notes };
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Live {
  value: number;
  metric: Metric;
  precision: Precision;
  readAt: string;
  url: string | null;
}

function checkLive(input: CompareInput, flags: Flag[]): Live | undefined {
  const live = input.live;
  if (!live) return undefined;
  if (
    typeof live.value !== 'number' ||
    !Number.isFinite(live.value) ||
    live.value < 0 ||
    !METRICS.includes(live.metric) ||
    !PRECISIONS.includes(live.precision)
  ) {
    flags.push({ code: 'live-ignored', reason: 'bad-value' });
    return undefined;
  }
  if (dayNumber(live.readAt) === undefined) {
    flags.push({ code: 'live-ignored', reason: 'bad-date' });
    return undefined;
  }
  return {
    value: live.value,
    metric: live.metric,
    precision: live.precision,
    readAt: live.readAt,
    url: live.url ?? null,
  };
}

function isUsableObservation(o: Observation): boolean {
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.entityId === 'string' &&
    typeof o.key === 'string' &&
    typeof o.value === 'number' &&
    Number.isFinite(o.value) &&
    o.value >= 0 &&
    METRICS.includes(o.metric) &&
    PRECISIONS.includes(o.precision) &&
    dayNumber(o.at) !== undefined
  );
}

/**
 * The figures of one account as the comparison ranks them, best (newest) first, without a live
 * reading: what the dashboard shows as an account's "newest figure". Exported so that views never
 * re-implement the choice. Unusable observations are dropped, as in compareAccount.
 */
export function accountFigures(
  entity: Entity,
  account: Account,
  observations: readonly Observation[] = [],
): FigureRef[] {
  const usable = Array.isArray(observations) ? observations.filter(isUsableObservation) : [];
  return figureCandidates(entity, account, account.platform, undefined, usable);
}

/** The account the comparison uses for an entity on a platform when none is on screen (its main one). */
export function mainAccount(
  entity: Entity,
  platform: PlatformId,
  observations: readonly Observation[] = [],
): Account | undefined {
  const usable = Array.isArray(observations) ? observations.filter(isUsableObservation) : [];
  return pickAccount(entity, platform, undefined, usable);
}

/**
 * All figures usable as the account's current audience, best first: the live reading, then the
 * newest (undated last); on the same day a browser reading beats the dataset, then an exact
 * figure beats a rounded one and a dated one beats an on-or-before one.
 */
function figureCandidates(
  entity: Entity,
  account: Account,
  platform: PlatformId,
  live: Live | undefined,
  observations: readonly Observation[] | undefined,
): FigureRef[] {
  const out: FigureRef[] = [];
  if (live) {
    out.push({
      value: live.value,
      metric: live.metric,
      origin: 'page',
      date: dayString(dayNumber(live.readAt) as number),
      at: live.readAt,
      onOrBefore: false,
      precision: live.precision,
      source: null,
      url: live.url,
    });
  }
  for (const o of observations ?? []) {
    if (o.entityId !== entity.id || o.platform !== platform || o.key !== account.key) continue;
    out.push({
      value: o.value,
      metric: o.metric,
      origin: o.origin === 'refreshed' ? 'refreshed' : 'observed',
      date: dayString(dayNumber(o.at) as number),
      at: o.at,
      onOrBefore: false,
      precision: o.precision,
      source: null,
      url: typeof o.url === 'string' ? o.url : null,
    });
  }
  for (const f of account.figures ?? []) {
    // The 2012 edition is history, shown in study2012, never a current audience.
    if (f.edition === '2012') continue;
    out.push({
      value: f.value,
      metric: f.metric,
      origin: 'dataset',
      date: f.date ?? null,
      at: null,
      onOrBefore: f.onOrBefore === true,
      precision: f.precision,
      source: f.source,
      url: null,
    });
  }
  return out
    .map((figure, index) => ({ figure, index, day: dayNumber(figure.at ?? figure.date) }))
    .sort(
      (a, b) =>
        Number(b.figure.origin === 'page') - Number(a.figure.origin === 'page') ||
        (b.day ?? Number.NEGATIVE_INFINITY) - (a.day ?? Number.NEGATIVE_INFINITY) ||
        ORIGIN_ORDER[a.figure.origin] - ORIGIN_ORDER[b.figure.origin] ||
        PRECISION_ORDER[a.figure.precision] - PRECISION_ORDER[b.figure.precision] ||
        Number(a.figure.onOrBefore) - Number(b.figure.onOrBefore) ||
        a.index - b.index,
    )
    .map((c) => c.figure);
}

/**
 * The account used for an entity on a platform: the one on screen when its key is given;
 * otherwise open accounts before closed ones, then the one with the largest known figure
 * (an entity's main account), then dataset order.
 */
function pickAccount(
  entity: Entity,
  platform: PlatformId,
  key: string | undefined,
  observations: readonly Observation[] | undefined,
): Account | undefined {
  const accounts = entity.accounts.filter((a) => a.platform === platform);
  if (key) {
    const exact = accounts.find((a) => a.key === key);
    if (exact) return exact;
  }
  if (accounts.length <= 1) return accounts[0];
  const largest = (a: Account) =>
    Math.max(-1, ...figureCandidates(entity, a, platform, undefined, observations).map((f) => f.value));
  return accounts
    .map((account, index) => ({ account, index, closed: account.status === 'closed', largest: largest(account) }))
    .sort((a, b) => Number(a.closed) - Number(b.closed) || b.largest - a.largest || a.index - b.index)[0]?.account;
}

/**
 * One metric for the whole ranking. A live reading decides. Otherwise, among the metrics the
 * entity has figures in, the one most members (open accounts) have; ties go to the platform's
 * preferred metric. An entity without any figure takes the metric most members have.
 */
function chooseMetric(
  platform: PlatformId,
  live: Live | undefined,
  selfCandidates: readonly FigureRef[],
  rows: readonly { account: Account | undefined; candidates: readonly FigureRef[] }[],
): Metric {
  if (live) return live.metric;
  const preference = METRIC_PREFERENCE[platform];
  const count = (metric: Metric) =>
    rows.filter((r) => r.account && r.account.status !== 'closed' && r.candidates.some((c) => c.metric === metric))
      .length;
  const own = preference.filter((m) => selfCandidates.some((c) => c.metric === m));
  const pool = own.length > 0 ? own : preference;
  let best: Metric = pool[0] ?? 'followers';
  for (const m of pool) if (count(m) > count(best)) best = m;
  return best;
}

function summariseAccount(account: Account): AccountSummary {
  return { key: account.key, url: account.url, status: account.status, statusSince: account.statusSince ?? null };
}

function toFigureRef(m: CohortMember): FigureRef {
  return {
    value: m.value as number,
    metric: m.metric as Metric,
    origin: m.origin as FigureRef['origin'],
    date: m.date,
    at: m.at,
    onOrBefore: m.onOrBefore,
    precision: m.precision as Precision,
    source: m.source,
    url: m.url,
  };
}

function extreme(members: readonly CohortMember[], which: 'min' | 'max'): Extreme | null {
  if (members.length === 0) return null;
  const values = members.map((m) => m.value as number);
  const value = which === 'min' ? Math.min(...values) : Math.max(...values);
  return {
    value,
    entities: members
      .filter((m) => m.value === value)
      .map((m) => m.entity)
      .sort(),
  };
}

const byName = (a: CohortMember, b: CohortMember) =>
  a.name.fr.localeCompare(b.name.fr, 'fr') || (a.entity < b.entity ? -1 : 1);

function sortCohort(cohort: CohortMember[]): void {
  cohort.sort((a, b) => {
    if (a.value !== null && b.value !== null) return b.value - a.value || byName(a, b);
    if (a.value !== null) return -1;
    if (b.value !== null) return 1;
    return byName(a, b);
  });
}

// ---------------------------------------------------------------------------------------------
// Per inhabitant

function rankPerInhabitant(cohort: CohortMember[], me: CohortMember, flags: Flag[]): PerInhabitant {
  const usable = cohort.filter((m) => m.value !== null && m.population !== null);
  for (const m of usable) m.perThousand = ((m.value as number) * 1000) / (m.population as PopulationRef).value;
  const values = usable.map((m) => m.perThousand as number);
  for (const m of usable) m.perThousandRank = competitionRank(m.perThousand as number, values);
  const vintages = [...new Set(usable.map((m) => (m.population as PopulationRef).vintage))].sort();
  if (vintages.length > 1) flags.push({ code: 'population-vintages-differ', vintages });
  const med = median(values) ?? null;
  return {
    value: me.perThousand,
    rank: me.perThousandRank,
    ranked: usable.length,
    median: med,
    ratioToMedian: me.perThousand !== null && med ? me.perThousand / med : null,
    population: me.population,
    withoutPopulation: cohort.filter((m) => m.value !== null && m.population === null).map((m) => m.entity),
    vintages,
  };
}

// ---------------------------------------------------------------------------------------------
// Presence and participation

const STATUS_ORDER = { active: 0, unused: 1, closed: 2 } as const;

/** Active and unused accounts count as present: the institution holds the name. Closed ones do not. */
function hasAccount(entity: Entity, platform: PlatformId): boolean {
  return entity.accounts.some((a) => a.platform === platform && a.status !== 'closed');
}

/**
 * Three states per (entity, platform): present (a live account is listed), absent (the official
 * site was read on a date and linked none, or the account is closed), unknown (no source says).
 * A live account wins over an older check: the check was evidence, not a verdict.
 */
function presenceOf(entity: Entity, platform: PlatformId): { state: PresenceState; absence: AbsenceEvidence | null } {
  if (hasAccount(entity, platform)) return { state: 'present', absence: null };
  const check = entity.checkedAbsent?.find((c) => c.platform === platform);
  if (check)
    return { state: 'absent', absence: { reason: 'checked', date: check.date, url: check.url, source: check.source } };
  const closed = entity.accounts.find((a) => a.platform === platform && a.status === 'closed');
  if (closed)
    return {
      state: 'absent',
      absence: {
        reason: 'closed',
        date: closed.statusSince ?? null,
        url: closed.url,
        source: closed.sources[0] ?? null,
      },
    };
  return { state: 'unknown', absence: null };
}

function comparePresence(members: readonly Entity[], entity: Entity): Presence {
  // Each member's state on each platform, computed once (PLATFORM_IDS order).
  const statesOf = new Map(members.map((m) => [m.id, PLATFORM_IDS.map((p) => presenceOf(m, p).state)]));
  const peerStates = members.filter((m) => m.id !== entity.id).map((m) => statesOf.get(m.id) ?? []);
  const platforms = PLATFORM_IDS.map((platform, i): PlatformPresence => {
    const own = entity.accounts
      .filter((a) => a.platform === platform)
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
    const { state, absence } = presenceOf(entity, platform);
    const peersWith = peerStates.filter((list) => list[i] === 'present').length;
    const peersKnown = peerStates.filter((list) => list[i] !== undefined && list[i] !== 'unknown').length;
    return {
      platform,
      state,
      has: state === 'present',
      status: own[0]?.status ?? null,
      url: own[0]?.url ?? null,
      absence,
      peersWith,
      peersKnown,
      peers: peerStates.length,
      share: peersKnown > 0 ? peersWith / peersKnown : null,
    };
  });
  // Only members known on all 11 platforms have a count of platforms used; an unknown is not a no.
  const counts = [...statesOf.values()]
    .filter((list) => list.every((s) => s !== 'unknown'))
    .map((list) => list.filter((s) => s === 'present').length);
  const mine = statesOf.get(entity.id) ?? PLATFORM_IDS.map((p) => presenceOf(entity, p).state);
  return {
    platforms,
    used: mine.filter((s) => s === 'present').length,
    known: mine.filter((s) => s !== 'unknown').length,
    cohortMedian: median(counts) ?? null,
    membersKnown: counts.length,
    members: members.length,
  };
}

function compareParticipation(members: readonly Entity[], entity: Entity): Participation {
  const peers = members.filter((m) => m.id !== entity.id);
  const peersWith = peers.filter((p) => (p.participation ?? []).length > 0).length;
  const urls = (entity.participation ?? []).map((p) => p.url);
  return {
    has: urls.length > 0,
    urls,
    peersWith,
    peers: peers.length,
    share: peers.length > 0 ? peersWith / peers.length : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Flags

function addAccountFlags(account: Account | undefined, flags: Flag[]): void {
  if (account?.status === 'closed') flags.push({ code: 'account-closed', since: account.statusSince ?? null });
  if (account?.status === 'unused') flags.push({ code: 'account-unused', since: account.statusSince ?? null });
}

function addFigureFlags(
  cohort: readonly CohortMember[],
  me: CohortMember,
  metric: Metric,
  today: number,
  flags: Flag[],
): Comparison['dates'] {
  const ranked = cohort.filter((m) => m.value !== null);
  const ids = (pick: (m: CohortMember) => boolean) => cohort.filter(pick).map((m) => m.entity);
  const add = (code: 'rounded' | 'lower-bound' | 'undated' | 'on-or-before', pick: (m: CohortMember) => boolean) => {
    const entities = ranked.filter(pick).map((m) => m.entity);
    if (entities.length > 0) flags.push({ code, entities });
  };

  if (me.value === null) flags.push({ code: 'no-figure' });
  const missing = ids((m) => !m.self && m.value === null);
  if (missing.length > 0) flags.push({ code: 'missing-figures', entities: missing });
  if (ranked.length > 0 && ranked.every((m) => m.self)) flags.push({ code: 'single-member' });

  const dated = ranked
    .map((m) => ({ m, day: dayNumber(m.at ?? m.date) }))
    .filter((d): d is { m: CohortMember; day: number } => d.day !== undefined)
    .sort((a, b) => a.day - b.day);
  const yearAgo = oneYearBefore(today);
  const stale = dated.filter((d) => d.day < yearAgo);
  const first = dated[0];
  const last = dated[dated.length - 1];
  if (first && stale.length > 0)
    flags.push({ code: 'stale', entities: stale.map((d) => d.m.entity), oldest: first.m.date as string });
  let dates: Comparison['dates'] = null;
  if (first && last) {
    dates = { oldest: first.m.date as string, newest: last.m.date as string, spanDays: last.day - first.day };
    if (dates.spanDays > DATE_SPAN_DAYS) flags.push({ code: 'dates-differ', ...dates });
  }
  add('rounded', (m) => m.precision === 'rounded');
  add('lower-bound', (m) => m.precision === 'lower-bound');
  add('undated', (m) => m.date === null);
  add('on-or-before', (m) => m.onOrBefore);
  const otherMetric = ids((m) => m.standing === 'other-metric');
  if (otherMetric.length > 0) flags.push({ code: 'metric-mismatch', metric, entities: otherMetric });
  const closed = ids((m) => !m.self && m.standing === 'account-closed');
  if (closed.length > 0) flags.push({ code: 'peers-closed', entities: closed });
  return dates;
}

// ---------------------------------------------------------------------------------------------
// The 2012 study

/** `study.figures2012` may or may not be in the schema yet: read it without trusting its shape. */
function studyFigures(dataset: Dataset): Figure2012[] {
  const raw = (dataset.study as { figures2012?: unknown } | undefined)?.figures2012;
  if (!Array.isArray(raw)) return [];
  const out: Figure2012[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const f = item as Record<string, unknown>;
    if (typeof f.entity !== 'string' || !PLATFORM_IDS.includes(f.platform as PlatformId)) continue;
    if (typeof f.value !== 'number' || !Number.isFinite(f.value)) continue;
    out.push({
      entity: f.entity,
      platform: f.platform as PlatformId,
      metric: METRICS.includes(f.metric as Metric) ? (f.metric as Metric) : null,
      value: f.value,
      date: typeof f.date === 'string' ? f.date : null,
      onOrBefore: f.onOrBefore === true,
      precision: PRECISIONS.includes(f.precision as Precision) ? (f.precision as Precision) : 'rounded',
      source: typeof f.source === 'string' ? f.source : null,
      note: typeof f.note === 'string' ? f.note : null,
    });
  }
  return out;
}

function compareWith2012(
  dataset: Dataset,
  entity: Entity,
  platform: PlatformId,
  members: readonly Entity[],
  current: FigureRef | null,
  flags: Flag[],
): Study2012 {
  const study = dataset.study;
  const fromStudy = studyFigures(dataset).filter((f) => f.platform === platform);
  const fromAccounts: Figure2012[] = members.flatMap((m) =>
    m.accounts
      .filter((a) => a.platform === platform)
      .flatMap((a) => (a.figures ?? []).filter((f) => f.edition === '2012'))
      .map((f) => ({
        entity: m.id,
        platform,
        metric: f.metric,
        value: f.value,
        date: f.date ?? null,
        onOrBefore: f.onOrBefore === true,
        precision: f.precision,
        source: f.source,
        note: f.note ?? null,
      })),
  );
  const memberIds = new Set(members.map((m) => m.id));
  // The study's own record comes first; an account figure for the same entity is the same fact.
  const cohortFigures: Figure2012[] = [];
  for (const f of [...fromStudy, ...fromAccounts]) {
    if (memberIds.has(f.entity) && !cohortFigures.some((g) => g.entity === f.entity)) cohortFigures.push(f);
  }
  const figure = cohortFigures.find((f) => f.entity === entity.id) ?? null;
  let change: Study2012['change'] = null;
  if (figure && current) {
    const metricsDiffer = figure.metric !== current.metric;
    change = {
      from: figure.value,
      to: current.value,
      absolute: current.value - figure.value,
      factor: figure.value > 0 ? current.value / figure.value : null,
      metricsDiffer,
    };
    if (metricsDiffer) flags.push({ code: 'study2012-metric-differs', from: figure.metric, to: current.metric });
  }
  return {
    study: study?.id ?? null,
    title: study?.title ?? null,
    date: study?.date ?? null,
    findings: (study?.findings ?? []).filter((f) => f.groups.includes(entity.group)).map((f) => f.text),
    figure,
    change,
    cohortFigures,
  };
}
