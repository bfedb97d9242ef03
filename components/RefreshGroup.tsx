import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Comparison } from '@/lib/compare';
import type { DatasetIndex } from '@/lib/dataset/lookup';
import type { Lang, Translate } from '@/lib/i18n';
import { entityName, entityShortName, formatNumber, formatTime } from '@/lib/i18n/format';
import { PLATFORM_LABELS } from '@/lib/platforms/labels';
import { describeExplain, describeSummary } from '@/lib/refresh/describe';
import type { RefreshStartMessage } from '@/lib/refresh/messages';
import type { StartReply } from '@/lib/refresh/service';
import { getDelayMs, loadJob, refreshConsent, watchJob } from '@/lib/refresh/store';
import { summarise } from '@/lib/refresh/summary';
import { pageCount, refreshTargets } from '@/lib/refresh/targets';
import type { Peer, RefreshJob } from '@/lib/refresh/types';

export interface RefreshGroupProps {
  comparison: Comparison;
  index: DatasetIndex;
  /** The cohort on screen. */
  cohort: 'study' | 'all';
  /** Re-read the comparison's own account too: it is not on screen (the dashboard). */
  withSelf?: boolean;
  lang: Lang;
  t: Translate;
  /** Called whenever the job read something new (and when it ends): the comparison reloads its figures. */
  onFigures: () => void;
}

/**
 * « Actualiser le groupe »: asks the background to re-read the peers' pages in a background tab,
 * then follows the job stored in session storage, so that a popup closed and reopened mid-run
 * shows where the job is. The job itself runs in the background (lib/refresh).
 */
export function RefreshGroup({ comparison, index, cohort, withSelf = false, lang, t, onFigures }: RefreshGroupProps) {
  const [job, setJob] = useState<RefreshJob | null>(null);
  const [confirming, setConfirming] = useState<{ pages: number; delayMs: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const readCount = useRef(-1);
  const platform = PLATFORM_LABELS[comparison.platform];
  const name = (entity: string) => {
    const e = index.entity(entity);
    return e ? entityShortName(e, lang) : entity;
  };
  const fullName = (entity: string) => {
    const e = index.entity(entity);
    return e ? entityName(e, lang) : entity;
  };

  useEffect(() => {
    const show = (next: RefreshJob | null) => {
      setJob(next);
      const read = next ? summarise(next).read : 0;
      // A new figure (or the end of the job): the comparison redraws with it.
      if (readCount.current >= 0 && (read !== readCount.current || next?.status !== 'running')) onFigures();
      readCount.current = read;
    };
    void loadJob().then(show);
    return watchJob(show);
  }, [onFigures]);

  // The same peers as the background's job (lib/refresh/service.ts), so that the count asked for is the count loaded.
  const pagesToLoad = pageCount(refreshTargets(comparison, withSelf));

  const start = async () => {
    setConfirming(null);
    setMessage(null);
    const request: RefreshStartMessage = {
      type: 'civiscope:refresh-start',
      entityId: comparison.entity,
      platform: comparison.platform,
      key: comparison.account?.key ?? '',
      cohort,
      ...(withSelf ? { withSelf } : {}),
    };
    try {
      const reply = (await browser.runtime.sendMessage(request)) as StartReply | undefined;
      if (!reply?.ok) setMessage(t('refresh.failed', { error: reply?.error ?? '?' }));
      else {
        if (!reply.started) setMessage(t('refresh.busy'));
        setJob(reply.job);
      }
    } catch (error) {
      setMessage(t('refresh.failed', { error: (error as Error).message }));
    }
  };

  const onButton = async () => {
    if (await refreshConsent.getValue().catch(() => false)) return start();
    setConfirming({ pages: pagesToLoad, delayMs: await getDelayMs() });
  };

  const confirm = async () => {
    await refreshConsent.setValue(true);
    await start();
  };

  const running = job?.status === 'running';
  // A finished job is shown only where it belongs: same platform.
  const shown = job && (running || job.platform === comparison.platform) ? job : null;
  const summary = shown ? summarise(shown) : null;

  return (
    <section class="refresh" aria-label={t('refresh.title')} data-testid="refresh">
      {!running && !confirming && (
        <button type="button" class="action" onClick={() => void onButton()} disabled={pagesToLoad === 0}>
          {t('refresh.button')}
        </button>
      )}
      {!running && pagesToLoad === 0 && <p class="small">{t('refresh.nothing', { platform })}</p>}
      {confirming && (
        <div class="confirm" data-testid="refresh-confirm">
          <p>{describeExplain(confirming.pages, platform, confirming.delayMs, t)}</p>
          <button type="button" class="action" onClick={() => void confirm()}>
            {t('refresh.start')}
          </button>{' '}
          <button type="button" class="link" onClick={() => setConfirming(null)}>
            {t('refresh.notNow')}
          </button>
        </div>
      )}
      {message && (
        <p class="small" role="status">
          {message}
        </p>
      )}
      {shown && summary && running && (
        <div class="progress" data-testid="refresh-progress">
          <progress max={Math.max(1, summary.pages)} value={summary.done} aria-label={t('refresh.progressLabel')} />
          <p role="status" data-testid="refresh-status">
            {summary.currentEntity
              ? t('refresh.progress', {
                  done: Math.min(summary.done + 1, summary.pages),
                  total: summary.pages,
                  // In full while it is being read (« Ministère de la Culture »); short in the list below.
                  name: fullName(summary.currentEntity),
                })
              : t('refresh.waiting', { done: summary.done, total: summary.pages })}
          </p>
          <button
            type="button"
            class="link"
            onClick={() => void browser.runtime.sendMessage({ type: 'civiscope:refresh-cancel' })}
          >
            {t('refresh.cancel')}
          </button>
        </div>
      )}
      {shown && summary && !running && (
        <div class="done" data-testid="refresh-summary">
          <p role="status">
            {t('refresh.doneAt', {
              time: formatTime(shown.finishedAt ?? shown.startedAt, lang),
              summary: describeSummary(summary, t),
            })}
          </p>
          {shown.stop && <p data-testid="refresh-stop">{t(`refresh.stop.${shown.stop}`, { platform })}</p>}
          <details>
            <summary>{t('refresh.details')}</summary>
            <ul class="small" data-testid="refresh-peers">
              {shown.peers.map((p) => (
                <li key={p.entity} data-entity={p.entity} data-outcome={p.outcome?.kind ?? 'pending'}>
                  {name(p.entity)} — {peerWords(p, t, lang)}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </section>
  );
}

function peerWords(p: Peer, t: Translate, lang: Lang): string {
  const o = p.outcome;
  if (!o) return '';
  switch (o.kind) {
    case 'read':
      return t('refresh.peer.read', { value: formatNumber(o.value, lang) });
    case 'unreadable':
      return t(`refresh.reason.${o.reason}`);
    case 'other-account':
      return t('refresh.peer.other-account', { seen: o.seen });
    case 'no-account':
      return t('refresh.peer.no-account');
    case 'closed':
      return t('refresh.peer.closed');
    case 'not-loaded':
      return t(o.reason === 'job-cap' ? 'refresh.peer.job-cap' : 'refresh.peer.stopped');
  }
}
