import { en } from './en';
import { fr } from './fr';

export type Lang = 'fr' | 'en';
export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;

const CATALOGS: Record<Lang, Messages> = { fr, en };

/** French first: any French browser locale gets French, everything else English. */
export function pickLang(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The user's language setting (lib/settings) applied: a fixed language, or the browser's. */
export function chooseLang(choice: 'auto' | Lang, locale: string | undefined): Lang {
  return choice === 'auto' ? pickLang(locale) : choice;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The same catalogs serve the popup and the command line, so both say exactly the same thing.
 * Placeholders are `{name}`; a missing parameter is left visible rather than silently dropped.
 */
export function translator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

export function catalog(lang: Lang): Messages {
  return CATALOGS[lang];
}
