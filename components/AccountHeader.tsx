import type { Dataset } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import { entityName, formatDate } from '@/lib/i18n/format';
import { platformLabel } from '@/lib/platforms/labels';
import type { PopupModel } from '@/lib/popup/popup-model';
import { SourceLink } from './SourceLink';

export interface AccountHeaderProps {
  model: Extract<PopupModel, { kind: 'listed' }>;
  dataset: Dataset;
  lang: Lang;
  t: Translate;
}

/** Who the account is, how sure the listing is, and on what it rests. */
export function AccountHeader({ model, dataset, lang, t }: AccountHeaderProps) {
  const { entity, record, account } = model;
  const status =
    record.status === 'active'
      ? undefined
      : record.statusSince
        ? t('status.since', { status: t(`status.${record.status}`), date: formatDate(record.statusSince, lang) })
        : t(`status.${record.status}`);
  return (
    <header class="account">
      <p class="kicker">
        {t('popup.listed.title')} · <span data-testid="entity-group">{t(`group.${entity.group}`)}</span>
      </p>
      <h1 data-testid="entity-name">{entityName(entity, lang)}</h1>
      <p class="handle">
        {platformLabel(account.platform)}{' '}
        <a href={record.url} target="_blank" rel="noreferrer" data-testid="account-key">
          {account.key}
        </a>
        {status && <span class="status"> · {status}</span>}
      </p>
      <details class="listing">
        <summary>
          <span class={`confidence confidence-${record.confidence}`} data-testid="confidence">
            {t(`confidence.${record.confidence}`)}
          </span>
        </summary>
        <p class="small">{t('popup.listed.listedBy')}</p>
        <ul class="sources">
          {record.sources.map((id) => (
            <li key={id}>
              <SourceLink dataset={dataset} id={id} lang={lang} />
            </li>
          ))}
        </ul>
      </details>
    </header>
  );
}
