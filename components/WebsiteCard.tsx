import type { Lang, Translate } from '@/lib/i18n';
import { entityName } from '@/lib/i18n/format';
import type { PopupModel } from '@/lib/popup/popup-model';

export interface WebsiteCardProps {
  model: Extract<PopupModel, { kind: 'website' }>;
  lang: Lang;
  t: Translate;
}

export function WebsiteCard({ model, lang, t }: WebsiteCardProps) {
  return (
    <section aria-labelledby="website-title">
      <p class="kicker">{t('popup.website.title')}</p>
      <h1 id="website-title" data-testid="entity-name">
        {entityName(model.entity, lang)}
      </h1>
      <p>{t('popup.website.body', { name: entityName(model.entity, lang) })}</p>
      <p class="group">{t(`group.${model.entity.group}`)}</p>
    </section>
  );
}
