import { useMemo, useState } from 'preact/hooks';
import { dayString } from '@/lib/compare/dates';
import { buildGroupTable, coverageOf, DASHBOARD_GROUPS } from '@/lib/dashboard/group-table';
import type { DashboardData } from '@/lib/dashboard/load';
import type { Group } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import type { AccountPick, DashboardSlots } from './Dashboard';
import { GroupTableView } from './GroupTableView';
import { PresenceView } from './PresenceView';

export interface GroupsSectionProps {
  data: DashboardData;
  lang: Lang;
  t: Translate;
  onPick: (account: AccountPick) => void;
  slots: Pick<DashboardSlots, 'findAccountsAction' | 'refreshGroupAction'>;
}

/** One group at a time: its table of accounts and figures, coverage, and presence per platform. */
export function GroupsSection({ data, lang, t, onPick, slots }: GroupsSectionProps) {
  const [group, setGroup] = useState<Group>('city');
  const today = dayString(Math.floor(data.now.getTime() / 86_400_000));
  const table = useMemo(
    () => buildGroupTable(data.index.dataset, group, data.observations, today),
    [data, group, today],
  );
  const coverage = coverageOf(table.rows);
  const groups = t(`groups.${group}`);
  const find = slots.findAccountsAction?.(group);
  const refresh = slots.refreshGroupAction?.(group);
  return (
    <section id="groups" aria-labelledby="groups-heading" class="dash-section">
      <h2 id="groups-heading">{t('dash.groups.title')}</h2>
      <fieldset class="group-picker">
        <legend>{t('dash.groups.pick')}</legend>
        {DASHBOARD_GROUPS.filter((g) => data.index.dataset.entities.some((e) => e.group === g)).map((g) => (
          <button
            key={g}
            type="button"
            aria-pressed={g === group}
            data-testid={`group-${g}`}
            onClick={() => setGroup(g)}
          >
            {t(`dash.groups.${g}`)}
          </button>
        ))}
      </fieldset>
      <div class="coverage" data-testid="coverage">
        <p>
          {t('dash.coverage.accounts', { n: coverage.withAccount, of: coverage.institutions, groups })}
          {' · '}
          {t('dash.coverage.figures', { n: coverage.withFigure, of: coverage.institutions, groups })}
          {table.notCurrent > 0 && <> · {t('dash.coverage.notCurrent', { n: table.notCurrent })}</>}
        </p>
        {(find || refresh) && (
          <div class="gap-actions" data-testid="gap-actions">
            {find}
            {refresh}
          </div>
        )}
      </div>
      <GroupTableView key={group} table={table} lang={lang} t={t} onPick={onPick} />
      <PresenceView key={`presence-${group}`} table={table} lang={lang} t={t} />
    </section>
  );
}
