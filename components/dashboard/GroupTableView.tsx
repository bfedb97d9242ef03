import { useMemo, useState } from 'preact/hooks';
import {
  type AccountCell,
  filterRows,
  type GroupRow,
  type GroupTable,
  type SortKey,
  type SortState,
  sortRows,
} from '@/lib/dashboard/group-table';
import type { Lang, Translate } from '@/lib/i18n';
import { entityName, formatDate, formatNumber } from '@/lib/i18n/format';
import { platformLabel } from '@/lib/platforms/labels';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import type { AccountPick } from './Dashboard';
import { ScrollRegion } from './ScrollRegion';

export interface GroupTableViewProps {
  table: GroupTable;
  lang: Lang;
  t: Translate;
  onPick: (account: AccountPick) => void;
}

/** A group's institutions × platforms: handle, newest figure (details on hover or focus), per 1,000 inhabitants. */
export function GroupTableView({ table, lang, t, onPick }: GroupTableViewProps) {
  const [query, setQuery] = useState('');
  const [studyOnly, setStudyOnly] = useState(false);
  const [perInhabitant, setPerInhabitant] = useState(false);
  const [sort, setSort] = useState<SortState>({ key: 'name', direction: 'ascending' });
  const rows = useMemo(
    () => sortRows(filterRows(table.rows, query, studyOnly), sort, lang),
    [table, query, studyOnly, sort, lang],
  );
  const platformKey = (p: PlatformId): SortKey => (perInhabitant ? `${p}:perThousand` : p);
  const sortBy = (key: SortKey) =>
    setSort((s) => ({
      key,
      // Names read best A→Z; figures largest first.
      direction:
        s.key === key
          ? s.direction === 'ascending'
            ? 'descending'
            : 'ascending'
          : key === 'name'
            ? 'ascending'
            : 'descending',
    }));
  const header = (label: string, key: SortKey, testId: string, extra?: string) => (
    <th scope="col" aria-sort={sort.key === key ? sort.direction : undefined} class={extra}>
      <button type="button" class="sort" data-testid={testId} onClick={() => sortBy(key)}>
        {label}
        <span class="sort-mark" aria-hidden="true">
          {sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
  const groupName = t(`groups.${table.group}`);
  return (
    <div class="group-table">
      <div class="controls">
        <label>
          {t('dash.table.filter')}{' '}
          <input
            type="search"
            value={query}
            data-testid="table-filter"
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
        </label>
        {table.hasStudyCohort && (
          <label>
            <input
              type="checkbox"
              role="switch"
              aria-checked={studyOnly}
              checked={studyOnly}
              data-testid="study-only"
              onChange={(e) => setStudyOnly((e.target as HTMLInputElement).checked)}
            />{' '}
            {t('dash.table.studyOnly')}
          </label>
        )}
        {table.hasPopulation && (
          <label>
            <input
              type="checkbox"
              checked={perInhabitant}
              data-testid="sort-per-inhabitant"
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                setPerInhabitant(on);
                // Keep sorting the same platform, now by its figure per 1,000 inhabitants (or back).
                setSort((s) => {
                  if (s.key === 'name' || s.key === 'population') return s;
                  const platform = s.key.split(':')[0] as PlatformId;
                  return { ...s, key: on ? `${platform}:perThousand` : platform };
                });
              }}
            />{' '}
            {t('dash.table.sortPerInhabitant')}
          </label>
        )}
        <p class="small" role="status" data-testid="row-count">
          {t('dash.table.shown', { n: rows.length, of: table.rows.length, groups: groupName })}
        </p>
      </div>
      <ScrollRegion labelledBy="group-table-caption">
        <table class="accounts" data-testid="group-table" data-group={table.group}>
          <caption id="group-table-caption">{t('dash.table.caption', { groups: groupName })}</caption>
          <thead>
            <tr>
              {header(t('dash.table.institution'), 'name', 'sort-name', 'sticky')}
              {table.hasPopulation && header(t('dash.table.population'), 'population', 'sort-population', 'num')}
              {PLATFORM_IDS.map((p) => header(platformLabel(p), platformKey(p), `sort-${p}`))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.entity.id} row={row} table={table} lang={lang} t={t} onPick={onPick} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p class="small legend">{t('dash.table.legend')}</p>
    </div>
  );
}

interface RowProps {
  row: GroupRow;
  table: GroupTable;
  lang: Lang;
  t: Translate;
  onPick: (account: AccountPick) => void;
}

function Row({ row, table, lang, t, onPick }: RowProps) {
  const name = entityName(row.entity, lang);
  return (
    <tr data-entity={row.entity.id}>
      <th scope="row" class="sticky">
        {name}
        {row.cohort2012 && (
          <span class="study-mark" title={t('dash.table.studyMember')}>
            {' '}
            ★<span class="sr-only">{t('dash.table.studyMember')}</span>
          </span>
        )}
      </th>
      {table.hasPopulation && <td class="num">{row.population === null ? '—' : formatNumber(row.population, lang)}</td>}
      {PLATFORM_IDS.map((p) => {
        const cell = row.cells[p];
        return cell ? (
          <FigureCell key={p} cell={cell} entityId={row.entity.id} name={name} lang={lang} t={t} onPick={onPick} />
        ) : (
          <td key={p} class="empty">
            <span aria-hidden="true">·</span>
            <span class="sr-only">{t('dash.table.noAccount')}</span>
          </td>
        );
      })}
    </tr>
  );
}

interface FigureCellProps {
  cell: AccountCell;
  entityId: string;
  name: string;
  lang: Lang;
  t: Translate;
  onPick: (account: AccountPick) => void;
}

/** Figure details in words, for the tooltip: date, precision, origin. */
export function figureDetails(cell: AccountCell, lang: Lang, t: Translate): string {
  const f = cell.figure;
  if (!f) return t('dash.figure.none');
  const date = f.date
    ? f.onOrBefore
      ? t('origin.onOrBefore', { date: formatDate(f.date, lang) })
      : formatDate(f.date, lang)
    : t('origin.undated');
  return [
    `${t(`metric.${f.metric}`)}, ${date}`,
    t(`precision.${f.precision}`),
    t(`dash.figure.origin.${cell.origin ?? 'dataset'}`),
  ].join(' · ');
}

function FigureCell({ cell, entityId, name, lang, t, onPick }: FigureCellProps) {
  const f = cell.figure;
  const tipId = `tip-${entityId}-${cell.platform}`;
  const mark = f?.precision === 'rounded' ? '≈ ' : f?.precision === 'lower-bound' ? '> ' : '';
  const inactive = cell.account.status !== 'active';
  // Escape hides the details until the figure loses focus (WCAG 1.4.13: dismissible without moving).
  const [dismissed, setDismissed] = useState(false);
  return (
    <td class={`account-cell${inactive ? ' inactive' : ''}`} data-platform={cell.platform}>
      <a class="handle" href={cell.account.url} target="_blank" rel="noreferrer">
        {cell.account.key}
      </a>
      {cell.others > 0 && <span class="small"> +{cell.others}</span>}
      {inactive && <span class="small status"> · {t(`status.${cell.account.status}`)}</span>}
      {cell.fromOverlay && <span class="small added"> · {t('dash.table.added')}</span>}
      {f ? (
        <span class={`figure-line${dismissed ? ' dismissed' : ''}`}>
          <button
            type="button"
            class="figure"
            aria-describedby={tipId}
            data-testid="figure"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDismissed(true);
            }}
            onBlur={() => setDismissed(false)}
            onMouseLeave={() => setDismissed(false)}
            onClick={() => onPick({ entityId, platform: cell.platform, key: cell.account.key })}
          >
            {mark}
            {formatNumber(f.value, lang)}
            <span class="sr-only">
              {' '}
              — {t('dash.table.historyOf', { name, platform: platformLabel(cell.platform) })}
            </span>
          </button>
          <span role="tooltip" id={tipId} class="tip">
            {figureDetails(cell, lang, t)}
          </span>
          {cell.perThousand !== null && (
            <span class="per-thousand small">
              {t('dash.table.perThousand', { value: formatNumber(cell.perThousand, lang, 1) })}
            </span>
          )}
        </span>
      ) : (
        <span class="figure-line small">{t('dash.figure.none')}</span>
      )}
    </td>
  );
}
