import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import type { PopupData } from '@/lib/popup/popup-data';
import { AboutCard } from './AboutCard';
import { DashboardLink } from './DashboardLink';
import { ListedAccount } from './ListedAccount';
import { UnlistedAccount } from './UnlistedAccount';
import { WebsiteCard } from './WebsiteCard';

export interface AppProps {
  data: PopupData;
  lang: Lang;
  error?: string;
}

export function App({ data, lang, error }: AppProps) {
  const t = translator(lang);
  const { model } = data;
  return (
    <div class="popup" data-testid={`state-${model.kind}`}>
      {model.kind === 'listed' && <ListedAccount model={model} data={data} lang={lang} t={t} />}
      {model.kind === 'unlisted' && <UnlistedAccount model={model} lang={lang} t={t} />}
      {model.kind === 'website' && <WebsiteCard model={model} lang={lang} t={t} />}
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
