import { useState } from 'preact/hooks';
import type { Comparison } from '@/lib/compare';
import type { Dataset } from '@/lib/dataset';
import {
  type CsvDialect,
  chartModel,
  comparisonToCsv,
  comparisonToJson,
  comparisonToMarkdown,
  defaultDialect,
  drawChart,
  exportFileName,
  groupExportFileName,
  groupToCsv,
  groupToJson,
} from '@/lib/export';
import type { Lang, Translate } from '@/lib/i18n';
import { canvasToPng, saveFile } from '@/lib/popup/save-file';

export interface ExportActionsProps {
  comparison: Comparison;
  dataset: Dataset;
  /** The chart's current view, so that the image is what the popup shows. */
  perInhabitant: boolean;
  lang: Lang;
  t: Translate;
  now: Date;
}

const TYPES = { csv: 'text/csv;charset=utf-8', json: 'application/json', md: 'text/markdown;charset=utf-8' } as const;

/** Export of the comparison on screen (and of its whole group), one click each. */
export function ExportActions({ comparison, dataset, perInhabitant, lang, t, now }: ExportActionsProps) {
  const [dialect, setDialect] = useState<CsvDialect>(defaultDialect(lang));
  const [status, setStatus] = useState('');
  const day = now.toISOString().slice(0, 10);
  const exportedAt = now.toISOString();
  const name = (ext: string) => exportFileName(comparison.entity, comparison.platform, day, ext);

  const run = (work: () => Promise<string>) => () => {
    work()
      .then(setStatus)
      .catch((error: unknown) => setStatus(t('popup.export.failed', { error: String(error) })));
  };
  const save = (file: string, content: BlobPart, type: string) =>
    saveFile(file, new Blob([content], { type })).then(() => t('popup.export.done', { name: file }));

  const png = async () => {
    const model = chartModel(comparison, lang, { perInhabitant, sources: dataset.sources });
    const canvas = document.createElement('canvas');
    canvas.width = model.width * 2;
    canvas.height = model.height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    drawChart(ctx, model, 2);
    return save(name('png'), await canvasToPng(canvas), 'image/png');
  };

  return (
    <>
      <fieldset class="switch">
        <legend>{t('popup.export.dialect')}</legend>
        {(['fr', 'intl'] as const).map((d) => (
          <label key={d}>
            <input type="radio" name="dialect" checked={dialect === d} onChange={() => setDialect(d)} />
            {t(`popup.export.dialect.${d}`)}
          </label>
        ))}
      </fieldset>
      <div class="buttons">
        <button
          type="button"
          data-testid="export-csv"
          onClick={run(() => save(name('csv'), comparisonToCsv(comparison, dataset, { dialect, lang }), TYPES.csv))}
        >
          {t('popup.export.csv')}
        </button>
        <button
          type="button"
          data-testid="export-json"
          onClick={run(() => save(name('json'), comparisonToJson(comparison, dataset, { exportedAt }), TYPES.json))}
        >
          {t('popup.export.json')}
        </button>
        <button
          type="button"
          data-testid="export-md"
          onClick={run(() => save(name('md'), comparisonToMarkdown(comparison, dataset, lang), TYPES.md))}
        >
          {t('popup.export.md')}
        </button>
        <button
          type="button"
          data-testid="export-copy"
          onClick={run(async () => {
            await navigator.clipboard.writeText(comparisonToMarkdown(comparison, dataset, lang));
            return t('popup.export.copied');
          })}
        >
          {t('popup.export.copy')}
        </button>
        <button type="button" data-testid="export-png" onClick={run(png)}>
          {t('popup.export.png')}
        </button>
      </div>
      <p class="small">{t('popup.export.group', { groups: t(`groups.${comparison.group}`) })}</p>
      <div class="buttons">
        <button
          type="button"
          data-testid="export-group-csv"
          onClick={run(() =>
            save(
              groupExportFileName(comparison.group, day, 'csv'),
              groupToCsv(dataset, comparison.group, { dialect, lang }),
              TYPES.csv,
            ),
          )}
        >
          CSV
        </button>
        <button
          type="button"
          data-testid="export-group-json"
          onClick={run(() =>
            save(
              groupExportFileName(comparison.group, day, 'json'),
              groupToJson(dataset, comparison.group, { exportedAt }),
              TYPES.json,
            ),
          )}
        >
          JSON
        </button>
      </div>
      <p class="small" role="status" data-testid="export-status">
        {status}
      </p>
    </>
  );
}
