import { useMemo } from 'preact/hooks';
import { type GroupTable, sortRows } from '@/lib/dashboard/group-table';
import { type PresenceState, presenceOf, presenceShares } from '@/lib/dashboard/presence';
import type { Lang, Translate } from '@/lib/i18n';
import { entityName, formatNumber } from '@/lib/i18n/format';
import { platformLabel } from '@/lib/platforms/labels';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import { ScrollRegion } from './ScrollRegion';

/** Symbol per state; the word is always there too (for screen readers and in the legend). */
const SYMBOLS: Record<PresenceState, string> = { present: '●', inactive: '◐', unknown: '?' };

export interface PresenceViewProps {
  table: GroupTable;
  lang: Lang;
  t: Translate;
}

/** Institutions × platforms: present, inactive or unknown, and each platform's share over what is known. */
export function PresenceView({ table, lang, t }: PresenceViewProps) {
  const shares = useMemo(() => presenceShares(table.rows.map((r) => r.entity)), [table]);
  const groups = t(`groups.${table.group}`);
  return (
    <section class="presence-view" data-testid="presence-view" aria-labelledby="presence-heading">
      <h3 id="presence-heading">{t('dash.presence.title')}</h3>
      <p class="small">{t('dash.presence.intro')}</p>
      <ul class="presence-legend small">
        {(Object.keys(SYMBOLS) as PresenceState[]).map((s) => (
          <li key={s}>
            <span class={`presence presence-${s}`} aria-hidden="true">
              {SYMBOLS[s]}
            </span>{' '}
            {t(`dash.presence.${s}`)}
          </li>
        ))}
      </ul>
      <ScrollRegion labelledBy="presence-caption">
        <table class="presence-table" data-testid="presence-table">
          <caption id="presence-caption">{t('dash.presence.caption', { groups })}</caption>
          <thead>
            <tr>
              <th scope="col" class="sticky">
                {t('dash.table.institution')}
              </th>
              {PLATFORM_IDS.map((p) => (
                <th scope="col" key={p}>
                  {platformLabel(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sortRows(table.rows, { key: 'name', direction: 'ascending' }, lang).map((row) => (
              <tr key={row.entity.id}>
                <th scope="row" class="sticky">
                  {entityName(row.entity, lang)}
                </th>
                {PLATFORM_IDS.map((p) => {
                  const state = presenceOf(row.entity, p);
                  return (
                    <td key={p} class={`presence presence-${state}`} data-state={state}>
                      <span aria-hidden="true">{SYMBOLS[state]}</span>
                      <span class="sr-only">{t(`dash.presence.${state}`)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" class="sticky">
                {t('dash.presence.share')}
              </th>
              {shares.map((s) => (
                <td key={s.platform} data-testid={`share-${s.platform}`}>
                  {s.share === null ? (
                    t('dash.presence.unknownShare')
                  ) : (
                    <>
                      <strong>{formatNumber(s.share * 100, lang)} %</strong>
                      <span class="small"> {t('dash.presence.over', { n: s.counts.present, of: s.known })}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </section>
  );
}
