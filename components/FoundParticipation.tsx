import { useId, useState } from 'preact/hooks';
import type { Entity } from '@/lib/dataset';
import type { DiscoveredLink } from '@/lib/discovery/types';
import type { Translate } from '@/lib/i18n';
import { participationOnSite } from '@/lib/overlay/make';
import { hasParticipation, participationKey } from '@/lib/overlay/participation';
import { storeParticipation } from '@/lib/overlay/store';
import { pageLabel } from '@/lib/userdata/summary';

export interface FoundParticipationProps {
  /** The institution, as the merged dataset has it: bundled platforms and the user's earlier additions count as listed. */
  entity: Entity;
  links: readonly DiscoveredLink[];
  page: { url: string; readAt: string };
  t: Translate;
}

/**
 * The participatory-platform links a reading of an institution's site found (issue 10: "for the
 * presence table"), each with "Add". Kept apart from the accounts and their "Add all": a link
 * called "participer" may be a page of the site rather than a platform, so each is the user's call.
 */
export function FoundParticipation({ entity, links, page, t }: FoundParticipationProps) {
  const [added, setAdded] = useState<Set<string>>(new Set());
  // One list per institution in a group search: each heading needs its own id.
  const titleId = useId();
  const add = (link: DiscoveredLink) =>
    void storeParticipation([participationOnSite(entity.id, link, page)]).then(() =>
      setAdded((before) => new Set([...before, participationKey(link.url)])),
    );
  return (
    <section aria-labelledby={titleId} data-testid="site-participation">
      <h3 id={titleId}>{t('overlay.participation.title')}</h3>
      <ul class="found" data-testid="found-participation">
        {distinct(links).map((link) => {
          const listed = hasParticipation(entity.participation, link.url);
          const label = pageLabel(link.url);
          return (
            <li key={link.url} data-status={listed ? 'listed' : 'new'}>
              <a href={link.url} target="_blank" rel="noreferrer">
                {label}
              </a>
              {link.label && link.label !== label ? ` (${link.label})` : ''}{' '}
              {listed ? (
                <span class="chip status-listed">{t('overlay.participation.listed')}</span>
              ) : added.has(participationKey(link.url)) ? (
                <span class="small">{t('overlay.added')}</span>
              ) : (
                <button
                  type="button"
                  class="link"
                  aria-label={t('overlay.participation.add', { url: label })}
                  onClick={() => add(link)}
                >
                  {t('overlay.add')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** One line per platform: a page may link it twice (with and without a trailing slash, a query). */
function distinct(links: readonly DiscoveredLink[]): DiscoveredLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = participationKey(link.url);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
