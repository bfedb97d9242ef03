import type { Entity } from '@/lib/dataset';
import type { Lang } from '@/lib/i18n';

/** An entity's name in the user's language, French when no translation exists. */
export function entityName(entity: Entity, lang: Lang): string {
  return (lang === 'en' && entity.name.en) || entity.name.fr;
}

/** A dataset date (YYYY, YYYY-MM or YYYY-MM-DD) in the user's locale, at the precision it has. */
export function formatDate(date: string, lang: Lang): string {
  const [y = 0, m, d] = date.split('-').map(Number);
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  if (m && d)
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
  if (m)
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, 1),
    );
  return String(y);
}
