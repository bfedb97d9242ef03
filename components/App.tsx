import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import type { PopupModel } from '@/lib/popup-model';
import { AboutCard } from './AboutCard';
import { ListedAccount } from './ListedAccount';
import { UnlistedAccount } from './UnlistedAccount';
import { WebsiteCard } from './WebsiteCard';

export interface AppProps {
  model: PopupModel;
  lang: Lang;
  error?: string;
}

export function App({ model, lang, error }: AppProps) {
  const t = translator(lang);
  return (
    <div class="popup" data-testid={`state-${model.kind}`}>
      {model.kind === 'listed' && <ListedAccount model={model} lang={lang} t={t} />}
      {model.kind === 'unlisted' && <UnlistedAccount model={model} lang={lang} t={t} />}
      {model.kind === 'website' && <WebsiteCard model={model} lang={lang} t={t} />}
      {model.kind === 'other' && <AboutCard t={t} />}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
