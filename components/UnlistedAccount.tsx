import type { Entity } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import { entityName } from '@/lib/i18n/format';
import { platformLabel } from '@/lib/platforms/labels';
import type { PopupModel } from '@/lib/popup/popup-model';
import { AddToInstitution } from './AddToInstitution';

export interface UnlistedAccountProps {
  model: Extract<PopupModel, { kind: 'unlisted' }>;
  lang: Lang;
  t: Translate;
  /** The institutions one can add the account to (merged dataset); without them, no "Add" button. */
  entities?: readonly Entity[];
  /** The account's canonical profile URL (the page may be one of its posts). */
  profileUrl?: string;
}

/** Neutral by design: absence from the benchmark is not a verdict on the account. */
export function UnlistedAccount({ model, lang, t, entities, profileUrl }: UnlistedAccountProps) {
  const platform = platformLabel(model.account.platform);
  return (
    <section aria-labelledby="unlisted-title">
      <h1 id="unlisted-title" class="neutral">
        {t('popup.unlisted.title')}
      </h1>
      <p data-testid="unlisted-body">{t('popup.unlisted.body', { platform, handle: model.account.key })}</p>
      {model.resemblances.map((r) => (
        <p class="resemblance" key={`${r.kind}-${r.entity.id}`} data-testid={`resemblance-${r.kind}`}>
          {r.kind === 'links-to-site' ? (
            t('popup.unlisted.linksTo', { name: entityName(r.entity, lang), site: new URL(r.site).hostname })
          ) : (
            <>
              {t('popup.unlisted.looksLike', { name: entityName(r.entity, lang), handle: r.listedKey })}{' '}
              <a href={r.listedUrl} target="_blank" rel="noreferrer">
                {t('popup.unlisted.openListed')}
              </a>
            </>
          )}
        </p>
      ))}
      {entities && (
        <AddToInstitution
          account={model.account}
          url={profileUrl ?? model.url}
          entities={entities}
          // The look-alike hint's institution is the likeliest owner: pre-selected, never added without a click.
          suggested={model.resemblances[0]?.entity}
          lang={lang}
          t={t}
        />
      )}
    </section>
  );
}
