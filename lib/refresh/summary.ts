import type { RefreshJob, UnreadableReason } from './types';

/** Where a job stands, counted for the popup's progress line and summary. Pure. */
export interface JobSummary {
  /** Pages to load (peers with an open account, within the per-job cap). */
  pages: number;
  /** Pages done (read or not). */
  done: number;
  read: number;
  unreadable: Partial<Record<UnreadableReason, number>>;
  unreadableTotal: number;
  otherAccount: number;
  noAccount: number;
  closed: number;
  notLoaded: number;
  /** Entity being loaded now, when running. */
  currentEntity: string | null;
}

export function summarise(job: RefreshJob): JobSummary {
  const s: JobSummary = {
    pages: 0,
    done: 0,
    read: 0,
    unreadable: {},
    unreadableTotal: 0,
    otherAccount: 0,
    noAccount: 0,
    closed: 0,
    notLoaded: 0,
    currentEntity: null,
  };
  for (const p of job.peers) {
    const o = p.outcome;
    if (o === null) s.pages++;
    else if (o.kind === 'no-account') s.noAccount++;
    else if (o.kind === 'closed') s.closed++;
    else if (o.kind === 'not-loaded') {
      s.notLoaded++;
      // A page the job stopped before still counted as one to load.
      if (o.reason === 'stopped') s.pages++;
    } else {
      s.pages++;
      s.done++;
      if (o.kind === 'read') s.read++;
      else if (o.kind === 'other-account') s.otherAccount++;
      else {
        s.unreadableTotal++;
        s.unreadable[o.reason] = (s.unreadable[o.reason] ?? 0) + 1;
      }
    }
  }
  if (job.status === 'running' && job.current >= 0) s.currentEntity = job.peers[job.current]?.entity ?? null;
  return s;
}
