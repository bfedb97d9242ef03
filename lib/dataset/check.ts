import { detectAccount, PLATFORMS } from '../platforms/registry';
import { type DatasetProblem, parseDataset } from './index';
import type { Dataset } from './schema';

export type { DatasetProblem } from './index';

/** The 2012 study looked at the ten largest cities and the ten most populous regions. */
export const COHORT_SIZE = { city: 10, region: 10 } as const;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that exists in the calendar (2025-02-30 does not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Compares two dates of possibly different precision on their common precision ("2024" vs "2024-05" are equal). */
export function compareLooseDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Every problem of a dataset given as unknown JSON: schema first (when the shape is wrong, the
 * other checks would only repeat it), then the rules a schema cannot say. Pure; never throws.
 */
export function checkDataset(input: unknown): DatasetProblem[] {
  const { dataset, problems } = parseDataset(input);
  if (!dataset) return problems;
  return checkParsed(dataset);
}

function checkParsed(d: Dataset): DatasetProblem[] {
  const out: DatasetProblem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const sourceIds = new Set(Object.keys(d.sources));
  const entityIds = new Set<string>();
  const ref = (path: string, id: string | undefined) => {
    if (id !== undefined && !sourceIds.has(id)) add(path, `unknown source "${id}" (not in sources)`);
  };
  const date = (path: string, value: string | undefined) => {
    if (value !== undefined && !isRealDate(value)) add(path, `"${value}" is not a calendar date`);
  };

  date('edition.date', d.edition.date);
  date('edition.ministersAsOf', d.edition.ministersAsOf);
  ref('edition.ministersSource', d.edition.ministersSource);
  for (const [id, s] of Object.entries(d.sources)) date(`sources.${id}.date`, s.date);

  const seen = new Map<string, number>();
  d.entities.forEach((e, i) => {
    const prior = seen.get(e.id);
    if (prior !== undefined) add(`entities[${i}] (${e.id}).id`, `duplicate id (also entities[${prior}])`);
    else seen.set(e.id, i);
    entityIds.add(e.id);
    if (!e.id.startsWith(`${e.group}-`)) add(`entities[${i}] (${e.id}).group`, `id does not start with "${e.group}-"`);
  });

  const accountOwner = new Map<string, string>();
  d.entities.forEach((e, i) => {
    const at = `entities[${i}] (${e.id})`;
    ref(`${at}.population.source`, e.population?.source);
    date(`${at}.validFrom`, e.validFrom);
    date(`${at}.validTo`, e.validTo);
    if (e.validFrom && e.validTo && compareLooseDates(e.validFrom, e.validTo) > 0)
      add(`${at}.validTo`, `validTo ${e.validTo} is before validFrom ${e.validFrom}`);
    for (const s of e.sources ?? []) ref(`${at}.sources`, s);
    e.websites?.forEach((w, j) => {
      for (const s of w.sources) ref(`${at}.websites[${j}].sources`, s);
    });
    e.participation?.forEach((p, j) => {
      date(`${at}.participation[${j}].since`, p.since);
      for (const s of p.sources) ref(`${at}.participation[${j}].sources`, s);
    });
    e.related?.forEach((r, j) => {
      if (!entityIds.has(r.entity)) add(`${at}.related[${j}].entity`, `unknown entity "${r.entity}"`);
    });
    const checkedPlatforms = new Set<string>();
    e.checkedAbsent?.forEach((c, j) => {
      const here = `${at}.checkedAbsent[${j}] (${c.platform})`;
      ref(`${here}.source`, c.source);
      date(`${here}.date`, c.date);
      if (checkedPlatforms.has(c.platform)) add(here, `${c.platform} is checked absent twice: keep the newest check`);
      checkedPlatforms.add(c.platform);
      // A closed account is consistent with a later check that finds none; a live one is not.
      const live = e.accounts.find((a) => a.platform === c.platform && a.status !== 'closed');
      if (live) add(here, `${c.platform} is checked absent but the entity lists ${c.platform}:${live.key}`);
    });
    e.accounts.forEach((a, j) => {
      const here = `${at}.accounts[${j}] (${a.platform}:${a.key})`;
      if (a.sources.length === 0) add(`${here}.sources`, 'every account needs a source');
      for (const s of a.sources) ref(`${here}.sources`, s);
      date(`${here}.statusSince`, a.statusSince);
      const pair = `${a.platform} ${a.key}`;
      const owner = accountOwner.get(pair);
      if (owner) add(here, `account ${a.platform}:${a.key} is also listed under ${owner}`);
      else accountOwner.set(pair, e.id);
      // Live once the platform URL grammars are registered; an empty registry recognises nothing.
      if (PLATFORMS.length > 0) {
        const found = detectAccount(a.url);
        if (!found) add(`${here}.url`, `${a.url} is not recognised as a ${a.platform} account URL`);
        else if (found.platform !== a.platform || found.key !== a.key)
          add(`${here}.key`, `the URL gives ${found.platform}:${found.key}, the record says ${a.platform}:${a.key}`);
      }
      a.figures?.forEach((f, k) => {
        if (!f.source) add(`${here}.figures[${k}].source`, 'every figure needs a source');
        ref(`${here}.figures[${k}].source`, f.source);
        date(`${here}.figures[${k}].date`, f.date);
        if (f.onOrBefore && !f.date) add(`${here}.figures[${k}].onOrBefore`, 'onOrBefore needs a date');
      });
    });
  });

  if (d.study) {
    ref('study.source', d.study.source);
    date('study.date', d.study.date);
    d.study.figures2012?.forEach((f, k) => {
      const at = `study.figures2012[${k}]`;
      ref(`${at}.source`, f.source);
      date(`${at}.date`, f.date);
      if (!entityIds.has(f.entity)) add(`${at}.entity`, `unknown entity "${f.entity}"`);
    });
  }

  for (const group of ['city', 'region'] as const) {
    const n = d.entities.filter((e) => e.group === group && e.cohort2012).length;
    if (n !== COHORT_SIZE[group])
      add('entities', `${n} ${group} entities flagged cohort2012, expected ${COHORT_SIZE[group]}`);
  }
  return out;
}
