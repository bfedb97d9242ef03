import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DashboardData, DashboardSettings } from '@/lib/dashboard/load';
import {
  eraseUserData,
  removeOverlayAbsence,
  removeOverlayAccount,
  removeOverlayParticipation,
  removeReading,
  saveImport,
} from '@/lib/dashboard/your-data';
import type { Group } from '@/lib/dataset';
import { chooseLang, type Lang, translator } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/format';
import type { PlatformId } from '@/lib/platforms/types';
import type { SlotContext } from './GroupActions';
import { GroupsSection } from './GroupsSection';
import { HistorySection } from './HistorySection';
import { printSection } from './Print';
import { SettingsSection } from './SettingsSection';
import { StudySection } from './StudySection';
import { YourDataSection } from './YourDataSection';

/** An account picked for the history section. */
export interface AccountPick {
  entityId: string;
  platform: PlatformId;
  key: string;
}

/**
 * Places left for features merged later: each renders only when given. The coordinator wires
 * them after merging the branches that provide them.
 */
export interface DashboardSlots {
  /** « Chercher les comptes sur les sites officiels » for a group (discovery, part 7). */
  findAccountsAction?: (group: Group, ctx: SlotContext) => ComponentChildren;
  /** « Actualiser le groupe » (refresh, part 8). */
  refreshGroupAction?: (group: Group, ctx: SlotContext) => ComponentChildren;
}

export interface DashboardProps {
  data: DashboardData;
  /** Reads everything again after the user's data changed (an import, a removal); tests omit it. */
  reload?: () => Promise<DashboardData>;
  /** The browser's interface language, followed when the language setting is "auto". */
  uiLocale: string | undefined;
  slots?: DashboardSlots;
}

/** The options page: groups at a glance, the 2012 study today, each account's history, your data, settings. */
export function Dashboard({ data: initial, reload, uiLocale, slots = {} }: DashboardProps) {
  const [data, setData] = useState<DashboardData>(initial);
  const [settings, setSettings] = useState<DashboardSettings>(initial.settings);
  const lang = chooseLang(settings.language, uiLocale);
  const t = translator(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Civiscope — ${t('dash.title')}`;
  }, [lang]);
  const [picked, setPicked] = useState<AccountPick | null>(null);
  const edition = data.index.dataset.edition;
  // The section's edits are saved, then the page shows the dataset and history as they now are.
  const changeThenReload = async (change: Promise<void>) => {
    await change;
    if (reload) setData(await reload());
  };
  // Stable, so that a slot following a background job does not resubscribe on every render.
  const reloadData = useCallback(() => {
    if (reload) void reload().then(setData);
  }, [reload]);
  const pick = (account: AccountPick) => {
    setPicked(account);
    // Move to the chart, and tell screen readers where they are.
    requestAnimationFrame(() => document.getElementById('history-heading')?.focus());
  };
  const sections: { id: string; label: string }[] = [
    { id: 'groups', label: t('dash.nav.groups') },
    { id: 'study', label: t('dash.nav.study') },
    { id: 'history', label: t('dash.nav.history') },
    { id: 'your-data', label: t('dash.nav.data') },
    { id: 'settings', label: t('dash.nav.settings') },
  ];
  return (
    <div class="dashboard" data-testid="dashboard">
      <header class="dash-header">
        <p class="brand">Civiscope</p>
        <h1>{t('dash.title')}</h1>
        <p class="small">
          {t('dash.edition', { edition: edition.id, date: edition.date ? formatDate(edition.date, lang) : '—' })}
        </p>
        <nav aria-label={t('dash.nav.label')} class="dash-nav">
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <GroupsSection data={data} lang={lang} t={t} onPick={pick} slots={slots} reload={reloadData} />
        <div id="study" class="dash-section">
          <StudySection
            dataset={data.index.dataset}
            observations={data.observations}
            lang={lang}
            t={t}
            now={data.now}
            print={() => printSection('study')}
          />
        </div>
        <HistorySection data={data} lang={lang} t={t} picked={picked} onPick={setPicked} />
        <div id="your-data" class="dash-section">
          <YourDataSection
            dataset={data.bundled}
            overlay={data.overlay}
            observations={data.observations}
            lang={lang}
            t={t}
            now={data.now}
            onRemoveAccount={(account) => changeThenReload(removeOverlayAccount(account))}
            onRemoveAbsence={(absence) => changeThenReload(removeOverlayAbsence(absence))}
            onRemoveParticipation={(found) => changeThenReload(removeOverlayParticipation(found))}
            onRemoveObservation={(reading) => changeThenReload(removeReading(reading))}
            onImport={(result) => changeThenReload(saveImport(result))}
            onEraseAll={() => changeThenReload(eraseUserData())}
          />
        </div>
        <SettingsSection settings={settings} lang={lang} t={t} onChange={setSettings} />
      </main>
      <footer class="dash-footer small">{t('dash.footer')}</footer>
    </div>
  );
}
