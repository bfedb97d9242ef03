import { useMemo } from 'preact/hooks';
import type { Lang, Translate } from '@/lib/i18n';
import { entityName } from '@/lib/i18n/format';
import type { SiteScan } from '@/lib/overlay/site-scan';
import type { PopupModel } from '@/lib/popup/popup-model';
import { SiteAccounts } from './SiteAccounts';

export interface WebsiteCardProps {
  model: Extract<PopupModel, { kind: 'website' }>;
  lang: Lang;
  t: Translate;
  /** The tab the popup is about: its page is read for the accounts it links to. */
  tabId?: number;
  scanTab?: (tabId: number) => Promise<SiteScan>;
}

export function WebsiteCard({ model, lang, t, tabId, scanTab }: WebsiteCardProps) {
  // One reading per popup opening: the same function identity keeps SiteAccounts from reading again on re-render.
  const scan = useMemo(() => (tabId !== undefined && scanTab ? () => scanTab(tabId) : undefined), [tabId, scanTab]);
  return (
    <section aria-labelledby="website-title">
      <p class="kicker">{t('popup.website.title')}</p>
      <h1 id="website-title" data-testid="entity-name">
        {entityName(model.entity, lang)}
      </h1>
      <p>{t('popup.website.body', { name: entityName(model.entity, lang) })}</p>
      <p class="group">{t(`group.${model.entity.group}`)}</p>
      {scan && <SiteAccounts entity={model.entity} scan={scan} lang={lang} t={t} />}
    </section>
  );
}
