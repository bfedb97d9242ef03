import { useMemo, useRef, useState } from 'preact/hooks';
import type { Dataset, Group } from '@/lib/dataset';
import { candidateStatus } from '@/lib/discovery/status';
import type { Lang, Translate } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/format';
import {
  type GroupSearchBrowser,
  groupTargets,
  originPatterns,
  runGroupSearch,
  SEARCH_TIMEOUT_MS,
  type SiteOutcome,
  type SiteTarget,
} from '@/lib/overlay/group-search';
import { absences, foundOnSite } from '@/lib/overlay/make';
import { absentPlatforms } from '@/lib/overlay/site-reading';
import { storeAbsences, storeAccounts } from '@/lib/overlay/store';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import { FoundAccounts } from './FoundAccounts';
import { FoundParticipation } from './FoundParticipation';

export interface GroupSearchProps {
  group: Group;
  /** The merged dataset: statuses count the user's earlier additions as listed. */
  dataset: Dataset;
  env: GroupSearchBrowser;
  lang: Lang;
  t: Translate;
}

type Row = { target: SiteTarget; outcome: SiteOutcome };

function outcomeText(outcome: SiteOutcome, t: Translate): string {
  switch (outcome.kind) {
    case 'found':
      return t('overlay.outcome.found', { n: outcome.candidates.filter((c) => c.primary).length });
    case 'nothing':
      return t('overlay.outcome.nothing');
    case 'http':
      return t('overlay.outcome.http', { status: outcome.status });
    case 'redirect':
      return outcome.host
        ? t('overlay.outcome.redirect', { host: outcome.host })
        : t('overlay.outcome.redirect-elsewhere');
    case 'timeout':
      return t('overlay.outcome.timeout', { seconds: outcome.seconds });
    default:
      return t(`overlay.outcome.${outcome.kind}`);
  }
}

/**
 * "Find accounts on official websites" for a whole group: asks, in the click, for permission to
 * read exactly the group's official sites, reads their homepages one or two at a time with
 * progress and cancel, and lists per institution what was found for the user to accept.
 */
export function GroupSearch({ group, dataset, env, lang, t }: GroupSearchProps) {
  const targets = useMemo(() => groupTargets(dataset.entities, group, lang), [dataset, group, lang]);
  const [phase, setPhase] = useState<'idle' | 'running' | 'refused' | 'cancelled' | 'finished'>('idle');
  const [slowDown, setSlowDown] = useState<SiteTarget | undefined>();
  const [progress, setProgress] = useState<{ done: number; total: number; current?: SiteTarget }>({
    done: 0,
    total: targets.length,
  });
  const [rows, setRows] = useState<Row[]>([]);
  const [bulk, setBulk] = useState<'none' | 'accounts' | 'absences'>('none');
  const controller = useRef<AbortController | undefined>(undefined);
  if (targets.length === 0) return null;

  const start = () => {
    // The permission prompt only shows when asked for inside the click: no await before this line.
    const granted = env.requestOrigins(originPatterns(targets.map((x) => x.url)));
    const abort = new AbortController();
    controller.current = abort;
    setRows([]);
    setBulk('none');
    setPhase('running');
    void runGroupSearch(targets, {
      granted,
      fetch: env.fetch,
      parse: env.parse,
      delayMs: env.delayMs,
      timeoutMs: SEARCH_TIMEOUT_MS,
      signal: abort.signal,
      onProgress: setProgress,
      onResult: (target, outcome) => setRows((before) => [...before, { target, outcome }]),
    }).then((result) => {
      setRows(result.results);
      setSlowDown(result.rateLimitedBy);
      setPhase(result.refused ? 'refused' : result.cancelled ? 'cancelled' : 'finished');
    });
  };

  const entityOf = (id: string) => dataset.entities.find((e) => e.id === id);
  const found = rows.filter(
    (r): r is { target: SiteTarget; outcome: Extract<SiteOutcome, { kind: 'found' }> } => r.outcome.kind === 'found',
  );
  const freshPrimaries = found.flatMap((r) => {
    const entity = entityOf(r.target.entityId);
    if (!entity) return [];
    return r.outcome.candidates
      .filter((c) => c.primary && candidateStatus(entity, c) === 'new')
      .map((c) => foundOnSite(entity.id, c, { url: r.outcome.pageUrl, readAt: r.outcome.readAt }));
  });
  const freshAbsences = found.flatMap((r) =>
    absences(r.target.entityId, absentPlatforms(r.outcome.candidates, PLATFORM_IDS), {
      url: r.outcome.pageUrl,
      readAt: r.outcome.readAt,
    }),
  );

  return (
    <section aria-labelledby="group-search-title" data-testid="group-search">
      <h2 id="group-search-title">{t('overlay.group.button')}</h2>
      <p class="small">{t('overlay.group.intro', { group: t(`groups.${group}`), n: targets.length })}</p>
      {phase !== 'running' && (
        <p class="buttons">
          <button type="button" data-testid="group-search-start" onClick={start}>
            {t('overlay.group.button')}
          </button>
        </p>
      )}
      {phase === 'running' && (
        <div role="status" data-testid="group-search-progress">
          <progress max={progress.total} value={progress.done} />
          <p class="small">
            {t('overlay.group.progress', {
              done: progress.done,
              total: progress.total,
              name: progress.current?.name ?? '',
            })}{' '}
            <button
              type="button"
              class="link"
              data-testid="group-search-cancel"
              onClick={() => controller.current?.abort()}
            >
              {t('overlay.group.cancel')}
            </button>
          </p>
        </div>
      )}
      {phase === 'refused' && (
        <p class="small" role="alert" data-testid="group-search-refused">
          {t('overlay.group.refused')}
        </p>
      )}
      {phase === 'cancelled' && (
        <p class="small" role="status">
          {t('overlay.group.cancelled', { done: progress.done, total: targets.length })}
        </p>
      )}
      {slowDown && (
        <p class="small" role="alert" data-testid="group-search-rate-limited">
          {t('overlay.group.rateLimited', { name: slowDown.name })}
        </p>
      )}
      {phase === 'finished' && (
        <p class="small" role="status" data-testid="group-search-finished">
          {t('overlay.group.finished', { done: progress.done })}
        </p>
      )}
      {rows.length > 0 && (
        <>
          {phase !== 'running' && (freshPrimaries.length > 0 || freshAbsences.length > 0) && (
            <p class="buttons">
              {freshPrimaries.length > 0 && bulk !== 'accounts' && (
                <button
                  type="button"
                  data-testid="group-add-all"
                  onClick={() => void storeAccounts(freshPrimaries).then(() => setBulk('accounts'))}
                >
                  {t('overlay.group.addAll', { n: freshPrimaries.length })}
                </button>
              )}
              {freshAbsences.length > 0 && bulk !== 'absences' && (
                <button
                  type="button"
                  data-testid="group-record-absent"
                  onClick={() => void storeAbsences(freshAbsences).then(() => setBulk('absences'))}
                >
                  {t('overlay.site.recordAbsent', {
                    date: formatDate(found[0]?.outcome.readAt.slice(0, 10) ?? '', lang),
                  })}
                </button>
              )}
            </p>
          )}
          <ul class="outcomes" data-testid="group-search-results">
            {rows.map(({ target, outcome }) => {
              const entity = entityOf(target.entityId);
              return (
                <li key={target.entityId} data-testid={`outcome-${target.entityId}`} data-kind={outcome.kind}>
                  <strong>{target.name}</strong> — <span class="small">{outcomeText(outcome, t)}</span>
                  {outcome.kind === 'found' && entity && (
                    <FoundAccounts
                      entity={entity}
                      candidates={outcome.candidates}
                      page={{ url: outcome.pageUrl, readAt: outcome.readAt }}
                      t={t}
                      addAll={false}
                    />
                  )}
                  {/* A page with no account of its own may still link the institution's participatory platform. */}
                  {(outcome.kind === 'found' || outcome.kind === 'nothing') &&
                    entity &&
                    outcome.participation.length > 0 && (
                      <FoundParticipation
                        entity={entity}
                        links={outcome.participation}
                        page={{ url: outcome.pageUrl, readAt: outcome.readAt }}
                        t={t}
                      />
                    )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
