import { useMemo, useState } from 'preact/hooks';
import type { Dataset } from '@/lib/dataset';
import type { Observation } from '@/lib/history/observation';
import type { Lang, Translate } from '@/lib/i18n';
import { saveFile } from '@/lib/popup/save-file';
import { describeStudy, studyFooter } from '@/lib/study/describe';
import { studyToday } from '@/lib/study/study';
import { studyFileName, studyToJson, studyToMarkdown } from '@/lib/study/writers';

export interface StudySectionProps {
  dataset: Dataset;
  /** This browser's readings (the local history); they count as today's figures where newer. */
  observations: readonly Observation[];
  lang: Lang;
  t: Translate;
  now: Date;
  /** Saves a file; defaults to the popup's saveFile (downloads permission, else a link). Tests inject one. */
  save?: (name: string, blob: Blob) => Promise<unknown>;
  /** Prints the page; defaults to window.print. */
  print?: () => void;
}

/**
 * Print: the section alone, black on white, the table kept whole per row, buttons hidden, link
 * addresses not expanded (the sources list already gives them). Scoped to the section's class so
 * that it does not restyle the rest of the dashboard.
 */
export const STUDY_PRINT_CSS = `
@media print {
  @page { size: A4; margin: 15mm; }
  .study-section { color: #000; background: #fff; font-size: 10pt; }
  .study-section .study-actions, .study-section [role="status"] { display: none; }
  .study-section table { width: 100%; border-collapse: collapse; }
  .study-section th, .study-section td { border: 0.5pt solid #888; padding: 2pt 4pt; vertical-align: top; }
  .study-section tr { break-inside: avoid; }
  .study-section a { color: #000; text-decoration: none; }
}
.study-section .study-unknown { font-style: italic; }
.study-section td ul { margin: 0; padding-left: 1.1em; }
.study-section td li.study-sub { margin-left: 1em; list-style-type: circle; font-size: 0.92em; }
.study-section tbody th { font-weight: normal; text-align: left; vertical-align: top; }
.study-section tbody th p { margin: 0.3em 0 0; }
.study-section table { table-layout: fixed; width: 100%; }
.study-section col.study-col-finding { width: 22%; }
.study-section col.study-col-then { width: 17%; }
.study-section col.study-col-now { width: 37%; }
.study-section col.study-col-dates { width: 11%; }
.study-section col.study-col-sources { width: 13%; }
.study-section td, .study-section th { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  .study-section table, .study-section thead, .study-section tbody, .study-section tr, .study-section th, .study-section td { display: block; width: auto; }
  .study-section thead { position: absolute; left: -9999px; }
  .study-section td::before { content: attr(data-label); display: block; font-weight: bold; }
}
`;

const TYPES = { md: 'text/markdown;charset=utf-8', json: 'application/json' } as const;

/** "L'étude de 2012, aujourd'hui": each finding of the study beside today's measure, with dates and sources. */
export function StudySection({ dataset, observations, lang, t, now, save, print }: StudySectionProps) {
  const nowIso = now.toISOString();
  const report = useMemo(() => studyToday(dataset, observations, nowIso), [dataset, observations, nowIso]);
  const words = useMemo(() => describeStudy(report, dataset, lang), [report, dataset, lang]);
  const [status, setStatus] = useState('');
  const day = nowIso.slice(0, 10);
  const saveWith = save ?? ((name: string, blob: Blob) => saveFile(name, blob));

  const exportAs = (ext: 'md' | 'json') => () => {
    const name = studyFileName(day, ext);
    const content =
      ext === 'md' ? studyToMarkdown(report, dataset, lang) : studyToJson(report, dataset, { exportedAt: nowIso });
    saveWith(name, new Blob([content], { type: TYPES[ext] }))
      .then(() => setStatus(t('study.export.done', { name })))
      .catch((error: unknown) => setStatus(t('study.export.failed', { error: String(error) })));
  };

  const cited = new Map(words.flatMap((w) => w.sources).map((s) => [s.id, s]));
  const sources = [...cited.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

  return (
    <section class="study-section" data-testid="study-section" aria-labelledby="study-title">
      <style>{STUDY_PRINT_CSS}</style>
      <h2 id="study-title">{t('study.title')}</h2>
      <p>{t('study.intro')}</p>
      {report.study && (
        <p class="small">
          {t('study.studyLine', {
            title: (lang === 'en' && report.study.title.en) || report.study.title.fr,
            date: report.study.date,
          })}
        </p>
      )}
      <div class="study-actions buttons">
        <button type="button" data-testid="study-export-md" onClick={exportAs('md')}>
          {t('study.export.md')}
        </button>
        <button type="button" data-testid="study-export-json" onClick={exportAs('json')}>
          {t('study.export.json')}
        </button>
        <button type="button" data-testid="study-print" onClick={() => (print ?? (() => window.print()))()}>
          {t('study.export.print')}
        </button>
      </div>
      <p class="small" role="status" data-testid="study-status">
        {status}
      </p>
      <div class="table-scroll">
        <table data-testid="study-table">
          <colgroup>
            <col class="study-col-finding" />
            <col class="study-col-then" />
            <col class="study-col-now" />
            <col class="study-col-dates" />
            <col class="study-col-sources" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('study.col.finding')}</th>
              <th scope="col">{t('study.col.then')}</th>
              <th scope="col">{t('study.col.now')}</th>
              <th scope="col">{t('study.col.dates')}</th>
              <th scope="col">{t('study.col.sources')}</th>
            </tr>
          </thead>
          <tbody>
            {words.map((w) => (
              <tr key={w.id} data-testid={`study-row-${w.id}`} data-status={w.status}>
                <th scope="row">
                  <strong>{w.title}</strong>
                  {w.finding && <p class="small">{w.finding}</p>}
                </th>
                <td data-testid={`study-then-${w.id}`} data-label={t('study.col.then')}>
                  {w.in2012}
                </td>
                <td
                  data-testid={`study-now-${w.id}`}
                  data-label={t('study.col.now')}
                  class={w.status === 'measured' ? undefined : 'study-unknown'}
                >
                  <ul>
                    {w.today.map((line, i) => (
                      // Lines repeat across groups ("order not certain"): the position is the identity.
                      <li key={i} class={line.startsWith('  ') ? 'study-sub' : undefined}>
                        {line.trim()}
                      </li>
                    ))}
                  </ul>
                </td>
                <td data-label={t('study.col.dates')}>{w.dates}</td>
                <td title={w.sources.map((x) => x.id).join(', ')} data-label={t('study.col.sources')}>
                  {w.sources.length > 4
                    ? `${w.sources
                        .slice(0, 4)
                        .map((x) => x.id)
                        .join(', ')} … (+${w.sources.length - 4})`
                    : w.sources.map((x) => x.id).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* A plain list, not <details>: a printed report must show its sources. */}
      <h3>
        {t('study.col.sources')} ({sources.length})
      </h3>
      <ul data-testid="study-sources">
        {sources.map((s) => (
          <li key={s.id}>
            <code>{s.id}</code> —{' '}
            {s.url && /^https?:\/\//i.test(s.url) ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
            ) : (
              s.title
            )}
            {s.date ? ` (${s.date})` : ''}
          </li>
        ))}
      </ul>
      <p class="small">{studyFooter(report, lang)}</p>
    </section>
  );
}
