import { useMemo } from 'preact/hooks';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import { browserOverlayEnv, type OverlayEnv } from '@/lib/overlay/browser-env';
import type { PopupData } from '@/lib/popup/popup-data';
import { AboutCard } from './AboutCard';
import { DashboardLink } from './DashboardLink';
import { GroupSearch } from './GroupSearch';
import { ListedAccount } from './ListedAccount';
import { OverlayPanel } from './OverlayPanel';
import { UnlistedAccount } from './UnlistedAccount';
import { WebsiteCard } from './WebsiteCard';

export interface AppProps {
  data: PopupData;
  lang: Lang;
  error?: string;
  /** Browser access for the user's additions (site reading, group search); tests pass fakes. */
  env?: OverlayEnv;
}

export function App({ data, lang, error, env }: AppProps) {
  const t = translator(lang);
  const { model } = data;
  // Made once: a new scanTab on every render would read the page again.
  const overlayEnv = useMemo(() => env ?? browserOverlayEnv(), [env]);
  const entities = data.index.dataset.entities;
  return (
    <div class="popup" data-testid={`state-${model.kind}`}>
      {model.kind === 'listed' && <ListedAccount model={model} data={data} lang={lang} t={t} />}
      {model.kind === 'unlisted' && (
        <UnlistedAccount model={model} lang={lang} t={t} entities={entities} profileUrl={data.profileUrl} />
      )}
      {model.kind === 'website' && (
        <WebsiteCard model={model} lang={lang} t={t} tabId={data.tabId} scanTab={overlayEnv.scanTab} />
      )}
      {(model.kind === 'listed' || model.kind === 'website') && (
        <GroupSearch
          group={model.entity.group}
          dataset={data.index.dataset}
          env={overlayEnv.groupSearch}
          lang={lang}
          t={t}
        />
      )}
      {data.overlay && (
        <OverlayPanel
          dataset={data.index.dataset}
          overlay={data.overlay.overlay}
          conflicts={data.overlay.conflicts}
          skipped={data.overlay.skipped}
          lang={lang}
          t={t}
        />
      )}
      {model.kind === 'other' && <AboutCard t={t} />}
      <DashboardLink t={t} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
