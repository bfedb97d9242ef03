import type { Participation } from '@/lib/compare';
import type { Translate } from '@/lib/i18n';

export interface ParticipationCardProps {
  participation: Participation;
  t: Translate;
}

/** Cities and regions: whether the institution runs a participatory platform, and how common that is. */
export function ParticipationCard({ participation, t }: ParticipationCardProps) {
  return (
    <section class="card" aria-labelledby="participation-title" data-testid="participation">
      <h2 id="participation-title">{t('popup.participation.title')}</h2>
      {participation.has ? (
        <ul class="plain">
          {participation.urls.map((url) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noreferrer">
                {url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('popup.participation.none')}</p>
      )}
      {participation.share !== null && (
        <p class="small">{t('popup.participation.share', { n: participation.peersWith, of: participation.peers })}</p>
      )}
    </section>
  );
}
