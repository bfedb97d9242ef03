import { useMemo, useState } from 'preact/hooks';
import { accountHistory, growthPerMonth } from '@/lib/dashboard/history-series';
import type { DashboardData } from '@/lib/dashboard/load';
import { foldText, matchesQuery } from '@/lib/dashboard/text';
import type { Dataset } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import { entityName } from '@/lib/i18n/format';
import { platformLabel } from '@/lib/platforms/labels';
import type { Metric } from '@/lib/platforms/types';
import type { AccountPick } from './Dashboard';
import { HistoryChart } from './HistoryChart';
import { HistoryTable } from './HistoryTable';
import { PrintButton } from './Print';

export interface HistorySectionProps {
  data: DashboardData;
  lang: Lang;
  t: Translate;
  picked: AccountPick | null;
  onPick: (account: AccountPick) => void;
}

const MAX_RESULTS = 12;

/** Every account of the dataset, with its names and key folded for the search. */
function searchableAccounts(dataset: Dataset) {
  return dataset.entities.flatMap((entity) =>
    entity.accounts.map((account) => ({
      entity,
      account,
      search: foldText(
        [entity.name.fr, entity.name.en, entity.shortName?.fr, account.key, platformLabel(account.platform)]
          .filter(Boolean)
          .join(' '),
      ),
    })),
  );
}

/** One account's figures over time: a chart, the same data as a table, and the growth per month. */
export function HistorySection({ data, lang, t, picked, onPick }: HistorySectionProps) {
  const dataset = data.index.dataset;
  const [query, setQuery] = useState('');
  const [metricChoice, setMetricChoice] = useState<Metric | null>(null);
  const accounts = useMemo(() => searchableAccounts(dataset), [dataset]);
  const results = query.trim() ? accounts.filter((a) => matchesQuery(a.search, query)).slice(0, MAX_RESULTS) : [];
  const entity = picked ? data.index.entity(picked.entityId) : undefined;
  const account = entity?.accounts.find((a) => a.platform === picked?.platform && a.key === picked?.key);
  const history = useMemo(
    () => (entity && account ? accountHistory(entity, account, data.observations) : null),
    [entity, account, data.observations],
  );
  const metric =
    history && (metricChoice && history.metrics.includes(metricChoice) ? metricChoice : history.metrics[0]);
  const points = history && metric ? history.points.filter((p) => p.metric === metric) : [];
  const growth = growthPerMonth(points);
  const title =
    entity && account
      ? t('dash.history.of', {
          name: entityName(entity, lang),
          platform: platformLabel(account.platform),
          key: account.key,
        })
      : '';
  return (
    <section id="history" aria-labelledby="history-heading" class="dash-section">
      <h2 id="history-heading" tabIndex={-1}>
        {t('dash.history.title')}
      </h2>
      <p class="small">{t('dash.history.intro')}</p>
      <div class="account-search">
        <label>
          {t('dash.history.search')}{' '}
          <input
            type="search"
            value={query}
            data-testid="history-search"
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
        </label>
        {query.trim() !== '' && (
          <>
            <p class="small" role="status">
              {results.length === 0 ? t('dash.history.noMatch') : t('dash.history.matches', { n: results.length })}
            </p>
            <ul class="results" data-testid="history-results">
              {results.map((r) => (
                <li key={`${r.account.platform} ${r.account.key}`}>
                  <button
                    type="button"
                    class="link"
                    onClick={() => {
                      onPick({ entityId: r.entity.id, platform: r.account.platform, key: r.account.key });
                      setQuery('');
                    }}
                  >
                    {entityName(r.entity, lang)} — {platformLabel(r.account.platform)} {r.account.key}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {!history ? (
        <p data-testid="history-empty">{t('dash.history.pick')}</p>
      ) : (
        <div class="history" data-testid="history">
          <div class="section-head">
            <h3>{title}</h3>
            <PrintButton section="history" label={t('dash.print')} />
          </div>
          {history.metrics.length > 1 && (
            <fieldset class="metric-picker">
              <legend>{t('dash.history.metric')}</legend>
              {history.metrics.map((m) => (
                <label key={m}>
                  <input
                    type="radio"
                    name="history-metric"
                    checked={m === metric}
                    onChange={() => setMetricChoice(m)}
                  />{' '}
                  {t(`dash.history.metric.${m}`)}
                </label>
              ))}
            </fieldset>
          )}
          {points.length === 0 ? (
            <p>{t('dash.history.none')}</p>
          ) : (
            <>
              <HistoryChart points={points} title={title} lang={lang} t={t} />
              <HistoryTable points={points} growth={growth} dataset={dataset} lang={lang} t={t} />
            </>
          )}
          {history.undated > 0 && <p class="small">{t('dash.history.undated', { n: history.undated })}</p>}
        </div>
      )}
    </section>
  );
}
