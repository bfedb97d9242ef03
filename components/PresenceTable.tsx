import type { Comparison } from '@/lib/compare';
import type { Lang, Translate } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { platformLabel } from '@/lib/platforms/labels';

export interface PresenceTableProps {
  comparison: Comparison;
  lang: Lang;
  t: Translate;
}

/** Where the institution is present, and how many of its peers are there too. */
export function PresenceTable({ comparison, lang, t }: PresenceTableProps) {
  const { presence } = comparison;
  return (
    <details class="presence">
      <summary>
        <h2>{t('popup.presence.title')}</h2>
        <span class="small">
          {t('popup.presence.summary', {
            used: presence.used,
            median: presence.cohortMedian === null ? '—' : formatNumber(presence.cohortMedian, lang, 1),
          })}
        </span>
      </summary>
      <table data-testid="presence">
        <thead>
          <tr>
            <th scope="col">{t('popup.presence.platform')}</th>
            <th scope="col">{t('popup.presence.self')}</th>
            <th scope="col">{t('popup.presence.peers')}</th>
          </tr>
        </thead>
        <tbody>
          {presence.platforms.map((p) => (
            <tr key={p.platform} class={p.platform === comparison.platform ? 'current' : undefined}>
              <th scope="row">{platformLabel(p.platform)}</th>
              <td>{p.has ? t('popup.presence.yes') : t('popup.presence.no')}</td>
              <td>
                <span class="share" aria-hidden="true">
                  <span style={{ width: `${Math.round((p.share ?? 0) * 100)}%` }} />
                </span>{' '}
                {p.peersWith}/{p.peers}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
