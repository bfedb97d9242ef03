import { useMemo, useState } from 'preact/hooks';
import type { Entity } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import { entityName } from '@/lib/i18n/format';
import { addedByHand } from '@/lib/overlay/make';
import { searchInstitutions } from '@/lib/overlay/search';
import { storeAccounts } from '@/lib/overlay/store';
import type { AccountRef } from '@/lib/platforms/types';

export interface AddToInstitutionProps {
  account: AccountRef;
  /** The account's profile URL. */
  url: string;
  entities: readonly Entity[];
  /** The institution a look-alike hint points to: pre-selected. */
  suggested?: Entity;
  lang: Lang;
  t: Translate;
  now?: () => Date;
}

/** "Add this account to…": an institution search, then one click to add with source "added by you". */
export function AddToInstitution({
  account,
  url,
  entities,
  suggested,
  lang,
  t,
  now = () => new Date(),
}: AddToInstitutionProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Entity | undefined>(suggested);
  const [done, setDone] = useState<Entity | undefined>();
  const found = useMemo(() => searchInstitutions(entities, query), [entities, query]);
  if (done)
    return (
      <p class="small" role="status" data-testid="hand-done">
        {t('overlay.hand.done', { name: entityName(done, lang) })}
      </p>
    );
  if (!open)
    return (
      <p class="buttons">
        <button type="button" data-testid="hand-open" onClick={() => setOpen(true)}>
          {t('overlay.hand.open')}
        </button>
      </p>
    );
  const options = chosen && !found.includes(chosen) ? [chosen, ...found] : found;
  return (
    <div class="hand" data-testid="hand-form">
      <label class="small" for="hand-query">
        {t('overlay.hand.label')}
      </label>
      <input
        id="hand-query"
        type="search"
        value={query}
        data-testid="hand-query"
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {suggested && !query && <p class="small">{t('overlay.hand.suggested', { name: entityName(suggested, lang) })}</p>}
      {query && found.length === 0 && <p class="small">{t('overlay.hand.none')}</p>}
      <ul class="choices" aria-label={t('overlay.hand.label')}>
        {options.map((e) => (
          <li key={e.id}>
            <label>
              <input
                type="radio"
                name="hand-entity"
                checked={chosen?.id === e.id}
                data-testid={`hand-option-${e.id}`}
                onChange={() => setChosen(e)}
              />{' '}
              {entityName(e, lang)}{' '}
              <span class="small">
                · {t(`group.${e.group}`)}
                {e.code ? ` · ${e.code.value}` : ''}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {chosen && (
        <p class="buttons">
          <button
            type="button"
            data-testid="hand-confirm"
            onClick={() =>
              void storeAccounts([addedByHand(chosen.id, { ...account, url }, now().toISOString())]).then(() =>
                setDone(chosen),
              )
            }
          >
            {t('overlay.hand.confirm', { name: entityName(chosen, lang) })}
          </button>
        </p>
      )}
    </div>
  );
}
