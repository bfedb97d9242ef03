import type { Entity } from '../dataset';
import type { Lang } from './';

/** Locales used for numbers and dates: the user's language, with European date order in English too. */
export const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** An entity's name in the user's language, French when no translation exists. */
export function entityName(entity: Pick<Entity, 'name'>, lang: Lang): string {
  return (lang === 'en' && entity.name.en) || entity.name.fr;
}

/** Short name for charts and lists ("Lille"), falling back to the full name. */
export function entityShortName(entity: Pick<Entity, 'name' | 'shortName'>, lang: Lang): string {
  const short = entity.shortName;
  return (short && ((lang === 'en' && short.en) || short.fr)) || entityName(entity, lang);
}

/** A dataset date (YYYY, YYYY-MM or YYYY-MM-DD) in the user's locale, at the precision it has. */
export function formatDate(date: string, lang: Lang): string {
  const [y = 0, m, d] = date.split('-').map(Number);
  const locale = LOCALES[lang];
  if (m && d) {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
  }
  if (m)
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, 1),
    );
  return String(y);
}

/** Time of day of an ISO datetime, in the user's time zone ("14:32"). */
export function formatTime(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits }).format(value);
}
