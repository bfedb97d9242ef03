import { checkDataset } from '../dataset/check';
import { formatDataFile } from '../dataset/format';
import type { Account, Confidence, Dataset, Entity, Figure } from '../dataset/schema';
import { CONFIDENCES, GROUPS } from '../dataset/schema';
import { PLATFORM_IDS } from '../platforms/types';
import type { CommandResult } from './args';

const countFigures = (d: Dataset) =>
  d.entities.reduce((n, e) => n + e.accounts.reduce((m, a) => m + (a.figures?.length ?? 0), 0), 0);
const countAccounts = (d: Dataset) => d.entities.reduce((n, e) => n + e.accounts.length, 0);

/** `dataset check`: every problem as `path: message`, or a one-line summary. Accepts text or parsed JSON. */
export function datasetCheck(json: unknown): CommandResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (e) {
      return { stdout: `Not JSON: ${(e as Error).message}\n`, exitCode: 1 };
    }
  }
  const problems = checkDataset(input);
  if (problems.length) {
    const lines = problems.map((p) => `${p.path}: ${p.message}`);
    return { stdout: `${lines.join('\n')}\n${problems.length} problem(s)\n`, exitCode: 1 };
  }
  const d = input as Dataset;
  return {
    stdout: `OK: ${d.entities.length} entities, ${countAccounts(d)} accounts, ${countFigures(d)} figures\n`,
    exitCode: 0,
  };
}

type Age = '≤1y' | '1–3y' | 'older' | 'undated';
const DAY = 86_400_000;

/** Age of a figure relative to the edition date; dates of month or year precision count from their start. */
export function figureAge(figure: Pick<Figure, 'date'>, asOf: string): Age {
  if (!figure.date) return 'undated';
  const t = Date.parse(
    figure.date.length === 4 ? `${figure.date}-01-01` : figure.date.length === 7 ? `${figure.date}-01` : figure.date,
  );
  const days = (Date.parse(asOf) - t) / DAY;
  if (days <= 366) return '≤1y';
  if (days <= 3 * 366) return '1–3y';
  return 'older';
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padL = (s: string | number, n: number) => String(s).padStart(n);

/**
 * `dataset coverage`: per group and platform, how many entities have a listed account (split by best
 * confidence: confirmed/press/third-party/user) and how many have a figure, by age of the newest figure.
 */
export function datasetCoverage(dataset: Dataset): CommandResult {
  const asOf = dataset.edition.date;
  const out: string[] = [
    `Coverage of edition ${dataset.edition.id} (figure ages relative to ${asOf}).`,
    'accounts: entities with at least one listed account (c/p/t/u = best confidence confirmed/press/third-party/user — u only with a merged overlay);',
    'figures: entities with a figure, by age of their newest figure.',
    '',
  ];
  for (const group of GROUPS) {
    const members = dataset.entities.filter((e) => e.group === group);
    if (!members.length) continue;
    out.push(`${group} (${members.length} entities)`);
    out.push(
      `  ${pad('platform', 12)}${padL('accounts', 9)}  ${pad('c/p/t/u', 9)}${padL('figures', 8)}${padL('≤1y', 6)}${padL('1–3y', 6)}${padL('older', 7)}${padL('undated', 9)}`,
    );
    for (const platform of PLATFORM_IDS) {
      const conf: Record<Confidence, number> = { confirmed: 0, press: 0, 'third-party': 0, user: 0 };
      const ages: Record<Age, number> = { '≤1y': 0, '1–3y': 0, older: 0, undated: 0 };
      let withAccount = 0;
      let withFigure = 0;
      for (const e of members) {
        const accounts = e.accounts.filter((a) => a.platform === platform);
        if (!accounts.length) continue;
        withAccount++;
        // CONFIDENCES runs from the surest to the least sure.
        const best = CONFIDENCES.find((c) => accounts.some((a) => a.confidence === c)) ?? 'user';
        conf[best]++;
        const figures = accounts.flatMap((a) => a.figures ?? []);
        if (!figures.length) continue;
        withFigure++;
        const dated = figures.filter((f) => f.date).sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1));
        ages[dated[0] ? figureAge(dated[0], asOf) : 'undated']++;
      }
      if (!withAccount) continue;
      out.push(
        `  ${pad(platform, 12)}${padL(withAccount, 9)}  ${pad(`${conf.confirmed}/${conf.press}/${conf['third-party']}/${conf.user}`, 9)}${padL(withFigure, 8)}${padL(ages['≤1y'], 6)}${padL(ages['1–3y'], 6)}${padL(ages.older, 7)}${padL(ages.undated, 9)}`,
      );
    }
    const none = members.filter((e) => e.accounts.length === 0).length;
    out.push(`  ${none} of ${members.length} with no listed account`, '');
  }
  return { stdout: `${out.join('\n')}`, exitCode: 0 };
}

function describeFigure(f: Figure, dataset: Dataset): string {
  const when = f.date ? `${f.onOrBefore ? 'on or before ' : ''}${f.date}` : 'undated';
  const approx = f.precision === 'rounded' ? '≈' : f.precision === 'lower-bound' ? '>' : '';
  const src = dataset.sources[f.source]?.title ?? f.source;
  return `${approx}${f.value.toLocaleString('en-US')} ${f.metric}, ${when}${f.edition ? ` (${f.edition} study)` : ''} [${f.source}: ${src}]${f.note ? ` — ${f.note}` : ''}`;
}

function describeAccount(a: Account, dataset: Dataset): string[] {
  const lines = [`  ${a.platform}:${a.key}  ${a.url}`];
  lines.push(
    `    status: ${a.status}${a.statusSince ? ` since ${a.statusSince}` : ''}${a.statusNote ? ` — ${a.statusNote.en ?? a.statusNote.fr}` : ''}`,
  );
  lines.push(`    confidence: ${a.confidence}; sources: ${a.sources.join(', ')}`);
  for (const f of a.figures ?? []) lines.push(`    figure: ${describeFigure(f, dataset)}`);
  if (a.note) lines.push(`    note: ${a.note}`);
  return lines;
}

function describeEntity(e: Entity, dataset: Dataset): string {
  const lines = [`${e.name.fr}${e.name.en ? ` / ${e.name.en}` : ''}  [${e.id}, ${e.group}]`];
  if (e.role) lines.push(`role: ${e.role.fr}${e.role.en ? ` / ${e.role.en}` : ''}`);
  if (e.code) lines.push(`code: ${e.code.scheme} ${e.code.value}`);
  if (e.population)
    lines.push(
      `population: ${e.population.value.toLocaleString('en-US')} (${e.population.vintage}, source ${e.population.source})`,
    );
  if (e.cohort2012) lines.push('2012 study cohort: yes');
  if (e.validFrom || e.validTo) lines.push(`valid: ${e.validFrom ?? '?'} – ${e.validTo ?? 'now'}`);
  for (const w of e.websites ?? []) lines.push(`website: ${w.url} (${w.confidence}; ${w.sources.join(', ')})`);
  for (const p of e.participation ?? [])
    lines.push(
      `participation: ${p.url}${p.software ? `, ${p.software}` : ''}${p.since ? `, since ${p.since}` : ''} (${p.confidence}; ${p.sources.join(', ')})`,
    );
  for (const r of e.related ?? []) lines.push(`related: ${r.relation} ${r.entity}`);
  lines.push(e.accounts.length ? `accounts (${e.accounts.length}):` : 'accounts: none listed');
  for (const a of e.accounts) lines.push(...describeAccount(a, dataset));
  for (const f of dataset.study?.figures2012?.filter((x) => x.entity === e.id) ?? [])
    lines.push(`2012 study: ${f.platform} ${describeFigure({ ...f, edition: '2012' }, dataset)}`);
  const used = new Set([
    ...(e.population ? [e.population.source] : []),
    ...(e.sources ?? []),
    ...e.accounts.flatMap((a) => [...a.sources, ...(a.figures ?? []).map((f) => f.source)]),
    ...(e.websites ?? []).flatMap((w) => w.sources),
    ...(e.participation ?? []).flatMap((p) => p.sources),
  ]);
  lines.push('sources:');
  for (const id of [...used].sort()) {
    const s = dataset.sources[id];
    lines.push(`  ${id}: ${s ? `${s.title}${s.date ? ` (${s.date})` : ''}${s.url ? ` ${s.url}` : ''}` : '(missing)'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** "No entity with id …", with up to five entities whose id or name contains what was typed. */
export function unknownEntityMessage(dataset: Dataset, id: string): string {
  const q = id.toLowerCase();
  const near = dataset.entities
    .filter((e) => e.id.includes(q) || e.name.fr.toLowerCase().includes(q))
    .slice(0, 5)
    .map((e) => `${e.id} (${e.name.fr})`);
  return `No entity with id "${id}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`;
}

/** `dataset show <id>`: one entity with everything known (text) or its record (json). */
export function datasetShow(dataset: Dataset, id: string, format: 'text' | 'json' = 'text'): CommandResult {
  const entity = dataset.entities.find((e) => e.id === id);
  if (!entity) return { stdout: `${unknownEntityMessage(dataset, id)}\n`, exitCode: 1 };
  if (format === 'json') return { stdout: `${JSON.stringify(entity, null, 2)}\n`, exitCode: 0 };
  return { stdout: describeEntity(entity, dataset), exitCode: 0 };
}

/** `dataset export`: the whole dataset as one canonical JSON document, accepted by `dataset check`. */
export function datasetExport(dataset: Dataset): CommandResult {
  return { stdout: formatDataFile(dataset), exitCode: 0 };
}
