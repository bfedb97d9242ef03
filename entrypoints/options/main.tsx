import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Dashboard, type DashboardSlots } from '@/components/dashboard/Dashboard';
import { FindAccountsAction, RefreshGroupAction } from '@/components/dashboard/GroupActions';
import { loadDashboardData } from '@/lib/dashboard/load';
import { pickLang, translator } from '@/lib/i18n';
import { browserOverlayEnv } from '@/lib/overlay/browser-env';

// The real-browser test reads these marks to report the first render time.
performance.mark('civiscope:dashboard-start');
const root = document.getElementById('app');

async function main(): Promise<void> {
  if (!root) return;
  const uiLocale = browser.i18n.getUILanguage();
  try {
    const data = await loadDashboardData(uiLocale);
    performance.mark('civiscope:dashboard-data');
    const env = browserOverlayEnv().groupSearch;
    const slots: DashboardSlots = {
      findAccountsAction: (group, ctx) => <FindAccountsAction group={group} ctx={ctx} env={env} />,
      refreshGroupAction: (group, ctx) => <RefreshGroupAction group={group} ctx={ctx} />,
    };
    render(
      <Dashboard data={data} reload={() => loadDashboardData(uiLocale)} uiLocale={uiLocale} slots={slots} />,
      root,
    );
    performance.mark('civiscope:dashboard-rendered');
  } catch (error) {
    const t = translator(pickLang(uiLocale));
    render(
      <main>
        <h1>Civiscope</h1>
        <p role="alert">{t('dash.loadFailed', { error: String(error) })}</p>
      </main>,
      root,
    );
  }
}

void main();
