import { type Comparison, tryCompareAccount } from '../compare';
import {
  describeFlags,
  describeOrigin,
  describePeers,
  describePresence,
  describePresenceSummary,
  memberFigure,
  sourceTitle,
} from '../compare/describe';
import { headline } from '../compare/headline';
import type { DatasetIndex } from '../dataset';
import { type Lang, translator } from '../i18n';
import { entityName, entityShortName, formatNumber } from '../i18n/format';
import { platformLabel } from '../platforms/labels';
import { PLATFORM_IDS, type PlatformId } from '../platforms/types';
import { type CommandResult, fail, type ParsedArgs } from './args';
import { liveFromValue, resolveTarget } from './target';

/** Builds the comparison the options ask for. */
export function comparisonFromArgs(
  index: DatasetIndex,
  { positional, options }: ParsedArgs,
  now: string,
): { comparison: Comparison; note?: string } | { result: CommandResult } {
  if (positional.length !== 1) return { result: fail('give one account URL or entity id') };
  if (options.platform !== undefined && !PLATFORM_IDS.includes(options.platform as PlatformId)) {
    return { result: fail(`--platform must be one of ${PLATFORM_IDS.join(', ')}`) };
  }
  const cohort = options.cohort ?? 'study';
  if (cohort !== 'study' && cohort !== 'all') return { result: fail('--cohort must be study or all') };
  const target = resolveTarget(index.dataset, positional[0] as string, options.platform as PlatformId | undefined);
  if ('result' in target) return target;
  const live = liveFromValue(target.entity, target.platform, target.accountKey, options.value, undefined, now);
  if (live && 'error' in live) return { result: fail(live.error) };
  const outcome = tryCompareAccount({
    dataset: index.dataset,
    entityId: target.entity.id,
    platform: target.platform,
    accountKey: target.accountKey,
    live,
    cohort,
    now,
  });
  if (!outcome.ok) return { result: fail(outcome.error.message, 1) };
  return { comparison: outcome.comparison, note: target.note };
}

export function langOption(value: string | true | undefined): Lang | undefined {
  if (value === undefined) return 'fr';
  return value === 'fr' || value === 'en' ? value : undefined;
}

/** `compare <url-or-entity-id> [--platform P] [--value N] [--cohort study|all] [--format text|json] [--lang fr|en]` */
export function compareCommand(index: DatasetIndex, args: ParsedArgs, now: string): CommandResult {
  const lang = langOption(args.options.lang);
  if (!lang) return fail('--lang must be fr or en');
  const format = args.options.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail('--format must be text or json');
  const built = comparisonFromArgs(index, args, now);
  if ('result' in built) return built.result;
  const stderr = built.note ? `${built.note}\n` : undefined;
  if (format === 'json') return { stdout: `${JSON.stringify(built.comparison, null, 2)}\n`, stderr, exitCode: 0 };
  return { stdout: comparisonText(index, built.comparison, lang), stderr, exitCode: 0 };
}

/** The comparison as plain text: what the popup shows, for a terminal. */
export function comparisonText(index: DatasetIndex, c: Comparison, lang: Lang): string {
  const t = translator(lang);
  const h = headline(c, lang);
  const platform = platformLabel(c.platform);
  const lines: string[] = [];
  lines.push(`${entityName(c, lang)} — ${t(`group.${c.group}`)} — ${platform}${c.account ? ` @${c.account.key}` : ''}`);
  lines.push([h.rank, h.top, h.ratio, h.missing].filter(Boolean).join(' · '));
  lines.push('');
  for (const m of c.cohort) {
    const fig = memberFigure(m);
    const rank = m.rank === null ? '  –' : String(m.rank).padStart(3);
    const name = entityShortName({ name: m.name, shortName: m.shortName ?? undefined }, lang);
    const value = m.value === null ? '—' : formatNumber(m.value, lang);
    const where = fig ? describeOrigin(fig, t, lang) : '';
    const source = m.origin === 'dataset' ? sourceTitle(index.dataset, m.source) : null;
    const extra = [m.precision && m.precision !== 'exact' ? t(`precision.${m.precision}`) : null, where, source]
      .filter(Boolean)
      .join(' · ');
    lines.push(`${rank}${m.self ? ' ▶' : '  '} ${name.padEnd(24)} ${value.padStart(12)}  ${extra}`);
  }
  if (c.perInhabitant?.value != null) {
    lines.push('');
    lines.push(
      `${t('compare.perThousand')}: ${formatNumber(c.perInhabitant.value, lang, 1)}` +
        (c.perInhabitant.rank
          ? ` (${t('compare.rankOf', { rank: c.perInhabitant.rank, of: c.perInhabitant.ranked })})`
          : ''),
    );
  }
  lines.push('');
  lines.push(`${t('compare.presence')}:`);
  for (const p of c.presence.platforms) {
    // ● present, ○ absent (a dated check or a closed account), ? unknown: an unknown is not a no.
    const mark = p.state === 'present' ? '●' : p.state === 'absent' ? '○' : '?';
    lines.push(
      `  ${mark} ${platformLabel(p.platform).padEnd(12)}${describePresence(p, lang, t).padEnd(16)} — ${describePeers(p, t)}`,
    );
  }
  lines.push(`  ${describePresenceSummary(c.presence, lang, t)}`);
  if (c.participation) {
    lines.push('');
    lines.push(
      `${t('compare.participation')}: ${c.participation.has ? c.participation.urls.join(', ') : t('compare.none')}` +
        ` — ${t('compare.peersWith', { n: c.participation.peersWith, of: c.participation.peers })}`,
    );
  }
  const flags = describeFlags(c, t, lang);
  if (flags.length) {
    lines.push('');
    for (const f of flags) lines.push(`! ${f}`);
  }
  lines.push('');
  lines.push(t('compare.footer', { edition: c.datasetEdition.id, method: c.methodVersion }));
  return `${lines.join('\n')}\n`;
}
