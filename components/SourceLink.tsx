import type { Dataset } from '@/lib/dataset';
import type { Lang } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/format';

export interface SourceLinkProps {
  dataset: Dataset;
  id: string;
  lang: Lang;
}

/** A dataset source: its title (a link when it has a URL) and its date. */
export function SourceLink({ dataset, id, lang }: SourceLinkProps) {
  const source = dataset.sources[id];
  if (!source) return <span>{id}</span>;
  const date = source.date ? ` (${formatDate(source.date, lang)})` : '';
  const isLink = source.url && /^https?:\/\//.test(source.url);
  return (
    <span class="source">
      {isLink ? (
        <a href={source.url} target="_blank" rel="noreferrer">
          {source.title}
        </a>
      ) : (
        source.title
      )}
      {date}
    </span>
  );
}
