import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Dataset } from '@/lib/dataset';
import type { Observation } from '@/lib/history/observation';
import type { Lang, Translate } from '@/lib/i18n';
import { entityShortName, formatNumber } from '@/lib/i18n/format';
import type { Overlay, OverlayAbsence, OverlayAccount, OverlayParticipation, OverlaySource } from '@/lib/overlay/types';
import { platformLabel } from '@/lib/platforms/labels';
import { saveFile } from '@/lib/popup/save-file';
import {
  type AppliedImport,
  applyImport,
  exportUserData,
  formatSize,
  type ImportChoices,
  type ImportPlan,
  type ImportProblem,
  importSizeProblem,
  MAX_IMPORT_BYTES,
  pageLabel,
  parseImport,
  readingsByAccount,
  summarise,
} from '@/lib/userdata';

export interface YourDataSectionProps {
  /** The bundled dataset (names, and the base of the export). */
  dataset: Dataset;
  overlay: Overlay;
  observations: readonly Observation[];
  lang: Lang;
  t: Translate;
  now: Date;
  onRemoveAccount: (account: OverlayAccount) => unknown;
  onRemoveAbsence: (absence: OverlayAbsence) => unknown;
  onRemoveParticipation: (participation: OverlayParticipation) => unknown;
  onRemoveObservation: (observation: Observation) => unknown;
  /** Saves the merged overlay and history (the caller writes storage). */
  onImport: (result: AppliedImport) => unknown;
  onEraseAll: () => unknown;
  /** Saves a file; defaults to the popup's saveFile. */
  save?: (name: string, blob: Blob) => Promise<unknown>;
}

type ImportState =
  | { step: 'idle' }
  | { step: 'problems'; file: string; problems: ImportProblem[] }
  | { step: 'plan'; file: string; plan: ImportPlan; choices: ImportChoices };

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function provenance(source: OverlaySource, t: Translate): string {
  switch (source.kind) {
    case 'official-site':
      return t('userdata.from.official-site', { site: hostOf(source.url), date: source.readAt.slice(0, 10) });
    case 'user':
      return t('userdata.from.user', { date: source.addedAt.slice(0, 10) });
    case 'import':
      return t('userdata.from.import', { file: source.file, date: source.importedAt.slice(0, 10) });
  }
}

/** "Vos données": what this browser added, each entry removable; export, import, erase everything. */
export function YourDataSection(props: YourDataSectionProps) {
  const { dataset, overlay, observations, lang, t, now } = props;
  const [status, setStatus] = useState('');
  const [importing, setImporting] = useState<ImportState>({ step: 'idle' });
  const [confirmErase, setConfirmErase] = useState(false);
  const summary = useMemo(() => summarise(overlay, observations), [overlay, observations]);
  const groups = useMemo(() => readingsByAccount(observations), [observations]);
  const entityLabel = (id: string) => {
    const e = dataset.entities.find((x) => x.id === id);
    return e ? entityShortName(e, lang) : id;
  };
  const accountLabel = (a: { entityId: string; platform: OverlayAccount['platform']; key: string }) =>
    `${entityLabel(a.entityId)} — ${platformLabel(a.platform)} ${a.key}`;
  const readingText = (o: Observation) =>
    t('userdata.reading', {
      date: o.at.slice(0, 10),
      value: formatNumber(o.value, lang),
      metric: t(`metric.${o.metric}`),
      precision: o.precision === 'exact' ? '' : ` (${t(`precision.${o.precision}`)})`,
      origin: o.origin === 'refreshed' ? t('userdata.reading.refreshed') : '',
    });

  const exportData = () => {
    const result = exportUserData(dataset, overlay, observations, now.toISOString());
    const leftOut = result.readingsLeftOut + result.conflictsLeftOut + result.absencesLeftOut;
    (props.save ?? ((name: string, blob: Blob) => saveFile(name, blob)))(
      result.fileName,
      new Blob([result.text], { type: 'application/json' }),
    )
      .then(() =>
        setStatus(
          [
            t('userdata.export.done', { name: result.fileName, accounts: result.accounts, figures: result.figures }),
            leftOut > 0
              ? t('userdata.export.leftOut', {
                  readings: result.readingsLeftOut,
                  conflicts: result.conflictsLeftOut,
                  absences: result.absencesLeftOut,
                })
              : '',
            result.participationLeftOut > 0
              ? t('userdata.export.participationLeftOut', { n: result.participationLeftOut })
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        ),
      )
      .catch((error: unknown) => setStatus(t('userdata.export.failed', { error: String(error) })));
  };

  const readImport = async (file: File) => {
    setStatus(t('userdata.import.reading', { name: file.name }));
    // Refuse a huge file before reading it into memory at all.
    const tooBig = importSizeProblem(file.size);
    if (tooBig) {
      setImporting({ step: 'problems', file: file.name, problems: [tooBig] });
      setStatus('');
      return;
    }
    const text = await file.text();
    const result = parseImport(text, dataset, { overlay, observations }, { file: file.name, now: now.toISOString() });
    setStatus('');
    if ('problems' in result) setImporting({ step: 'problems', file: file.name, problems: result.problems });
    else setImporting({ step: 'plan', file: file.name, plan: result.plan, choices: {} });
  };

  const merge = async (plan: ImportPlan, choices: ImportChoices) => {
    try {
      const result = applyImport(plan, choices);
      await props.onImport(result);
      setImporting({ step: 'idle' });
      setStatus(t('userdata.import.done', { added: result.added, replaced: result.replaced }));
    } catch (error) {
      setStatus(t('userdata.import.failed', { error: String(error) }));
    }
  };

  return (
    <section class="your-data" data-testid="your-data" aria-labelledby="your-data-title">
      <h2 id="your-data-title">{t('userdata.title')}</h2>
      <p>{t('userdata.intro')}</p>
      <ul data-testid="your-data-counts">
        <li>{t('userdata.accounts.count', { n: summary.accounts, size: formatSize(summary.overlayBytes, lang) })}</li>
        <li>
          {t('userdata.readings.count', {
            n: summary.readings,
            accounts: t(`userdata.readings.accounts.${summary.readingAccounts === 1 ? 'one' : 'other'}`, {
              n: summary.readingAccounts,
            }),
            size: formatSize(summary.historyBytes, lang),
          })}
        </li>
        {summary.absences > 0 && <li>{t('userdata.absences.count', { n: summary.absences })}</li>}
        {summary.participation > 0 && <li>{t('userdata.participation.count', { n: summary.participation })}</li>}
      </ul>

      <h3>{t('userdata.accounts.title')}</h3>
      {overlay.accounts.length === 0 ? (
        <p class="small">{t('userdata.accounts.none')}</p>
      ) : (
        <RemovableTable
          testId="your-accounts"
          columns={['institution', 'platform', 'account', 'from']}
          rows={overlay.accounts}
          rowKey={(a) => `${a.platform} ${a.key}`}
          cells={(a) => [
            entityLabel(a.entityId),
            platformLabel(a.platform),
            link(a.url, a.key),
            provenance(a.source, t),
          ]}
          removeLabel={(a) => t('userdata.removeAccount', { account: accountLabel(a) })}
          onRemove={props.onRemoveAccount}
          t={t}
        />
      )}

      {/* Only when there are some, as their count: most users never run a search on official sites. */}
      {overlay.absences.length > 0 && (
        <>
          <h3>{t('userdata.absences.title')}</h3>
          <p class="small">{t('userdata.absences.intro')}</p>
          <RemovableTable
            testId="your-absences"
            columns={['institution', 'platform', 'page', 'checked']}
            rows={overlay.absences}
            // One absence per institution and platform (addAbsences keeps the newest).
            rowKey={(x) => `${x.entityId} ${x.platform}`}
            cells={(x) => [
              entityLabel(x.entityId),
              platformLabel(x.platform),
              link(x.url, pageLabel(x.url)),
              x.checkedAt.slice(0, 10),
            ]}
            removeLabel={(x) =>
              t('userdata.removeAbsence', {
                date: x.checkedAt.slice(0, 10),
                platform: platformLabel(x.platform),
                institution: entityLabel(x.entityId),
              })
            }
            onRemove={props.onRemoveAbsence}
            t={t}
          />
        </>
      )}

      {/* Like the absences: only when there are some. */}
      {(overlay.participation ?? []).length > 0 && (
        <>
          <h3>{t('userdata.participation.title')}</h3>
          <p class="small">{t('userdata.participation.intro')}</p>
          <RemovableTable
            testId="your-participation"
            columns={['institution', 'participation', 'page', 'read']}
            rows={overlay.participation ?? []}
            rowKey={(p) => `${p.entityId} ${p.url}`}
            cells={(p) => [
              entityLabel(p.entityId),
              link(p.url, pageLabel(p.url)),
              link(p.source.url, pageLabel(p.source.url)),
              p.source.readAt.slice(0, 10),
            ]}
            removeLabel={(p) =>
              t('userdata.removeParticipation', { url: pageLabel(p.url), institution: entityLabel(p.entityId) })
            }
            onRemove={props.onRemoveParticipation}
            t={t}
          />
        </>
      )}

      <h3>{t('userdata.readings.title')}</h3>
      {groups.length === 0 ? (
        <p class="small">{t('userdata.readings.none')}</p>
      ) : (
        <ul data-testid="your-readings">
          {groups.map((g) => (
            <li key={`${g.entityId} ${g.platform} ${g.key}`}>
              <details>
                <summary>
                  {t('userdata.readings.summary', {
                    account: accountLabel(g),
                    n: g.readings.length,
                    newest: g.readings[0] ? readingText(g.readings[0]) : '',
                  })}
                </summary>
                <ul>
                  {g.readings.map((o) => (
                    <li key={`${o.metric} ${o.at}`}>
                      {readingText(o)}{' '}
                      <button
                        type="button"
                        aria-label={t('userdata.removeReading', { date: o.at.slice(0, 10), account: accountLabel(o) })}
                        onClick={() => props.onRemoveObservation(o)}
                      >
                        {t('userdata.remove')}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}

      <div class="buttons">
        <button type="button" data-testid="your-data-export" onClick={exportData}>
          {t('userdata.export')}
        </button>
        <label class="button">
          {t('userdata.import')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="your-data-import"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              // Reset so that choosing the same file again fires a change (importing twice is allowed).
              input.value = '';
              if (file)
                readImport(file).catch((error) => setStatus(t('userdata.import.failed', { error: String(error) })));
            }}
          />
        </label>
        <button type="button" data-testid="your-data-erase" onClick={() => setConfirmErase(true)}>
          {t('userdata.erase')}
        </button>
      </div>
      <p class="small">{t('userdata.export.hint')}</p>
      <p class="small">{t('userdata.import.hint', { max: formatSize(MAX_IMPORT_BYTES, lang) })}</p>

      {confirmErase && (
        <div role="alertdialog" aria-labelledby="erase-question" data-testid="your-data-erase-confirm">
          <p id="erase-question">{t('userdata.erase.confirm')}</p>
          <div class="buttons">
            <button
              type="button"
              data-testid="your-data-erase-yes"
              onClick={async () => {
                await props.onEraseAll();
                setConfirmErase(false);
                setStatus(t('userdata.erase.done'));
              }}
            >
              {t('userdata.erase.yes')}
            </button>
            <button type="button" onClick={() => setConfirmErase(false)}>
              {t('userdata.import.cancel')}
            </button>
          </div>
        </div>
      )}

      {importing.step === 'problems' && (
        <div data-testid="your-data-import-problems" role="alert">
          <p>{t('userdata.import.problems', { n: importing.problems.length })}</p>
          <ul>
            {importing.problems.map((p) => (
              <li key={`${p.path} ${p.message}`}>
                <code>{p.path}</code> — {p.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setImporting({ step: 'idle' })}>
            {t('userdata.import.cancel')}
          </button>
        </div>
      )}

      {importing.step === 'plan' && (
        <ImportPlanView
          plan={importing.plan}
          choices={importing.choices}
          t={t}
          readingText={readingText}
          accountLabel={accountLabel}
          onChoose={(id, choice) => setImporting({ ...importing, choices: { ...importing.choices, [id]: choice } })}
          onMerge={() => merge(importing.plan, importing.choices)}
          onCancel={() => setImporting({ step: 'idle' })}
        />
      )}

      <p class="small" role="status" data-testid="your-data-status">
        {status}
      </p>
    </section>
  );
}

interface ImportPlanViewProps {
  plan: ImportPlan;
  choices: ImportChoices;
  t: Translate;
  readingText: (o: Observation) => string;
  accountLabel: (a: { entityId: string; platform: OverlayAccount['platform']; key: string }) => string;
  onChoose: (id: string, choice: 'keep' | 'replace') => void;
  onMerge: () => void;
  onCancel: () => void;
}

/** What an import would do, before it does it: counts, and each conflict with the user's choice. */
function ImportPlanView({
  plan,
  choices,
  t,
  readingText,
  accountLabel,
  onChoose,
  onMerge,
  onCancel,
}: ImportPlanViewProps) {
  const add =
    plan.add.accounts.length + plan.add.observations.length + plan.add.absences.length + plan.add.participation.length;
  const unchanged =
    plan.unchanged.accounts + plan.unchanged.observations + plan.unchanged.absences + plan.unchanged.participation;
  const nothing = add === 0 && plan.conflicts.length === 0;
  const describeAccount = (a: OverlayAccount) => `${a.url} (${accountLabel(a)})`;
  return (
    <div data-testid="your-data-import-plan">
      <p>{t('userdata.import.plan', { add, unchanged, conflicts: plan.conflicts.length })}</p>
      {nothing && <p>{t('userdata.import.nothing')}</p>}
      {plan.conflicts.length > 0 && <p>{t('userdata.import.conflicts')}</p>}
      {plan.conflicts.map((c) => (
        <fieldset key={c.id} data-testid={`conflict-${c.id}`}>
          <legend>
            {c.kind === 'account'
              ? t('userdata.import.conflict.account', {
                  account: accountLabel(c.incoming),
                  current: describeAccount(c.current),
                  incoming: describeAccount(c.incoming),
                })
              : t('userdata.import.conflict.reading', {
                  account: accountLabel(c.incoming),
                  date: c.incoming.at.slice(0, 10),
                  current: readingText(c.current),
                  incoming: readingText(c.incoming),
                })}
          </legend>
          {(['keep', 'replace'] as const).map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name={c.id}
                checked={(choices[c.id] ?? 'keep') === choice}
                onChange={() => onChoose(c.id, choice)}
              />
              {t(`userdata.import.${choice}`)}
            </label>
          ))}
        </fieldset>
      ))}
      <div class="buttons">
        <button type="button" data-testid="your-data-import-apply" disabled={nothing} onClick={onMerge}>
          {t('userdata.import.apply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('userdata.import.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A link that opens in a new tab. */
const link = (href: string, text: string) => (
  <a href={href} target="_blank" rel="noopener noreferrer">
    {text}
  </a>
);

/** A table of the user's entries of one kind, each row with its own remove button. */
function RemovableTable<T>(props: {
  testId: string;
  /** Column names, as `userdata.col.<name>` keys. */
  columns: readonly ('institution' | 'platform' | 'account' | 'from' | 'page' | 'checked' | 'participation' | 'read')[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  cells: (row: T) => ComponentChildren[];
  removeLabel: (row: T) => string;
  onRemove: (row: T) => void;
  t: Translate;
}) {
  const { t } = props;
  return (
    <div class="table-scroll">
      <table data-testid={props.testId}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {t(`userdata.col.${c}`)}
              </th>
            ))}
            <th scope="col">
              <span class="visually-hidden">{t('userdata.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.cells(row).map((cell, i) => (
                <td key={props.columns[i]}>{cell}</td>
              ))}
              <td>
                <button type="button" aria-label={props.removeLabel(row)} onClick={() => props.onRemove(row)}>
                  {t('userdata.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
