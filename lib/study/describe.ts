import type { Dataset } from '../dataset';
import { type Lang, type Translate, translator } from '../i18n';
import { entityShortName, formatNumber } from '../i18n/format';
import { platformLabel } from '../platforms/labels';
import type { CityFigures, DateRange, FigureNow, GroupPresence, StudyEntry, StudyToday } from './types';

/**
 * Words for the study's entries, shared by the text and Markdown writers and the dashboard, so
 * that the three say exactly the same thing. Plain text: each writer escapes for its format.
 */
export interface EntryWords {
  id: StudyEntry['id'];
  /** Short name of the finding ("The most used platform"). */
  title: string;
  /** The study's own sentence, when the dataset carries it. */
  finding: string | null;
  /** What the study said (the JSON entry's `then`). */
  in2012: string;
  /** One line per fact; « inconnu » / "unknown" where the data lacks. */
  today: string[];
  status: StudyEntry['now']['status'];
  dates: string;
  sources: SourceWords[];
}

export interface SourceWords {
  id: string;
  title: string;
  url: string | null;
  date: string | null;
}

export function sourceWords(dataset: Dataset, ids: readonly string[]): SourceWords[] {
  return ids.map((id) => {
    const s = dataset.sources[id];
    // An id missing from the dataset is still shown: the fact still says where it came from.
    return { id, title: s?.title ?? id, url: s?.url ?? null, date: s?.date ?? null };
  });
}

const percent = (share: number | null, lang: Lang) =>
  share === null ? '—' : new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' }).format(share);

function datesWords(range: DateRange | null, t: Translate): string {
  if (!range) return t('study.dates.none');
  const span = range.from === range.to ? range.from : t('study.dates.range', { from: range.from, to: range.to });
  return range.undated > 0 ? `${span} (${t('study.dates.undated', { n: range.undated })})` : span;
}

function groupLines(g: GroupPresence, t: Translate, lang: Lang): string[] {
  const head = {
    group: t(`groups.${g.group}`),
    members: g.members,
    rule: t(`study.rule.${g.memberRule}`),
  };
  const knownTallies = g.platforms.filter((p) => p.known > 0).sort((a, b) => b.present - a.present);
  if (g.leaders.length === 0 && knownTallies.length === 0) {
    if (g.platforms.length > 2) return [t('study.now.noLeader', head)];
  }
  const lines: string[] = [];
  if (g.leaders.length > 0) {
    lines.push(
      t('study.now.leader', { ...head, leaders: g.leaders.map(platformLabel).join(', '), present: g.leaderPresent }),
    );
  } else lines.push(t('study.now.noLeader', head));
  const tallies = g.platforms.map((p) => {
    if (p.known === 0) return null;
    const extra = [
      p.inactive > 0 ? t('study.now.inactive', { n: p.inactive }) : null,
      p.absent > 0 ? t('study.now.absent', { n: p.absent }) : null,
    ].filter(Boolean);
    return (
      t('study.now.tally', {
        platform: platformLabel(p.platform),
        present: p.present,
        known: p.known,
        share: percent(p.share, lang),
        unknown: p.unknown,
      }) + (extra.length ? ` (${extra.join(', ')})` : '')
    );
  });
  lines.push(...knownTallies.map((p) => `  ${tallies[g.platforms.indexOf(p)] as string}`));
  // With many platforms, those nobody is known on are left out (the group line says "unknown"
  // for the rest); with two (video), each is named.
  if (g.platforms.length <= 2)
    for (const p of g.platforms.filter((x) => x.known === 0))
      lines.push(`  ${t('study.now.tallyUnknown', { platform: platformLabel(p.platform) })}`);
  if (g.leaders.length > 0 && !g.leaderCertain) lines.push(`  ${t('study.now.leaderUncertain')}`);
  return lines;
}

function figureWords(f: FigureNow, t: Translate, lang: Lang): string {
  const approx = f.precision === 'rounded' ? '≈ ' : f.precision === 'lower-bound' ? '> ' : '';
  const when = f.date ? (f.onOrBefore ? t('export.onOrBefore', { date: f.date }) : f.date) : t('export.undated');
  const origin = f.origin === 'dataset' ? t('export.origin.dataset') : t('study.origin.observed');
  const text = t('study.now.figure', {
    value: `${approx}${formatNumber(f.value, lang)}`,
    metric: t(`export.metric.${f.metric}`),
    when,
    origin,
  });
  return f.ranked ? text : `${text} (${t('study.now.otherMetric')})`;
}

function cityLine(c: CityFigures, dataset: Dataset, fallback: string, t: Translate, lang: Lang): string {
  const entity = dataset.entities.find((e) => e.id === c.entity);
  const name = entity ? entityShortName(entity, lang) : fallback;
  if (!c.figure) return t('study.now.cityUnknown', { name, reason: t(`study.reason.${c.reason ?? 'no-figure'}`) });
  return t('study.now.city', { name, figure: figureWords(c.figure, t, lang) });
}

function names(dataset: Dataset, ids: readonly string[], lang: Lang): string {
  return ids
    .map((id) => {
      const e = dataset.entities.find((x) => x.id === id);
      return e ? entityShortName(e, lang) : id;
    })
    .join(', ');
}

const ratioWords = (r: number, lang: Lang) => `× ${formatNumber(r, lang, 1)}`;

export function describeEntry(entry: StudyEntry, dataset: Dataset, lang: Lang): EntryWords {
  const t = translator(lang);
  const base = {
    id: entry.id,
    title: t(`study.finding.${entry.id}`),
    finding: entry.finding ? (lang === 'en' && entry.finding.en) || entry.finding.fr : null,
    status: entry.now.status,
    dates: datesWords(entry.dates, t),
    sources: sourceWords(dataset, entry.sources),
  };
  switch (entry.id) {
    case 'platforms':
    case 'video':
      return {
        ...base,
        in2012: t(`study.then.${entry.id}`),
        today: entry.now.byGroup.flatMap((g) => groupLines(g, t, lang)),
      };
    case 'blogs':
      return { ...base, in2012: t('study.then.blogs'), today: [t('study.now.blogs')] };
    case 'push':
      return { ...base, in2012: t('study.then.push'), today: [t('study.now.push')] };
    case 'gap': {
      const { then, now } = entry;
      const lines = [
        cityLine(now.high, dataset, then.high.name, t, lang),
        cityLine(now.low, dataset, then.low.name, t, lang),
      ];
      if (now.ratio !== null) lines.push(t('study.now.ratio', { ratio: ratioWords(now.ratio, lang) }));
      const g = now.group;
      if (g && g.ranked > 0 && g.max && g.min && g.median !== null) {
        lines.push(
          t('study.now.groupStats', {
            metric: t(`export.metric.${g.metric}`),
            ranked: g.ranked,
            members: g.members,
            max: formatNumber(g.max.value, lang),
            maxNames: names(dataset, g.max.entities, lang),
            median: formatNumber(g.median, lang),
            min: formatNumber(g.min.value, lang),
            minNames: names(dataset, g.min.entities, lang),
          }),
        );
        if (g.ratio !== null) lines.push(t('study.now.groupRatio', { ratio: ratioWords(g.ratio, lang) }));
      } else lines.push(t('study.now.groupNone'));
      return {
        ...base,
        in2012: t('study.then.gap', {
          high: formatNumber(then.high.value, lang),
          low: formatNumber(then.low.value, lang),
          ratio: ratioWords(then.ratio, lang),
        }),
        today: lines,
      };
    }
    case 'participation': {
      const { then, now } = entry;
      const thenWords = t('study.then.participation', {
        count: then.count,
        of: then.of,
        names: then.names.join(lang === 'fr' ? ' et ' : ' and '),
      });
      if (now.status === 'unknown')
        return {
          ...base,
          in2012: thenWords,
          today: [`${t('study.unknown')} (${t(`study.reason.${now.reason ?? 'no-study-cohort'}`)})`],
        };
      const lines =
        now.count > 0
          ? [
              // "At least" only while some city could still have one nobody listed.
              t(now.count === now.of ? 'study.then.participation' : 'study.now.participation', {
                count: now.count,
                of: now.of,
                names: names(
                  dataset,
                  now.cities.map((c) => c.entity),
                  lang,
                ),
              }),
            ]
          : [t('study.now.participationNone', { of: now.of })];
      if (now.count < now.of) lines.push(t('study.now.participationNote'));
      return { ...base, in2012: thenWords, today: lines };
    }
  }
}

export function describeStudy(report: StudyToday, dataset: Dataset, lang: Lang): EntryWords[] {
  return report.entries.map((entry) => describeEntry(entry, dataset, lang));
}

/** The footer line every writer ends with: method, measures and dataset versions, and when. */
export function studyFooter(report: StudyToday, lang: Lang): string {
  return translator(lang)('study.footer', {
    method: report.methodVersion,
    measures: report.studyMeasuresVersion,
    edition: report.datasetEdition.id,
    editionDate: report.datasetEdition.date,
    now: report.now.slice(0, 10),
  });
}
