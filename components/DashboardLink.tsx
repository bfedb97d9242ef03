import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n';

/** Opens the dashboard (the extension's options page) in a tab. */
export function DashboardLink({ t }: { t: Translate }) {
  return (
    <p class="dashboard-link">
      <button
        type="button"
        class="link"
        data-testid="open-dashboard"
        onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      >
        {t('dash.open')}
      </button>
    </p>
  );
}
