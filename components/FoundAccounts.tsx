import { useState } from 'preact/hooks';
import type { Entity } from '@/lib/dataset';
import { candidateStatus } from '@/lib/discovery/status';
import type { Translate } from '@/lib/i18n';
import { foundOnSite } from '@/lib/overlay/make';
import type { FoundAccount } from '@/lib/overlay/site-reading';
import { storeAccounts } from '@/lib/overlay/store';
import { platformLabel } from '@/lib/platforms/labels';

export interface FoundAccountsProps {
  /** The institution, as the merged dataset has it (the user's earlier additions count as listed). */
  entity: Entity;
  candidates: readonly FoundAccount[];
  page: { url: string; readAt: string };
  t: Translate;
  /** Whether to show "Add all" (the group search has its own, for every institution at once). */
  addAll?: boolean;
}

/**
 * The primary accounts a reading of an institution's site found, each with its status (already
 * listed, new, or different from the benchmark's), and "Add" / "Add all". Adding a conflicting one
 * stores it as a conflict for the user to settle: it never replaces the benchmark's account.
 */
export function FoundAccounts({ entity, candidates, page, t, addAll = true }: FoundAccountsProps) {
  const [added, setAdded] = useState<Set<string>>(new Set());
  const primaries = candidates.filter((c) => c.primary);
  const id = (c: FoundAccount) => `${c.platform} ${c.key}`;
  const add = (list: FoundAccount[]) =>
    void storeAccounts(list.map((c) => foundOnSite(entity.id, c, page))).then(() =>
      setAdded((before) => new Set([...before, ...list.map(id)])),
    );
  const rows = primaries.map((c) => ({ c, status: candidateStatus(entity, c) }));
  const fresh = rows.filter((r) => r.status === 'new' && !added.has(id(r.c))).map((r) => r.c);
  return (
    <>
      <ul class="found" data-testid="found-accounts">
        {rows.map(({ c, status }) => (
          <li key={id(c)} data-testid={`found-${c.platform}`} data-status={status}>
            {platformLabel(c.platform)}{' '}
            <a href={c.url} target="_blank" rel="noreferrer">
              {c.key}
            </a>{' '}
            <span class={`chip status-${status}`}>
              {status === 'conflict'
                ? t('overlay.status.conflict', {
                    key: entity.accounts
                      .filter((a) => a.platform === c.platform)
                      .map((a) => a.key)
                      .join(', '),
                  })
                : t(status === 'listed' ? 'overlay.status.listed' : 'overlay.status.new')}
            </span>{' '}
            {status !== 'listed' &&
              (added.has(id(c)) ? (
                <span class="small">{t('overlay.added')}</span>
              ) : (
                <button type="button" class="link" data-testid={`add-${c.platform}`} onClick={() => add([c])}>
                  {t('overlay.add')}
                </button>
              ))}
          </li>
        ))}
      </ul>
      {addAll && fresh.length > 1 && (
        <p class="buttons">
          <button type="button" data-testid="add-all" onClick={() => add(fresh)}>
            {t('overlay.addAll')}
          </button>
        </p>
      )}
    </>
  );
}
