import type { Dataset } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import { entityName, formatDate } from '@/lib/i18n/format';
import type { OverlayConflict } from '@/lib/overlay/apply';
import { deleteAbsence, deleteAccount, useMine } from '@/lib/overlay/store';
import type { Overlay, OverlayAccount } from '@/lib/overlay/types';
import { platformLabel } from '@/lib/platforms/labels';

export interface OverlayPanelProps {
  /** The merged dataset (for institution names). */
  dataset: Dataset;
  overlay: Overlay;
  conflicts: OverlayConflict[];
  skipped: number;
  lang: Lang;
  t: Translate;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** Where an addition comes from, in words: "found on the official website nantes.fr (30 November 2026)". */
export function overlaySourceText(account: OverlayAccount, lang: Lang, t: Translate): string {
  const s = account.source;
  if (s.kind === 'official-site')
    return `${t('overlay.source.site', { site: hostOf(s.url) })} (${formatDate(s.readAt.slice(0, 10), lang)})`;
  if (s.kind === 'user') return `${t('overlay.source.user')} (${formatDate(s.addedAt.slice(0, 10), lang)})`;
  return `${t('overlay.source.import', { file: s.file })} (${formatDate(s.importedAt.slice(0, 10), lang)})`;
}

/**
 * The user's additions: conflicts first (they need a choice), then each added account with its
 * source and a way to remove it, and the platforms recorded absent. The popup re-renders from
 * storage after each change (it watches the overlay).
 */
export function OverlayPanel({ dataset, overlay, conflicts, skipped, lang, t }: OverlayPanelProps) {
  if (overlay.accounts.length === 0 && overlay.absences.length === 0 && skipped === 0) return null;
  const name = (id: string) => {
    const entity = dataset.entities.find((e) => e.id === id);
    return entity ? entityName(entity, lang) : id;
  };
  return (
    <section class="overlay" aria-labelledby="overlay-title" data-testid="overlay-panel">
      {conflicts.map((c) => (
        <div class="conflict" key={`${c.account.platform}-${c.account.key}`} data-testid="overlay-conflict">
          <p>
            <strong>
              {t('overlay.conflict.title', {
                platform: platformLabel(c.account.platform),
                name: name(c.account.entityId),
              })}
            </strong>
          </p>
          <p class="small">
            {t('overlay.conflict.body', { mine: c.account.key, bundled: c.bundled.map((b) => b.key).join(', ') })}
          </p>
          <p class="buttons">
            <button type="button" data-testid="conflict-keep" onClick={() => void deleteAccount(c.account)}>
              {t('overlay.conflict.keep')}
            </button>
            <button
              type="button"
              data-testid="conflict-mine"
              onClick={() => void useMine(c.account, [...new Set(c.bundled.map((b) => b.key))])}
            >
              {t('overlay.conflict.mine')}
            </button>
          </p>
        </div>
      ))}
      {skipped > 0 && (
        // Outside the fold: something the user added could not be read, they should see it.
        <p class="small" role="status" data-testid="overlay-skipped">
          {t('overlay.yours.skipped', { n: skipped })}
        </p>
      )}
      <details>
        <summary>
          <h2 id="overlay-title">{t('overlay.yours.title', { n: overlay.accounts.length })}</h2>
        </summary>
        <p class="small">{t('overlay.yours.body')}</p>
        <ul class="additions">
          {overlay.accounts.map((a) => (
            <li key={`${a.platform}-${a.key}`} data-testid="overlay-account">
              <strong>{name(a.entityId)}</strong> · {platformLabel(a.platform)}{' '}
              <a href={a.url} target="_blank" rel="noreferrer">
                {a.key}
              </a>
              <br />
              <span class="small">{overlaySourceText(a, lang, t)}</span>{' '}
              <button type="button" class="link" data-testid="overlay-remove" onClick={() => void deleteAccount(a)}>
                {t('overlay.remove')}
              </button>
            </li>
          ))}
          {overlay.absences.map((x) => (
            <li key={`absent-${x.entityId}-${x.platform}`} class="small" data-testid="overlay-absence">
              <strong>{name(x.entityId)}</strong> ·{' '}
              {t('overlay.yours.absence', {
                platform: platformLabel(x.platform),
                site: hostOf(x.url),
                date: formatDate(x.checkedAt.slice(0, 10), lang),
              })}{' '}
              <button type="button" class="link" onClick={() => void deleteAbsence(x)}>
                {t('overlay.remove')}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
