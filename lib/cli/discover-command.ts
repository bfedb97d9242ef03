import { readFileSync } from 'node:fs';
import type { DatasetIndex } from '../dataset';
import type { Entity } from '../dataset/schema';
import {
  type DiscoveredAccount,
  discoverAccounts,
  platformsWithoutAccount,
  type StatusedAccount,
  withStatus,
} from '../discovery';
import { translator } from '../i18n';
import { entityName } from '../i18n/format';
import { platformLabel } from '../platforms/labels';
import { type CommandResult, fail, type ParsedArgs } from './args';
import { langOption } from './compare-command';
import { unknownEntityMessage } from './dataset-commands';
import { parseHtml } from './read-command';

export const DISCOVER_USAGE =
  'usage: civiscope discover <website-url> <html-file> [--entity <id>] [--format text|json] [--lang fr|en]';

/**
 * `discover <website-url> <html-file>`: the extension's discovery on a saved homepage. With
 * `--entity`, each candidate says whether the dataset already lists it. Exit code 1 when the page
 * names no account, 2 for usage errors.
 */
export function discoverCommand(index: DatasetIndex, { positional, options }: ParsedArgs): CommandResult {
  const [website, file] = positional;
  if (!website || !file || positional.length > 2) return fail(DISCOVER_USAGE);
  const lang = langOption(options.lang);
  if (!lang) return fail('--lang must be fr or en');
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail('--format must be text or json');
  let entity: Entity | undefined;
  if (options.entity !== undefined) {
    if (options.entity === true) return fail('--entity needs an entity id');
    entity = index.entity(options.entity);
    if (!entity) return fail(unknownEntityMessage(index.dataset, options.entity), 2);
  }
  if (!/^https?:\/\//i.test(website)) return fail(`${website} is not an http(s) URL\n${DISCOVER_USAGE}`);
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const result = discoverAccounts(parseHtml(html), website);
  const candidates = entity ? withStatus(index.dataset, entity, result.candidates) : result.candidates;
  const notes: string[] = [...result.problems];
  if (entity && !entity.websites?.some((w) => sameHost(w.url, website)))
    notes.push(`${website} is not a website the dataset lists for ${entity.id}`);
  const stderr = notes.length > 0 ? `${notes.join('\n')}\n` : undefined;
  const exitCode = candidates.length === 0 ? 1 : 0;
  const absent = platformsWithoutAccount(result);
  if (format === 'json') {
    const out = {
      website,
      ...(entity ? { entity: entity.id } : {}),
      candidates: candidates.map(jsonCandidate),
      participation: result.participation,
      blogs: result.blogs,
      noAccountOn: absent,
      problems: result.problems,
    };
    return { stdout: `${JSON.stringify(out, null, 2)}\n`, stderr, exitCode };
  }
  const t = translator(lang);
  const lines: string[] = [t('discover.title', { site: website })];
  if (entity) lines.push(entityName(entity, lang));
  if (candidates.length === 0) lines.push(t('discover.none'));
  for (const c of candidates) {
    const status = 'status' in c ? statusText(c as StatusedAccount, t, index, lang) : undefined;
    const parts = [
      t(c.primary ? 'discover.primary' : 'discover.alternative'),
      t(`discover.where.${c.where}`),
      t(`discover.evidence.${c.evidence}`),
      c.confirmedBy ? t('discover.confirmed') : undefined,
      c.partner ? t('discover.partner') : undefined,
      status,
    ].filter(Boolean);
    lines.push(
      `${c.primary ? '▶' : ' '} ${platformLabel(c.platform).padEnd(11)} ${c.key.padEnd(30)} ${parts.join(' · ')}`,
    );
    lines.push(`    ${c.url}${c.label ? `  « ${c.label} »` : ''}`);
  }
  if (result.participation.length > 0) {
    lines.push('', t('discover.participation'));
    for (const p of result.participation) lines.push(`  ${p.url}${p.software ? ` (${p.software})` : ''}`);
  }
  if (result.blogs.length > 0) {
    lines.push('', t('discover.blogs'));
    for (const b of result.blogs) lines.push(`  ${b.url}`);
  }
  if (absent.length > 0) lines.push('', t('discover.noAccountOn', { platforms: absent.map(platformLabel).join(', ') }));
  return { stdout: `${lines.join('\n')}\n`, stderr, exitCode };
}

/** The issue's fields first (platform, key, url, evidence, where, primary), then the details. */
function jsonCandidate(c: DiscoveredAccount | StatusedAccount) {
  const { platform, key, url, evidence, where, primary, ...details } = c;
  return { platform, key, url, evidence, where, primary, ...details };
}

function statusText(
  c: StatusedAccount,
  t: ReturnType<typeof translator>,
  index: DatasetIndex,
  lang: 'fr' | 'en',
): string {
  const base =
    c.status === 'conflict'
      ? t('discover.status.conflict', { keys: (c.listedKeys ?? []).join(', ') })
      : t(`discover.status.${c.status}`);
  const other = c.listedFor ? index.entity(c.listedFor) : undefined;
  return other ? `${base} · ${t('discover.listedFor', { name: entityName(other, lang) })}` : base;
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).hostname.replace(/^www\./, '') === new URL(b).hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
}
