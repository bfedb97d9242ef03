import { bundledIndex } from '@/lib/dataset/bundled';
import { entityName, formatDate } from '@/lib/format';
import type { Lang, Translate } from '@/lib/i18n';
import { getPlatform } from '@/lib/platforms/registry';
import type { PopupModel } from '@/lib/popup-model';

export interface ListedAccountProps {
  model: Extract<PopupModel, { kind: 'listed' }>;
  lang: Lang;
  t: Translate;
}

export function ListedAccount({ model, lang, t }: ListedAccountProps) {
  const { entity, record, account } = model;
  const sources = bundledIndex().dataset.sources;
  const status =
    record.status === 'active'
      ? undefined
      : record.statusSince
        ? t('status.since', { status: t(`status.${record.status}`), date: formatDate(record.statusSince, lang) })
        : t(`status.${record.status}`);
  return (
    <section aria-labelledby="entity-name">
      <p class="kicker">{t('popup.listed.title')}</p>
      <h1 id="entity-name" data-testid="entity-name">
        {entityName(entity, lang)}
      </h1>
      <dl class="facts">
        <dt>{t('popup.listed.group')}</dt>
        <dd data-testid="entity-group">{t(`group.${entity.group}`)}</dd>
        <dt>{t('popup.listed.platform')}</dt>
        <dd>{getPlatform(account.platform)?.label ?? account.platform}</dd>
        <dt>{t('popup.listed.handle')}</dt>
        <dd>
          <a href={record.url} target="_blank" rel="noreferrer" data-testid="account-key">
            {account.key}
          </a>
          {status && <span class="status"> · {status}</span>}
        </dd>
      </dl>
      <p class="confidence" data-testid="confidence">
        {t(`confidence.${record.confidence}`)}
      </p>
      <p class="sources-label">{t('popup.listed.listedBy')}</p>
      <ul class="sources">
        {record.sources.map((id) => {
          const source = sources[id];
          if (!source) return <li key={id}>{id}</li>;
          return (
            <li key={id}>
              {source.url ? (
                <a href={source.url} target="_blank" rel="noreferrer">
                  {source.title}
                </a>
              ) : (
                source.title
              )}
              {source.date && ` (${formatDate(source.date, lang)})`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
