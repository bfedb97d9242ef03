import { useEffect, useMemo, useState } from 'preact/hooks';
import { compareAccountOnScreen } from '@/lib/compare/account';
import { mainAccount } from '@/lib/compare/compare';
import type { DashboardData } from '@/lib/dashboard/load';
import type { Group } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import type { GroupSearchBrowser } from '@/lib/overlay/group-search';
import { PLATFORM_LABELS } from '@/lib/platforms/labels';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { type CohortChoice, getCohortChoice } from '@/lib/settings/preferences';
import { GroupSearch } from '../GroupSearch';
import { RefreshGroup } from '../RefreshGroup';

/** What a dashboard slot gets besides the group: the page's language and data. */
export interface SlotContext {
  data: DashboardData;
  lang: Lang;
  t: Translate;
  /** Reads the dashboard's data again (new figures, accepted accounts). */
  reload: () => void;
}

/** « Chercher les comptes sur les sites officiels » for the group shown, as in the popup. */
export function FindAccountsAction({ group, ctx, env }: { group: Group; ctx: SlotContext; env: GroupSearchBrowser }) {
  return <GroupSearch group={group} dataset={ctx.data.index.dataset} env={env} lang={ctx.lang} t={ctx.t} />;
}

/**
 * « Actualiser le groupe » from the dashboard. The refresh re-reads a cohort around one account;
 * here the account is the first institution of the group (in the dataset's order) with an
 * account on the chosen platform. No page of it is open here, so it is re-read with the others
 * (`withSelf`): every member of the cohort is. The cohort is the user's choice stored by the
 * popup (the same one the badge follows).
 */
export function RefreshGroupAction({ group, ctx }: { group: Group; ctx: SlotContext }) {
  const [platform, setPlatform] = useState<PlatformId>('x');
  const [cohort, setCohort] = useState<CohortChoice>('study');
  useEffect(() => {
    void getCohortChoice().then(setCohort);
  }, []);
  const { data, lang, t } = ctx;
  const comparison = useMemo(() => {
    const anchor = data.index.dataset.entities.find(
      (e) => e.group === group && mainAccount(e, platform, data.observations) !== undefined,
    );
    const account = anchor && mainAccount(anchor, platform, data.observations);
    if (!anchor || !account) return undefined;
    return compareAccountOnScreen({
      dataset: data.index.dataset,
      entityId: anchor.id,
      account: { platform, page: 'profile', key: account.key },
      observations: data.observations,
      cohort,
      now: data.now,
    });
  }, [data, group, platform, cohort]);
  const id = `refresh-platform-${group}`;
  return (
    <div class="refresh-group-action" data-testid="refresh-group-action">
      <label for={id}>{t('dash.refresh.platform')}</label>{' '}
      <select
        id={id}
        value={platform}
        onChange={(e) => setPlatform((e.target as HTMLSelectElement).value as PlatformId)}
      >
        {PLATFORM_IDS.map((p) => (
          <option key={p} value={p}>
            {PLATFORM_LABELS[p]}
          </option>
        ))}
      </select>
      {comparison ? (
        <RefreshGroup
          key={`${group}-${platform}`}
          comparison={comparison}
          index={data.index}
          cohort={cohort}
          withSelf
          lang={lang}
          t={t}
          onFigures={ctx.reload}
        />
      ) : (
        <p class="small">{t('refresh.nothing', { platform: PLATFORM_LABELS[platform] })}</p>
      )}
    </div>
  );
}
