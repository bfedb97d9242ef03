import type { Translate } from '@/lib/i18n';
import { getPlatform } from '@/lib/platforms/registry';
import type { PopupModel } from '@/lib/popup-model';

export interface UnlistedAccountProps {
  model: Extract<PopupModel, { kind: 'unlisted' }>;
  t: Translate;
}

/** Neutral by design: absence from the benchmark is not a verdict on the account. */
export function UnlistedAccount({ model, t }: UnlistedAccountProps) {
  const platform = getPlatform(model.account.platform)?.label ?? model.account.platform;
  return (
    <section aria-labelledby="unlisted-title">
      <h1 id="unlisted-title" class="neutral">
        {t('popup.unlisted.title')}
      </h1>
      <p data-testid="unlisted-body">{t('popup.unlisted.body', { platform, handle: model.account.key })}</p>
    </section>
  );
}
