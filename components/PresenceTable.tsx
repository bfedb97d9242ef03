import type { Comparison } from '@/lib/compare';
import { describePeers, describePresence, describePresenceSummary } from '@/lib/compare/describe';
import type { Lang, Translate } from '@/lib/i18n';
import { platformLabel } from '@/lib/platforms/labels';

export interface PresenceTableProps {
  comparison: Comparison;
  lang: Lang;
  t: Translate;
}

/** Where the institution is present, absent or unknown, and how many known peers are there. */
export function PresenceTable({ comparison, lang, t }: PresenceTableProps) {
  const { presence } = comparison;
  return (
    <details class="presence">
      <summary>
        <h2>{t('popup.presence.title')}</h2>
        <span class="small">{describePresenceSummary(presence, lang, t)}</span>
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
          {presence.platforms.map((p) => {
            const unknownPeers = p.peers - p.peersKnown;
            return (
              <tr
                key={p.platform}
                class={p.platform === comparison.platform ? 'current' : undefined}
                data-state={p.state}
              >
                <th scope="row">{platformLabel(p.platform)}</th>
                <td class={`presence-${p.state}`}>
                  {p.state === 'absent' && p.absence?.reason === 'checked' && p.absence.url ? (
                    <a href={p.absence.url} target="_blank" rel="noopener noreferrer">
                      {describePresence(p, lang, t)}
                    </a>
                  ) : (
                    describePresence(p, lang, t)
                  )}
                </td>
                <td>
                  <span class="share" aria-hidden="true">
                    <span style={{ width: `${Math.round((p.share ?? 0) * 100)}%` }} />
                  </span>{' '}
                  {describePeers(p, t)}
                  {unknownPeers > 0 && p.peersKnown > 0 && (
                    <span class="small"> · {t('popup.presence.peersUnknown', { n: unknownPeers })}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="small">{t('popup.presence.note')}</p>
    </details>
  );
}
