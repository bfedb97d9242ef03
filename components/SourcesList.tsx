import type { Comparison } from '@/lib/compare';
import type { Dataset } from '@/lib/dataset';
import type { Lang, Translate } from '@/lib/i18n';
import { entityShortName } from '@/lib/i18n/format';
import { SourceLink } from './SourceLink';

export interface SourcesListProps {
  comparison: Comparison;
  dataset: Dataset;
  lang: Lang;
  t: Translate;
}

/** The provenance of every figure in the comparison: which source, for whom. */
export function SourcesList({ comparison, dataset, lang, t }: SourcesListProps) {
  const bySource = new Map<string, string[]>();
  for (const m of comparison.cohort) {
    if (m.origin !== 'dataset' || !m.source) continue;
    const names = bySource.get(m.source) ?? [];
    names.push(entityShortName({ name: m.name, shortName: m.shortName ?? undefined }, lang));
    bySource.set(m.source, names);
  }
  for (const m of comparison.cohort) {
    if (m.population && !bySource.has(m.population.source)) bySource.set(m.population.source, []);
  }
  if (bySource.size === 0) return null;
  return (
    <details class="provenance">
      <summary>
        <h2>{t('popup.sources.title')}</h2>
      </summary>
      <ul class="sources" data-testid="figure-sources">
        {[...bySource].map(([id, names]) => (
          <li key={id}>
            {names.length > 0 && <strong>{names.join(', ')} — </strong>}
            <SourceLink dataset={dataset} id={id} lang={lang} />
          </li>
        ))}
      </ul>
    </details>
  );
}
