import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/format';
import { absences } from '@/lib/overlay/make';
import type { SiteScan } from '@/lib/overlay/site-scan';
import { storeAbsences } from '@/lib/overlay/store';
import { platformLabel } from '@/lib/platforms/labels';
import { FoundAccounts } from './FoundAccounts';
import { FoundParticipation } from './FoundParticipation';

export interface SiteAccountsProps {
  entity: Entity;
  /** Reads the page the popup was opened on (scanTab in the extension; a stand-in in tests). */
  scan: () => Promise<SiteScan>;
  lang: Lang;
  t: Translate;
}

type State = { kind: 'reading' } | { kind: 'failed'; error: string } | { kind: 'read'; scan: SiteScan };

/** "Accounts found on this site": read once when the popup opens on an official site. */
export function SiteAccounts({ entity, scan, lang, t }: SiteAccountsProps) {
  const [state, setState] = useState<State>({ kind: 'reading' });
  const [absentSaved, setAbsentSaved] = useState(false);
  useEffect(() => {
    scan().then(
      (result) => setState({ kind: 'read', scan: result }),
      (error: unknown) => setState({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  }, [scan]);
  return (
    <section aria-labelledby="site-accounts-title" data-testid="site-accounts">
      <h2 id="site-accounts-title">{t('overlay.site.title')}</h2>
      {state.kind === 'reading' && <p class="small">{t('overlay.site.reading')}</p>}
      {state.kind === 'failed' && (
        <p class="small" role="alert">
          {t('overlay.site.failed', { error: state.error })}
        </p>
      )}
      {state.kind === 'read' && (
        <>
          {state.scan.candidates.some((c) => c.primary) ? (
            <>
              <FoundAccounts
                entity={entity}
                candidates={state.scan.candidates}
                page={{ url: state.scan.pageUrl, readAt: state.scan.readAt }}
                t={t}
              />
              {state.scan.absent.length > 0 && (
                <p class="small" data-testid="site-absent">
                  {t('overlay.site.absent', { platforms: state.scan.absent.map(platformLabel).join(', ') })}{' '}
                  {absentSaved ? (
                    t('overlay.site.absentRecorded', { date: formatDate(state.scan.readAt.slice(0, 10), lang) })
                  ) : (
                    <button
                      type="button"
                      class="link"
                      data-testid="record-absent"
                      onClick={() =>
                        void storeAbsences(
                          absences(entity.id, state.scan.absent, {
                            url: state.scan.pageUrl,
                            readAt: state.scan.readAt,
                          }),
                        ).then(() => setAbsentSaved(true))
                      }
                    >
                      {t('overlay.site.recordAbsent', { date: formatDate(state.scan.readAt.slice(0, 10), lang) })}
                    </button>
                  )}
                </p>
              )}
            </>
          ) : (
            <p class="small" data-testid="site-none">
              {t('overlay.site.none')}
            </p>
          )}
          {/* Shown even when the page names no account: a site may link its platform and nothing else. */}
          {state.scan.participation.length > 0 && (
            <FoundParticipation
              entity={entity}
              links={state.scan.participation}
              page={{ url: state.scan.pageUrl, readAt: state.scan.readAt }}
              t={t}
            />
          )}
          {(state.scan.candidates.some((c) => c.primary) || state.scan.participation.length > 0) && (
            <p class="small">
              {t('overlay.site.source', {
                url: state.scan.pageUrl,
                date: formatDate(state.scan.readAt.slice(0, 10), lang),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
