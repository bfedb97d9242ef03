import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { loadDashboardData } from '@/lib/dashboard/load';
import { pickLang, translator } from '@/lib/i18n';

// The real-browser test reads these marks to report the first render time.
performance.mark('civiscope:dashboard-start');
const root = document.getElementById('app');

async function main(): Promise<void> {
  if (!root) return;
  const uiLocale = browser.i18n.getUILanguage();
  try {
    const data = await loadDashboardData(uiLocale);
    performance.mark('civiscope:dashboard-data');
    render(<Dashboard data={data} reload={() => loadDashboardData(uiLocale)} uiLocale={uiLocale} />, root);
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
