import { type Comparison, METHOD_SUMMARY } from '@/lib/compare';
import type { Lang, Translate } from '@/lib/i18n';

export interface MethodNoteProps {
  comparison: Comparison;
  lang: Lang;
  t: Translate;
}

/** The short version of METHOD.md, one click away. */
export function MethodNote({ comparison, lang, t }: MethodNoteProps) {
  return (
    <details class="method">
      <summary>
        <h2>{t('popup.method.title')}</h2>
        <span class="small">
          {t('popup.method.version', { version: comparison.methodVersion, edition: comparison.datasetEdition.id })}
        </span>
      </summary>
      <ul data-testid="method">
        {METHOD_SUMMARY[lang].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
